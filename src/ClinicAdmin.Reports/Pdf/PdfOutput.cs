using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace ClinicAdmin.Reports.Pdf;

/// <summary>
/// Saves a PDFsharp document to bytes whose compressed streams are complete zlib streams.
/// </summary>
/// <remarks>
/// PDFsharp (6.2.4, the MIT version we use, and 6.5 alike; .NET build) writes each FlateDecode
/// stream as a zlib header followed by .NET DeflateStream output, without the Adler-32 trailer that
/// RFC 1950 requires. Viewers cope, but <c>qpdf --check</c> warns on every such stream ("input
/// stream is complete but output may still be valid") and strict readers may refuse the file.
/// <see cref="Save"/> appends the missing trailers, fixes each stream's /Length, and rewrites the
/// cross-reference table. Anything it does not recognise is left exactly as PDFsharp wrote it.
/// </remarks>
public static partial class PdfOutput
{
    public static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return AddMissingZlibTrailers(stream.ToArray());
    }

    /// <summary>Appends the Adler-32 trailer to FlateDecode streams that lack it; returns the input unchanged when the layout is not the expected one.</summary>
    public static byte[] AddMissingZlibTrailers(byte[] pdf)
    {
        try
        {
            return TryAddTrailers(pdf) ?? pdf;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return pdf;
        }
    }

    private sealed record XrefEntry(int Number, long Offset, string Generation, char Kind);

    private static byte[]? TryAddTrailers(byte[] pdf)
    {
        // --- trailer: "startxref\n<offset>\n%%EOF"
        var tail = Encoding.ASCII.GetString(pdf, Math.Max(0, pdf.Length - 64), Math.Min(64, pdf.Length));
        var startXref = StartXref().Match(tail);
        if (!startXref.Success) return null;
        var xrefOffset = int.Parse(startXref.Groups[1].Value, CultureInfo.InvariantCulture);
        if (xrefOffset <= 0 || xrefOffset >= pdf.Length) return null;

        // --- classic cross-reference table: "xref\n" then subsections "first count\n" and 20-byte entries.
        var xrefText = Encoding.ASCII.GetString(pdf, xrefOffset, pdf.Length - xrefOffset);
        if (!xrefText.StartsWith("xref", StringComparison.Ordinal)) return null;   // a cross-reference stream: leave alone
        var trailerAt = xrefText.IndexOf("trailer", StringComparison.Ordinal);
        if (trailerAt < 0) return null;
        var entries = new List<XrefEntry>();
        var subsections = new List<(int First, int Count)>();
        var lines = xrefText[4..trailerAt].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length;)
        {
            var head = lines[i++].Split(' ');
            if (head.Length != 2) return null;
            var first = int.Parse(head[0], CultureInfo.InvariantCulture);
            var count = int.Parse(head[1], CultureInfo.InvariantCulture);
            subsections.Add((first, count));
            for (var k = 0; k < count; k++)
            {
                var parts = lines[i++].Split(' ');
                if (parts.Length != 3) return null;
                entries.Add(new XrefEntry(first + k, long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2][0]));
            }
        }

        // --- objects in file order; each runs to the next object (or to the xref table).
        var inUse = entries.Where(e => e.Kind == 'n').OrderBy(e => e.Offset).ToList();
        if (inUse.Count == 0 || inUse[0].Offset <= 0) return null;
        var output = new MemoryStream(pdf.Length + inUse.Count * 8);
        output.Write(pdf, 0, (int)inUse[0].Offset);
        var newOffsets = new Dictionary<int, long>();
        var changed = false;
        for (var i = 0; i < inUse.Count; i++)
        {
            var start = (int)inUse[i].Offset;
            var end = i + 1 < inUse.Count ? (int)inUse[i + 1].Offset : xrefOffset;
            if (end < start) return null;
            newOffsets[inUse[i].Number] = output.Position;
            changed |= WriteObject(pdf.AsSpan(start, end - start), output);
        }
        if (!changed) return pdf;

        // --- new cross-reference table with the moved offsets; the trailer dictionary is kept as it was.
        var newXrefOffset = output.Position;
        var xref = new StringBuilder("xref\n");
        var byNumber = entries.ToDictionary(e => e.Number);
        foreach (var (first, count) in subsections)
        {
            xref.Append(CultureInfo.InvariantCulture, $"{first} {count}\n");
            for (var n = first; n < first + count; n++)
            {
                var e = byNumber[n];
                var offset = e.Kind == 'n' ? newOffsets[n] : e.Offset;
                xref.Append(CultureInfo.InvariantCulture, $"{offset:D10} {e.Generation} {e.Kind} \n");
            }
        }
        var trailer = xrefText[trailerAt..];
        var startXrefAt = trailer.LastIndexOf("startxref", StringComparison.Ordinal);
        xref.Append(trailer[..startXrefAt]).Append(CultureInfo.InvariantCulture, $"startxref\n{newXrefOffset}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(xref.ToString()));
        return output.ToArray();
    }

    /// <summary>Copies one object, completing its zlib stream if it is an unterminated FlateDecode stream. Returns true when it changed.</summary>
    private static bool WriteObject(ReadOnlySpan<byte> obj, Stream output)
    {
        var streamAt = obj.IndexOf("stream\n"u8);
        if (streamAt < 0 || (streamAt > 0 && obj[streamAt - 1] == (byte)'d')) { output.Write(obj); return false; }   // no stream (or "endstream")
        var dictionary = Encoding.ASCII.GetString(obj[..streamAt]);
        var length = LengthEntry().Match(dictionary);
        if (!dictionary.Contains("/Filter/FlateDecode", StringComparison.Ordinal) || !length.Success) { output.Write(obj); return false; }

        var dataStart = streamAt + "stream\n".Length;
        var dataLength = int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
        if (dataStart + dataLength > obj.Length) { output.Write(obj); return false; }
        var data = obj.Slice(dataStart, dataLength);
        if (data.Length < 3 || data[0] != 0x78) { output.Write(obj); return false; }

        var inflated = Inflate(data[2..]);
        var adler = Adler32(inflated);
        if (data.Length >= 6 && BinaryPrimitives.ReadUInt32BigEndian(data[^4..]) == adler) { output.Write(obj); return false; }   // already complete

        var newDictionary = dictionary[..length.Index] + $"/Length {dataLength + 4}" + dictionary[(length.Index + length.Length)..];
        output.Write(Encoding.ASCII.GetBytes(newDictionary));
        output.Write("stream\n"u8);
        output.Write(data);
        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, adler);
        output.Write(trailer);
        output.Write(obj[(dataStart + dataLength)..]);
        return true;
    }

    private static byte[] Inflate(ReadOnlySpan<byte> deflate)
    {
        using var input = new MemoryStream(deflate.ToArray(), writable: false);
        using var inflater = new DeflateStream(input, CompressionMode.Decompress);
        using var result = new MemoryStream(deflate.Length * 4);
        inflater.CopyTo(result);
        return result.ToArray();
    }

    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint mod = 65521;
        uint a = 1, b = 0;
        while (data.Length > 0)
        {
            var chunk = data[..Math.Min(data.Length, 5552)];   // the largest run without overflow (zlib's NMAX)
            foreach (var x in chunk) { a += x; b += a; }
            a %= mod;
            b %= mod;
            data = data[chunk.Length..];
        }
        return (b << 16) | a;
    }

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF\s*$")]
    private static partial Regex StartXref();

    // "/Length 123" but not "/Length1 123" (the font program's uncompressed length).
    [GeneratedRegex(@"/Length (\d+)")]
    private static partial Regex LengthEntry();
}
