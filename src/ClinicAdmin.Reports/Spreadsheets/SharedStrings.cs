using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ClinicAdmin.Reports.Spreadsheets;

/// <summary>
/// The shared-string table for short labels that repeat down a column (provider, service, route,
/// "Yes"/"No"): each is written once and cells refer to it by number, which makes a large sheet
/// much smaller to write and to zip. Bounded: past <see cref="MaxEntries"/> distinct labels, new
/// ones are written inline, so memory stays flat whatever the data. Free text (descriptions, notes)
/// is always inline.
/// </summary>
public sealed class SharedStrings
{
    public const int MaxEntries = 50_000;
    /// <summary>Longer text is not worth sharing: it rarely repeats.</summary>
    public const int MaxLength = 100;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _items = [];

    public int References { get; private set; }
    public int Count => _items.Count;

    /// <summary>The index of <paramref name="text"/> (already made safe for a cell), adding it while there is room.</summary>
    public bool TryGetIndex(string text, out int index)
    {
        if (text.Length > MaxLength) { index = -1; return false; }
        if (!_index.TryGetValue(text, out index))
        {
            if (_items.Count >= MaxEntries) { index = -1; return false; }
            index = _items.Count;
            _index.Add(text, index);
            _items.Add(text);
        }
        References++;
        return true;
    }

    /// <summary>Streams the sst part.</summary>
    public void WriteTo(Stream stream)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new SharedStringTable(), [
            new OpenXmlAttribute("count", "", References.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new OpenXmlAttribute("uniqueCount", "", _items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        var item = new SharedStringItem();
        var text = new Text();
        var preserve = new List<OpenXmlAttribute> { new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve") };
        foreach (var s in _items)
        {
            writer.WriteStartElement(item);
            writer.WriteStartElement(text, char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) ? preserve : []);
            writer.WriteString(s);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.Close();
    }
}
