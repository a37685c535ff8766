using System.Buffers.Binary;
using System.Globalization;

namespace ClinicAdmin.Domain.Clinic;

/// <summary>
/// The clinic's logo as uploaded: judged by its bytes, never by its name or the browser's content type. Only PNG and
/// JPEG are taken (an SVG can carry script); the size and the pixel dimensions read from the header stay within what a
/// logo needs, so a renamed program, an empty file or a poster-sized photo is refused with a sentence, not a 500.
/// </summary>
public sealed record LogoImage(string ContentType, string Extension, int Width, int Height)
{
    public const int MaxBytes = 512 * 1024;
    public const int MinSide = 16;
    public const int MaxSide = 4000;

    /// <summary>The image in <paramref name="bytes"/>, or the reason it cannot be the clinic's logo.</summary>
    public static (LogoImage? Image, string? Problem) Inspect(ReadOnlySpan<byte> bytes)
    {
        if (SizeProblem(bytes.Length) is { } tooBig) return (null, tooBig);
        var image = Png(bytes) ?? Jpeg(bytes);
        if (image is null)
            return (null, LooksLikeText(bytes)
                ? "SVG and other text files are not accepted (they can carry script). Choose a PNG or JPEG image."
                : "This file is not a PNG or JPEG image, whatever its name says. Choose a PNG or JPEG image.");
        if (image.Width < MinSide || image.Height < MinSide || image.Width > MaxSide || image.Height > MaxSide)
            return (null, $"The image is {image.Width:N0} × {image.Height:N0} pixels; each side must be between {MinSide} and {MaxSide:N0} pixels.");
        return (image, null);
    }

    /// <summary>The problem with a file of this many bytes, known before reading it all; null when the size is fine.</summary>
    public static string? SizeProblem(long length) => length switch
    {
        0 => "The file is empty. Choose a PNG or JPEG image of the logo.",
        > MaxBytes => $"The file is {Size(length)}; a logo may be at most {Size(MaxBytes)}. Save it smaller (about 600 × 200 pixels is plenty).",
        _ => null,
    };

    /// <summary>"512 KB", "2.1 MB": sizes as people read them.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, (long)Math.Ceiling(bytes / 1024.0)).ToString(CultureInfo.InvariantCulture) + " KB";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>PNG: the signature, then the IHDR chunk first, whose first fields are width and height.</summary>
    private static LogoImage? Png(ReadOnlySpan<byte> b)
    {
        if (b.Length < 24 || !b[..8].SequenceEqual(PngSignature) || !b.Slice(12, 4).SequenceEqual("IHDR"u8)) return null;
        var width = BinaryPrimitives.ReadUInt32BigEndian(b.Slice(16, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(b.Slice(20, 4));
        return new LogoImage("image/png", ".png", (int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue));
    }

    /// <summary>JPEG: SOI, then marker segments up to the frame header (SOFn) that holds height and width.</summary>
    private static LogoImage? Jpeg(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8 || b[2] != 0xFF) return null;
        var i = 2;
        while (i + 3 < b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; } // no length
            if (marker is 0xD9 or 0xDA) return null; // end or scan data before any frame header
            var length = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 2, 2));
            if (length < 2) return null;
            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame)
            {
                if (i + 9 > b.Length) return null;
                var height = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 7, 2));
                return new LogoImage("image/jpeg", ".jpg", width, height);
            }
            i += 2 + length;
        }
        return null;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> b)
    {
        var head = b[..Math.Min(b.Length, 512)];
        var start = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) start = 3; // UTF-8 byte-order mark
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        return start < head.Length && head[start] == (byte)'<';
    }
}
