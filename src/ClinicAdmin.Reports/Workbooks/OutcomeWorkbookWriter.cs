using System.Globalization;
using System.IO.Compression;
using System.Xml;
using ClinicAdmin.Reports.Spreadsheets;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using static ClinicAdmin.Reports.Spreadsheets.XlsxPackage;

namespace ClinicAdmin.Reports.Workbooks;

/// <summary>
/// The monthly outcome workbook (.xlsx) for medical directors: 1 Summary, 2 Outcomes,
/// 3 Assessments, 4 Sessions, 5 Incidents, 6 Revenue, 7 Trend (with native line charts).
/// Rows are streamed: memory stays flat however large the month. The same model gives the same
/// bytes, whatever the culture of the thread or machine.
/// </summary>
public static class OutcomeWorkbookWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> SheetNames = ["Summary", "Outcomes", "Assessments", "Sessions", "Incidents", "Revenue", TrendSheet.SheetName];

    /// <summary>e.g. "outcomes-2025-03-v2.xlsx" for the group, "outcomes-2025-03-MID-v1.xlsx" for one location.</summary>
    public static string FileName(OutcomeWorkbookModel model) =>
        $"outcomes-{model.Month.Label}{(model.Location is { } l ? "-" + l.Code : "")}-v{model.Version.ToString(CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>The workbook as bytes (for storing with its hash).</summary>
    public static byte[] ToBytes(OutcomeWorkbookModel model, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        Write(model, buffer, CompressionLevel.Optimal, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the workbook to <paramref name="output"/> (left open). Works on non-seekable streams;
    /// writes synchronously, so in ASP.NET Core write to a file or buffer first. Each row list of
    /// the model is enumerated once. Cancellation is checked every 1,024 rows; after a cancellation or
    /// any exception the output is incomplete and must be discarded.
    /// </summary>
    public static void Write(OutcomeWorkbookModel model, Stream output, CompressionLevel compression = CompressionLevel.Optimal,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);

        using var package = new XlsxPackage(output, model.GeneratedAt, compression);
        const string workbookPart = "/xl/workbook.xml";
        package.Relate("/", workbookPart, RelationshipTypes.OfficeDocument);
        package.Relate("/", "/docProps/core.xml", RelationshipTypes.CoreProperties);
        package.Relate("/", "/docProps/app.xml", RelationshipTypes.ExtendedProperties);

        WriteCoreProperties(package, model);
        package.WritePart("/docProps/app.xml", ContentTypes.ExtendedProperties, AppProperties());

        package.Relate(workbookPart, "/xl/styles.xml", RelationshipTypes.Styles);
        package.WritePart("/xl/styles.xml", ContentTypes.Styles, WorkbookStyles.Build(model.DateStyle));

        var sharedStrings = new SharedStrings();
        var sheetIds = new List<string>();
        var filters = new List<(int Sheet, TableRange Range)>();
        var names = model.ShowPatientNames;

        for (var i = 0; i < SheetNames.Count; i++)
        {
            var part = $"/xl/worksheets/sheet{(i + 1).ToString(CultureInfo.InvariantCulture)}.xml";
            sheetIds.Add(package.Relate(workbookPart, part, RelationshipTypes.Worksheet));
            var sheetName = SheetNames[i];

            if (sheetName == "Summary")
            {
                using var sheet = new SheetWriter(package.CreatePart(part, ContentTypes.Worksheet), SummarySheet.Layout);
                SummarySheet.Write(sheet, model);
                sheet.Finish();
            }
            else if (sheetName == TrendSheet.SheetName)
            {
                filters.Add((i, WriteTrend(package, part, model)));
            }
            else
            {
                var range = sheetName switch
                {
                    "Outcomes" => Table(package, part, sharedStrings, OutcomeTables.Outcomes(names), model.Outcomes, cancellationToken),
                    "Assessments" => Table(package, part, sharedStrings, OutcomeTables.Assessments(names), model.Assessments, cancellationToken),
                    "Sessions" => Table(package, part, sharedStrings, OutcomeTables.Sessions(names), model.Sessions, cancellationToken),
                    "Incidents" => Table(package, part, sharedStrings, OutcomeTables.Incidents(names), model.Incidents, cancellationToken),
                    "Revenue" => Table(package, part, sharedStrings, OutcomeTables.Revenue(), model.Revenue, cancellationToken),
                    _ => throw new InvalidOperationException(sheetName),
                };
                filters.Add((i, range));
            }
        }

        // Written after the sheets that filled it; a zip's parts can come in any order.
        package.Relate(workbookPart, "/xl/sharedStrings.xml", RelationshipTypes.SharedStrings);
        using (var stream = package.CreatePart("/xl/sharedStrings.xml", ContentTypes.SharedStrings)) sharedStrings.WriteTo(stream);

        package.WritePart(workbookPart, ContentTypes.Workbook, Workbook(sheetIds, filters),
            [new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")]);
        package.Close();
    }

    private static TableRange Table<T>(XlsxPackage package, string part, SharedStrings sharedStrings, IReadOnlyList<TableColumn<T>> columns, IEnumerable<T> rows,
        CancellationToken cancellationToken)
    {
        using var sheet = new SheetWriter(package.CreatePart(part, ContentTypes.Worksheet), new SheetLayout(Spreadsheets.Table.Widths(columns)), sharedStrings);
        var range = Spreadsheets.Table.Write(sheet, columns, rows, cancellationToken: cancellationToken);
        sheet.Finish(range.FilterRange);
        return range;
    }

    private static TableRange WriteTrend(XlsxPackage package, string part, OutcomeWorkbookModel model)
    {
        // At most 12 rows: held in memory, as the charts repeat the values in their caches.
        var rows = model.Trend.ToList();
        var columns = TrendSheet.Columns();
        string? drawingId = null;
        if (rows.Count > 0)
        {
            const string drawingPart = "/xl/drawings/drawing1.xml";
            drawingId = package.Relate(part, drawingPart, RelationshipTypes.Drawing);
            var rateChartId = package.Relate(drawingPart, "/xl/charts/chart1.xml", RelationshipTypes.Chart);
            var incidentChartId = package.Relate(drawingPart, "/xl/charts/chart2.xml", RelationshipTypes.Chart);
            package.WritePart("/xl/charts/chart1.xml", ContentTypes.Chart, TrendSheet.RateChart(rows), ChartNamespaces);
            package.WritePart("/xl/charts/chart2.xml", ContentTypes.Chart, TrendSheet.IncidentChart(rows), ChartNamespaces);
            package.WritePart(drawingPart, ContentTypes.Drawing, TrendSheet.Drawing(rows.Count, rateChartId, incidentChartId), DrawingNamespaces);
        }

        using var sheet = new SheetWriter(package.CreatePart(part, ContentTypes.Worksheet), new SheetLayout(Spreadsheets.Table.Widths(columns)));
        var range = Spreadsheets.Table.Write(sheet, columns, rows);
        sheet.Finish(range.FilterRange, drawingId);
        return range;
    }

    private static readonly KeyValuePair<string, string>[] ChartNamespaces =
    [
        new("c", "http://schemas.openxmlformats.org/drawingml/2006/chart"),
        new("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    ];

    private static readonly KeyValuePair<string, string>[] DrawingNamespaces =
    [
        new("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"),
        new("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        new("c", "http://schemas.openxmlformats.org/drawingml/2006/chart"),
        new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    ];

    private static Workbook Workbook(IReadOnlyList<string> sheetIds, IReadOnlyList<(int Sheet, TableRange Range)> filters)
    {
        var sheets = new Sheets();
        for (var i = 0; i < SheetNames.Count; i++)
            sheets.Append(new Sheet { Name = SheetNames[i], SheetId = (uint)(i + 1), Id = sheetIds[i] });

        // Excel keeps each sheet's autofilter range in a hidden name; write it as Excel would.
        var definedNames = new DefinedNames(filters.Select(f => new DefinedName
        {
            Name = "_xlnm._FilterDatabase",
            LocalSheetId = (uint)f.Sheet,
            Hidden = true,
            Text = $"'{SheetNames[f.Sheet]}'!{Absolute(f.Range.FilterRange)}",
        }));

        return new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            sheets,
            definedNames,
            new CalculationProperties { CalculationId = 191029 });
    }

    /// <summary>"A1:L101" -> "$A$1:$L$101".</summary>
    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(cell =>
        {
            var digits = cell.IndexOfAny("0123456789".ToCharArray());
            return "$" + cell[..digits] + "$" + cell[digits..];
        }));

    private static DocumentFormat.OpenXml.ExtendedProperties.Properties AppProperties() =>
        new(new DocumentFormat.OpenXml.ExtendedProperties.Application("ClinicAdmin"));

    private static void WriteCoreProperties(XlsxPackage package, OutcomeWorkbookModel model)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var created = model.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        package.WriteXmlPart("/docProps/core.xml", ContentTypes.CoreProperties, (XmlWriter w) =>
        {
            w.WriteStartElement("cp", "coreProperties", cp);
            w.WriteAttributeString("xmlns", "dc", null, dc);
            w.WriteAttributeString("xmlns", "dcterms", null, dcterms);
            w.WriteAttributeString("xmlns", "xsi", null, xsi);
            w.WriteElementString("title", dc, SafeText.ForXml($"Monthly outcome workbook {model.Month.Label}: {SummarySheet.ScopeName(model)}"));
            w.WriteElementString("creator", dc, SafeText.ForXml(model.GeneratedBy));
            w.WriteStartElement("created", dcterms);
            w.WriteAttributeString("type", xsi, "dcterms:W3CDTF");
            w.WriteString(created);
            w.WriteEndElement();
            w.WriteElementString("revision", cp, model.Version.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        });
    }
}
