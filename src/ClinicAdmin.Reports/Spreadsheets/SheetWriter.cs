using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ClinicAdmin.Reports.Spreadsheets;

/// <summary>Layout of a worksheet that must be known before its rows: frozen panes and column widths.</summary>
public sealed record SheetLayout(IReadOnlyList<double> ColumnWidths, int FrozenRows = 1, int FrozenColumns = 0, bool Selected = false);

/// <summary>
/// Streams one worksheet row by row with OpenXmlWriter (SAX style): memory does not grow with the
/// number of rows. Text is an inline string (<see cref="Text"/>) or a shared string
/// (<see cref="Label"/>), always passed through <see cref="SafeText.ForCell"/> and never a formula
/// cell, so nothing a user typed can become a formula; the only formulas are those written with
/// <see cref="Formula"/>. Numbers are written with the invariant culture.
/// </summary>
public sealed class SheetWriter : IDisposable
{
    /// <summary>Excel's last row.</summary>
    public const int MaxRows = 1_048_576;

    private static readonly DateTime ExcelEpoch = new(1899, 12, 30);
    private const string XmlNs = "http://www.w3.org/XML/1998/namespace";
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly Stream _stream;
    private readonly OpenXmlWriter _writer;
    private readonly List<string> _merges = [];
    private readonly List<OpenXmlAttribute> _attributes = new(4);
    // Reused element templates: OpenXmlWriter only reads their names.
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly CellFormula _formula = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private int _rowNumber;
    private int _column;
    private int _nextUnreferencedColumn;
    private bool _inRow;
    private bool _finished;

    private readonly SharedStrings? _sharedStrings;

    /// <param name="sharedStrings">The workbook's table for <see cref="Label"/> cells; null writes labels inline.</param>
    public SheetWriter(Stream stream, SheetLayout layout, SharedStrings? sharedStrings = null)
    {
        _stream = stream;
        _sharedStrings = sharedStrings;
        _writer = OpenXmlWriter.Create(stream);
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet(), [], [new("r", RelationshipNs)]);
        // Printing: fit the width to one page (pageSetup's fitToWidth counts only with fitToPage).
        _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        _writer.WriteElement(SheetViews(layout));
        _writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
        if (layout.ColumnWidths.Count > 0)
        {
            var columns = new Columns();
            for (var i = 0; i < layout.ColumnWidths.Count; i++)
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = layout.ColumnWidths[i], CustomWidth = true });
            _writer.WriteElement(columns);
        }
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>The 1-based number of the current row (0 before the first).</summary>
    public int RowNumber => _rowNumber;

    /// <summary>The 0-based column the next cell goes into.</summary>
    public int Column => _column;

    /// <summary>Starts the next row (ends the current one). A height in points fixes the row height (for wrapped notes).</summary>
    public void NextRow(double? height = null) => GoToRow(_rowNumber + 1, height);

    /// <summary>Starts row <paramref name="rowNumber"/>, leaving the rows between empty.</summary>
    public void GoToRow(int rowNumber, double? height = null)
    {
        if (rowNumber <= _rowNumber) throw new ArgumentOutOfRangeException(nameof(rowNumber), "Rows are written in order.");
        if (rowNumber > MaxRows) throw new InvalidOperationException($"A worksheet holds at most {MaxRows:N0} rows.");
        EndRow();
        _rowNumber = rowNumber;
        _column = 0;
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", "", Invariant(rowNumber)));
        if (height is { } h)
        {
            _attributes.Add(new OpenXmlAttribute("ht", "", h.ToString("R", CultureInfo.InvariantCulture)));
            _attributes.Add(new OpenXmlAttribute("customHeight", "", "1"));
        }
        _writer.WriteStartElement(_row, _attributes);
        _inRow = true;
        _nextUnreferencedColumn = 0;
    }

    /// <summary>Leaves <paramref name="count"/> cells empty.</summary>
    public void Skip(int count = 1) => _column += count;

    /// <summary>Text cell (inline string). Empty text leaves the cell empty.</summary>
    public void Text(string? text, CellStyle style = CellStyle.Default)
    {
        var safe = SafeText.ForCell(text);
        if (safe.Length == 0) { StyledBlank(style); return; }
        StartCell(style, "inlineStr");
        _writer.WriteStartElement(_inline);
        _attributes.Clear();
        if (char.IsWhiteSpace(safe[0]) || char.IsWhiteSpace(safe[^1])) _attributes.Add(new OpenXmlAttribute("xml", "space", XmlNs, "preserve"));
        _writer.WriteStartElement(_text, _attributes);
        _writer.WriteString(safe);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    /// <summary>
    /// A short text that repeats down a column (a provider, a service, "Yes"): written once in the
    /// shared-string table and referred to by number. Same safety as <see cref="Text"/>.
    /// </summary>
    public void Label(string? text, CellStyle style = CellStyle.Default)
    {
        var safe = SafeText.ForCell(text);
        if (safe.Length == 0) { StyledBlank(style); return; }
        if (_sharedStrings is null || !_sharedStrings.TryGetIndex(safe, out var index)) { Text(safe, style); return; }
        StartCell(style, "s");
        _writer.WriteStartElement(_value);
        _writer.WriteString(Invariant(index));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    public void Number(decimal? value, CellStyle style = CellStyle.Default)
    {
        if (value is null) { StyledBlank(style); return; }
        NumberCell(value.Value.ToString(CultureInfo.InvariantCulture), style);
    }

    public void Number(int? value, CellStyle style = CellStyle.Integer)
    {
        if (value is null) { StyledBlank(style); return; }
        NumberCell(Invariant(value.Value), style);
    }

    public void Number(double? value, CellStyle style = CellStyle.Default)
    {
        if (value is null || double.IsNaN(value.Value) || double.IsInfinity(value.Value)) { StyledBlank(style); return; }
        NumberCell(value.Value.ToString("R", CultureInfo.InvariantCulture), style);
    }

    public void Date(DateOnly? date, CellStyle style = CellStyle.Date)
    {
        if (date is null) { StyledBlank(style); return; }
        NumberCell(Invariant(date.Value.DayNumber - DateOnly.FromDateTime(ExcelEpoch).DayNumber), style);
    }

    public void DateTime(DateTime? value, CellStyle style = CellStyle.DateTime)
    {
        if (value is null) { StyledBlank(style); return; }
        NumberCell(ToSerial(value.Value).ToString("R", CultureInfo.InvariantCulture), style);
    }

    /// <summary>A formula the workbook author wrote (never user text), with its value cached so readers that do not calculate see it.</summary>
    public void Formula(string formula, decimal cachedValue, CellStyle style)
    {
        StartCell(style, null);
        _writer.WriteStartElement(_formula);
        _writer.WriteString(formula);
        _writer.WriteEndElement();
        _writer.WriteStartElement(_value);
        _writer.WriteString(cachedValue.ToString(CultureInfo.InvariantCulture));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    /// <summary>Merges a range such as "A12:D12" (cells are written as usual; only the top-left one should hold a value).</summary>
    public void Merge(string range) => _merges.Add(range);

    /// <summary>Reference of a cell in the current row, e.g. "C7".</summary>
    public string Reference(int column) => CellReference(column, _rowNumber);

    /// <summary>Ends the sheet: autofilter over <paramref name="autoFilterRange"/>, merged cells, and a drawing relationship id.</summary>
    public void Finish(string? autoFilterRange = null, string? drawingRelationshipId = null)
    {
        if (_finished) return;
        _finished = true;
        EndRow();
        _writer.WriteEndElement(); // sheetData
        if (autoFilterRange is not null) _writer.WriteElement(new AutoFilter { Reference = autoFilterRange });
        if (_merges.Count > 0)
            _writer.WriteElement(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
        _writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        _writer.WriteElement(new PageSetup { Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        if (drawingRelationshipId is not null) _writer.WriteElement(new Drawing { Id = drawingRelationshipId });
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
    }

    /// <summary>Closes the part. Without <see cref="Finish"/> first (an exception on the way) the sheet is left incomplete: discard the output.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    public static double ToSerial(DateTime value) => (value.Ticks - ExcelEpoch.Ticks) / (double)TimeSpan.TicksPerDay;

    public static string ColumnName(int column)
    {
        if (column < ColumnNames.Length) return ColumnNames[column];
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    public static string CellReference(int column, int row) => ColumnName(column) + Invariant(row);

    private static readonly string[] ColumnNames = Enumerable.Range(0, 52)
        .Select(i => i < 26 ? ((char)('A' + i)).ToString() : "A" + (char)('A' + i - 26)).ToArray();

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void NumberCell(string text, CellStyle style)
    {
        StartCell(style, null);
        _writer.WriteStartElement(_value);
        _writer.WriteString(text);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    /// <summary>An empty cell keeps its style (a header fill, a total border); an unstyled one is not written at all.</summary>
    private void StyledBlank(CellStyle style)
    {
        if (style is CellStyle.Header or CellStyle.TotalLabel or CellStyle.TotalInteger or CellStyle.TotalCurrency)
        {
            StartCell(style, null);
            _writer.WriteEndElement();
        }
        else _column++;
    }

    private void StartCell(CellStyle style, string? type)
    {
        if (!_inRow) throw new InvalidOperationException("Call NextRow before writing cells.");
        _attributes.Clear();
        // A cell right after the previous one needs no reference (ECMA-376: r is optional and then
        // means "next column"); only a cell after a gap carries one. A quarter less XML to write and zip.
        if (_column != _nextUnreferencedColumn) _attributes.Add(new OpenXmlAttribute("r", "", CellReference(_column, _rowNumber)));
        if (style != CellStyle.Default) _attributes.Add(new OpenXmlAttribute("s", "", Invariant((int)style)));
        if (type is not null) _attributes.Add(new OpenXmlAttribute("t", "", type));
        _writer.WriteStartElement(_cell, _attributes);
        _column++;
        _nextUnreferencedColumn = _column;
    }

    private void EndRow()
    {
        if (!_inRow) return;
        _writer.WriteEndElement();
        _inRow = false;
    }

    private static SheetViews SheetViews(SheetLayout layout)
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (layout.Selected) view.TabSelected = true;
        if (layout.FrozenRows > 0 || layout.FrozenColumns > 0)
        {
            var topLeft = CellReference(layout.FrozenColumns, layout.FrozenRows + 1);
            var activePane = layout switch
            {
                { FrozenRows: > 0, FrozenColumns: > 0 } => PaneValues.BottomRight,
                { FrozenRows: > 0 } => PaneValues.BottomLeft,
                _ => PaneValues.TopRight,
            };
            var pane = new Pane { TopLeftCell = topLeft, ActivePane = activePane, State = PaneStateValues.Frozen };
            if (layout.FrozenColumns > 0) pane.HorizontalSplit = layout.FrozenColumns;
            if (layout.FrozenRows > 0) pane.VerticalSplit = layout.FrozenRows;
            view.Append(pane, new Selection { Pane = activePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        }
        return new SheetViews(view);
    }
}
