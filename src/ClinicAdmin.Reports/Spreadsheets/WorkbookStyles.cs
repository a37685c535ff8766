using DocumentFormat.OpenXml;
using ClinicAdmin.Domain.Clinic;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ClinicAdmin.Reports.Spreadsheets;

/// <summary>
/// Every cell style a workbook uses, by name (the value is the cellXfs index in styles.xml).
/// Number formats are fixed format codes, not the reader's locale: dates follow the clinic's
/// <see cref="DateStyle"/> (the cells stay real dates, only their display changes), money is US dollars.
/// </summary>
public enum CellStyle : uint
{
    Default = 0,
    Title,
    Header,
    Section,
    /// <summary>A row label under a section heading, indented one level.</summary>
    Item,
    /// <summary>A definition or explanation under a figure: italic, wrapped.</summary>
    Note,
    Integer,
    Decimal1,
    Decimal2,
    Percent,
    Currency,
    Date,
    DateTime,
    SignedInteger,
    SignedDecimal1,
    SignedDecimal2,
    /// <summary>A change of a rate, in percentage points ("+5.0 pp").</summary>
    SignedPoints,
    SignedCurrency,
    TotalLabel,
    TotalInteger,
    TotalCurrency,
}

public static class WorkbookStyles
{
    /// <summary>Named number formats (custom ids start at 164; 2 = "0.00" and 3 = "#,##0" are built in).</summary>
    public static class NumberFormats
    {
        public const uint Integer = 3;          // #,##0
        public const uint Decimal2 = 2;         // 0.00
        public const uint Decimal1 = 164;
        public const uint Percent = 165;
        public const uint Currency = 166;
        public const uint Date = 167;
        public const uint DateTime = 168;
        public const uint SignedInteger = 169;
        public const uint SignedDecimal1 = 170;
        public const uint SignedPoints = 171;
        public const uint SignedDecimal2 = 172;
        public const uint SignedCurrency = 173;

        public static IReadOnlyList<(uint Id, string Code)> Custom(DateStyle dates) =>
        [
            (Decimal1, "0.0"),
            (Percent, "0.0%"),
            (Currency, "\"$\"#,##0.00"),
            (Date, dates.ExcelDateFormat()),
            (DateTime, dates.ExcelDateTimeFormat()),
            (SignedInteger, "+#,##0;-#,##0;0"),
            (SignedDecimal1, "+0.0;-0.0;0.0"),
            (SignedPoints, "+0.0\" pp\";-0.0\" pp\";0.0\" pp\""),
            (SignedDecimal2, "+0.00;-0.00;0.00"),
            (SignedCurrency, "+\"$\"#,##0.00;-\"$\"#,##0.00;\"$\"0.00"),
        ];
    }

    private enum FontId : uint { Normal, Bold, Title, Italic }
    private enum FillId : uint { None, Gray125, Header }
    private enum BorderId : uint { None, Bottom, Top }

    private sealed record Xf(CellStyle Style, FontId Font = FontId.Normal, FillId Fill = FillId.None, BorderId Border = BorderId.None,
        uint NumberFormat = 0, bool Wrap = false, uint Indent = 0);

    /// <summary>In <see cref="CellStyle"/> order.</summary>
    private static readonly Xf[] Xfs =
    [
        new(CellStyle.Default),
        new(CellStyle.Title, Font: FontId.Title),
        new(CellStyle.Header, Font: FontId.Bold, Fill: FillId.Header, Border: BorderId.Bottom, Wrap: true),
        new(CellStyle.Section, Font: FontId.Bold),
        new(CellStyle.Item, Indent: 1),
        new(CellStyle.Note, Font: FontId.Italic, Wrap: true),
        new(CellStyle.Integer, NumberFormat: NumberFormats.Integer),
        new(CellStyle.Decimal1, NumberFormat: NumberFormats.Decimal1),
        new(CellStyle.Decimal2, NumberFormat: NumberFormats.Decimal2),
        new(CellStyle.Percent, NumberFormat: NumberFormats.Percent),
        new(CellStyle.Currency, NumberFormat: NumberFormats.Currency),
        new(CellStyle.Date, NumberFormat: NumberFormats.Date),
        new(CellStyle.DateTime, NumberFormat: NumberFormats.DateTime),
        new(CellStyle.SignedInteger, NumberFormat: NumberFormats.SignedInteger),
        new(CellStyle.SignedDecimal1, NumberFormat: NumberFormats.SignedDecimal1),
        new(CellStyle.SignedDecimal2, NumberFormat: NumberFormats.SignedDecimal2),
        new(CellStyle.SignedPoints, NumberFormat: NumberFormats.SignedPoints),
        new(CellStyle.SignedCurrency, NumberFormat: NumberFormats.SignedCurrency),
        new(CellStyle.TotalLabel, Font: FontId.Bold, Border: BorderId.Top),
        new(CellStyle.TotalInteger, Font: FontId.Bold, Border: BorderId.Top, NumberFormat: NumberFormats.Integer),
        new(CellStyle.TotalCurrency, Font: FontId.Bold, Border: BorderId.Top, NumberFormat: NumberFormats.Currency),
    ];

    public static Stylesheet Build(DateStyle dates)
    {
        for (var i = 0; i < Xfs.Length; i++)
            if ((uint)Xfs[i].Style != (uint)i) throw new InvalidOperationException($"Style table out of order at {i}.");

        var custom = NumberFormats.Custom(dates);
        var numberFormats = new NumberingFormats(custom.Select(f =>
            new NumberingFormat { NumberFormatId = f.Id, FormatCode = f.Code }))
        { Count = (uint)custom.Count };

        var fonts = new Fonts(
            Font(bold: false, italic: false, size: 11),
            Font(bold: true, italic: false, size: 11),
            Font(bold: true, italic: false, size: 14),
            Font(bold: false, italic: true, size: 10))
        { Count = 4 };

        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(
                new ForegroundColor { Rgb = "FFDDEBF7" },
                new BackgroundColor { Indexed = 64 })
            { PatternType = PatternValues.Solid }))
        { Count = 3 };

        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(),
                new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new BottomBorder(), new DiagonalBorder()))
        { Count = 3 };

        var cellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 };

        var cellFormats = new CellFormats(Xfs.Select(ToCellFormat)) { Count = (uint)Xfs.Length };

        var cellStyles = new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 };

        return new Stylesheet(numberFormats, fonts, fills, borders, cellStyleFormats, cellFormats, cellStyles,
            new DifferentialFormats { Count = 0 },
            new TableStyles { Count = 0, DefaultTableStyle = "TableStyleMedium2", DefaultPivotStyle = "PivotStyleLight16" });
    }

    private static Font Font(bool bold, bool italic, double size)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        font.Append(new FontSize { Val = size });
        font.Append(new FontName { Val = "Calibri" });
        font.Append(new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat ToCellFormat(Xf xf)
    {
        var format = new CellFormat
        {
            NumberFormatId = xf.NumberFormat,
            FontId = (uint)xf.Font,
            FillId = (uint)xf.Fill,
            BorderId = (uint)xf.Border,
            FormatId = 0,
        };
        if (xf.NumberFormat != 0) format.ApplyNumberFormat = true;
        if (xf.Font != FontId.Normal) format.ApplyFont = true;
        if (xf.Fill != FillId.None) format.ApplyFill = true;
        if (xf.Border != BorderId.None) format.ApplyBorder = true;
        if (xf.Wrap || xf.Indent > 0)
        {
            format.ApplyAlignment = true;
            var alignment = new Alignment { Vertical = VerticalAlignmentValues.Top };
            if (xf.Wrap) alignment.WrapText = true;
            if (xf.Indent > 0) { alignment.Indent = xf.Indent; alignment.Horizontal = HorizontalAlignmentValues.Left; }
            format.Append(alignment);
        }
        return format;
    }
}
