namespace ClinicAdmin.Reports.Spreadsheets;

/// <summary>One column of a data table: header, width, how to write a row's value, and whether it has a total.</summary>
public sealed class TableColumn<T>
{
    private readonly Action<SheetWriter, T> _write;

    private TableColumn(string header, double width, Action<SheetWriter, T> write, Func<T, decimal?>? total, CellStyle totalStyle)
    {
        Header = header; Width = width; _write = write; TotalOf = total; TotalStyle = totalStyle;
    }

    public string Header { get; }
    public double Width { get; }
    /// <summary>The value that the totals row adds up (SUBTOTAL over the visible rows); null for no total.</summary>
    public Func<T, decimal?>? TotalOf { get; }
    public CellStyle TotalStyle { get; }

    internal void Write(SheetWriter sheet, T row) => _write(sheet, row);

    public static TableColumn<T> Text(string header, double width, Func<T, string?> value) =>
        new(header, width, (s, r) => s.Text(value(r)), null, default);

    /// <summary>Short text that repeats down the column (provider, service, route): a shared string.</summary>
    public static TableColumn<T> Label(string header, double width, Func<T, string?> value) =>
        new(header, width, (s, r) => s.Label(value(r)), null, default);

    public static TableColumn<T> Integer(string header, double width, Func<T, int?> value, bool total = false) =>
        new(header, width, (s, r) => s.Number(value(r), CellStyle.Integer), total ? r => value(r) : null, CellStyle.TotalInteger);

    public static TableColumn<T> Number(string header, double width, CellStyle style, Func<T, decimal?> value) =>
        new(header, width, (s, r) => s.Number(value(r), style), null, default);

    public static TableColumn<T> Money(string header, double width, Func<T, decimal?> value, bool total = false) =>
        new(header, width, (s, r) => s.Number(value(r), CellStyle.Currency), total ? value : null, CellStyle.TotalCurrency);

    public static TableColumn<T> Date(string header, double width, Func<T, DateOnly?> value) =>
        new(header, width, (s, r) => s.Date(value(r)), null, default);

    public static TableColumn<T> DateTime(string header, double width, Func<T, DateTime?> value) =>
        new(header, width, (s, r) => s.DateTime(value(r)), null, default);

    /// <summary>"Yes", "No", or empty when unknown.</summary>
    public static TableColumn<T> YesNo(string header, double width, Func<T, bool?> value) =>
        new(header, width, (s, r) => s.Label(value(r) switch { true => "Yes", false => "No", null => null }), null, default);
}

/// <summary>Where a table landed on its sheet.</summary>
public sealed record TableRange(int HeaderRow, int LastDataRow, int ColumnCount, int DataRows)
{
    /// <summary>Header plus data rows, e.g. "A1:L101": the autofilter range (the totals row stays outside it).</summary>
    public string FilterRange => $"A{HeaderRow}:{SheetWriter.ColumnName(ColumnCount - 1)}{LastDataRow}";
}

public static class Table
{
    private const double BoldFactor = 1.15;

    /// <summary>Column widths (in characters): at least the longest word of the header, so a wrapped header never breaks a word.</summary>
    public static double[] Widths<T>(IReadOnlyList<TableColumn<T>> columns) => columns.Select(Width).ToArray();

    private static double Width<T>(TableColumn<T> column) =>
        Math.Max(column.Width, Math.Ceiling(column.Header.Split(' ').Max(w => w.Length) * BoldFactor) + 2);

    /// <summary>
    /// Streams a header row, one row per item (enumerated once), and, when a column has a total and
    /// there are rows, a totals row with SUBTOTAL(109, …) so the total follows the autofilter.
    /// </summary>
    public static TableRange Write<T>(SheetWriter sheet, IReadOnlyList<TableColumn<T>> columns, IEnumerable<T> rows,
        string totalLabel = "Total (rows shown)", CancellationToken cancellationToken = default)
    {
        // Headers wrap at word boundaries: two lines when one does not fit its column.
        sheet.NextRow(columns.Any(c => c.Header.Length * BoldFactor + 1 > Width(c)) ? 30 : null);
        var headerRow = sheet.RowNumber;
        foreach (var column in columns) sheet.Text(column.Header, CellStyle.Header);

        var totals = new decimal[columns.Count];
        var hasTotals = columns.Any(c => c.TotalOf is not null);
        var count = 0;
        foreach (var row in rows)
        {
            if ((count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            sheet.NextRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (sheet.Column != i) sheet.Skip(i - sheet.Column);
                columns[i].Write(sheet, row);
                if (columns[i].TotalOf is { } total) totals[i] += total(row) ?? 0m;
            }
            count++;
        }
        var lastDataRow = headerRow + count;

        if (hasTotals && count > 0)
        {
            sheet.NextRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (i == 0) sheet.Text(totalLabel, CellStyle.TotalLabel);
                else if (columns[i].TotalOf is null) sheet.Text(null, CellStyle.TotalLabel);
                else
                {
                    var letter = SheetWriter.ColumnName(i);
                    sheet.Formula($"SUBTOTAL(109,{letter}{headerRow + 1}:{letter}{lastDataRow})", totals[i], columns[i].TotalStyle);
                }
            }
        }
        return new TableRange(headerRow, lastDataRow, columns.Count, count);
    }
}
