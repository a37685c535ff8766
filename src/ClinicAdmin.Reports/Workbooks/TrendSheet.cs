using System.Globalization;
using ClinicAdmin.Reports.Spreadsheets;
using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ClinicAdmin.Reports.Workbooks;

/// <summary>
/// Sheet 7: the last 12 months of the headline figures, and two native Excel line charts that read
/// their series from the table (response/remission rate; incidents per 100 sessions). The charts
/// carry cached values too, so viewers that do not recalculate still draw them.
/// </summary>
internal static class TrendSheet
{
    public const string SheetName = "Trend";

    public static List<TableColumn<TrendRow>> Columns() =>
    [
        TableColumn<TrendRow>.Text("Month", 10, r => r.Label),
        TableColumn<TrendRow>.Integer("Patients treated", 10, r => r.PatientsTreated),
        TableColumn<TrendRow>.Integer("Sessions", 10, r => r.Sessions),
        TableColumn<TrendRow>.Number("Response rate", 10, CellStyle.Percent, r => r.Response.Rate),
        TableColumn<TrendRow>.Number("Remission rate", 10, CellStyle.Percent, r => r.Remission.Rate),
        TableColumn<TrendRow>.Integer("Responders (n)", 11, r => r.Response.Count),
        TableColumn<TrendRow>.Integer("Evaluated for response (N)", 13, r => r.Response.Total),
        TableColumn<TrendRow>.Integer("Remitters (n)", 11, r => r.Remission.Count),
        TableColumn<TrendRow>.Integer("Evaluated for remission (N)", 13, r => r.Remission.Total),
        TableColumn<TrendRow>.Integer("Incidents", 10, r => r.Incidents),
        TableColumn<TrendRow>.Number("Incidents per 100 sessions", 12, CellStyle.Decimal2, r => r.IncidentRatePer100),
    ];

    // Columns the charts read (0-based): A month, D response, E remission, K incident rate.
    private const int MonthColumn = 0, ResponseColumn = 3, RemissionColumn = 4, IncidentRateColumn = 10;

    /// <summary>The drawing with both charts, anchored under the table.</summary>
    public static Xdr.WorksheetDrawing Drawing(int tableRows, string rateChartId, string incidentChartId)
    {
        var top = tableRows + 2; // 0-based row index: one empty row under the table
        return new Xdr.WorksheetDrawing(
            Anchor(1, rateChartId, "Response and remission rate", fromColumn: 0, toColumn: 6, top),
            Anchor(2, incidentChartId, "Incidents per 100 sessions", fromColumn: 6, toColumn: 12, top));
    }

    private static Xdr.TwoCellAnchor Anchor(uint id, string chartRelationshipId, string name, int fromColumn, int toColumn, int top) =>
        new(
            new Xdr.FromMarker(new Xdr.ColumnId(Invariant(fromColumn)), new Xdr.ColumnOffset("0"), new Xdr.RowId(Invariant(top)), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId(Invariant(toColumn)), new Xdr.ColumnOffset("0"), new Xdr.RowId(Invariant(top + 18)), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = id + 1, Name = name },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartRelationshipId })
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
            { Macro = "" },
            new Xdr.ClientData())
        { EditAs = Xdr.EditAsValues.OneCell };

    public static C.ChartSpace RateChart(IReadOnlyList<TrendRow> rows) =>
        LineChart("Response and remission rate (PHQ-9)", rows, "0%", maxValue: 1,
            Series(0, ResponseColumn, "Response rate", "1F6FB2", rows, r => r.Response.Rate, "0.0%"),
            Series(1, RemissionColumn, "Remission rate", "2E8B57", rows, r => r.Remission.Rate, "0.0%"));

    public static C.ChartSpace IncidentChart(IReadOnlyList<TrendRow> rows) =>
        LineChart("Incidents per 100 sessions", rows, "0.0", maxValue: null,
            Series(0, IncidentRateColumn, "Incidents per 100 sessions", "C0392B", rows, r => r.IncidentRatePer100, "0.00"));

    private static C.ChartSpace LineChart(string title, IReadOnlyList<TrendRow> rows, string axisFormat, double? maxValue, params C.LineChartSeries[] series)
    {
        const uint categoryAxisId = 500_000_001, valueAxisId = 500_000_002;

        var lineChart = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        foreach (var s in series) lineChart.Append(s);
        lineChart.Append(
            new C.ShowMarker { Val = true },
            new C.AxisId { Val = categoryAxisId },
            new C.AxisId { Val = valueAxisId });

        var scaling = new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax });
        if (maxValue is { } max) scaling.Append(new C.MaxAxisValue { Val = max });
        scaling.Append(new C.MinAxisValue { Val = 0 });

        var categoryAxis = new C.CategoryAxis(
            new C.AxisId { Val = categoryAxisId },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
            new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = valueAxisId },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 },
            new C.NoMultiLevelLabels { Val = false });

        var valueAxis = new C.ValueAxis(
            new C.AxisId { Val = valueAxisId },
            scaling,
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Left },
            new C.MajorGridlines(),
            new C.NumberingFormat { FormatCode = axisFormat, SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = categoryAxisId },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between });

        var chart = new C.Chart(
            new C.Title(
                new C.ChartText(new C.RichText(
                    new A.BodyProperties(),
                    new A.ListStyle(),
                    new A.Paragraph(
                        new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1200, Bold = true }),
                        new A.Run(new A.RunProperties { Language = "en-US", FontSize = 1200, Bold = true }, new A.Text(title))))),
                new C.Overlay { Val = false }),
            new C.AutoTitleDeleted { Val = false },
            new C.PlotArea(new C.Layout(), lineChart, categoryAxis, valueAxis),
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });

        return new C.ChartSpace(
            new C.EditingLanguage { Val = "en-US" },
            new C.RoundedCorners { Val = false },
            chart);
    }

    private static C.LineChartSeries Series(uint index, int column, string name, string color, IReadOnlyList<TrendRow> rows,
        Func<TrendRow, decimal?> value, string format)
    {
        var letter = SheetWriter.ColumnName(column);
        var month = SheetWriter.ColumnName(MonthColumn);
        var last = rows.Count + 1;

        var names = new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(name)) { Index = 0 });
        var categories = new C.StringCache(new C.PointCount { Val = (uint)rows.Count });
        var values = new C.NumberingCache(new C.FormatCode(format), new C.PointCount { Val = (uint)rows.Count });
        for (var i = 0; i < rows.Count; i++)
        {
            categories.Append(new C.StringPoint(new C.NumericValue(rows[i].Label)) { Index = (uint)i });
            if (value(rows[i]) is { } v)
                values.Append(new C.NumericPoint(new C.NumericValue(v.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        }

        return new C.LineChartSeries(
            new C.Index { Val = index },
            new C.Order { Val = index },
            new C.SeriesText(new C.StringReference(new C.Formula($"{SheetName}!${letter}$1"), names)),
            new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = color })) { Width = 28575 }),
            new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 5 }),
            new C.CategoryAxisData(new C.StringReference(new C.Formula($"{SheetName}!${month}$2:${month}${last}"), categories)),
            new C.Values(new C.NumberReference(new C.Formula($"{SheetName}!${letter}$2:${letter}${last}"), values)),
            new C.Smooth { Val = false });
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
