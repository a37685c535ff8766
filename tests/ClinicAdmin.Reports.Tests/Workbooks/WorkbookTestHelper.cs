using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace ClinicAdmin.Reports.Tests.Workbooks;

/// <summary>
/// After ClosedXML's TestHelper: every generated workbook is re-opened and validated with the SDK's
/// OpenXmlValidator, and read back by an independent reader (openpyxl, run by Debian's python3),
/// with the culture pinned while it is generated.
/// </summary>
public static class WorkbookTestHelper
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Schema and semantic errors, as "part path: description" (empty when valid) for Office 2007 and Microsoft 365.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false);
        return new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 }
            .SelectMany(version => new OpenXmlValidator(version).Validate(document)
                .Select(e => $"[{version}] {e.Part?.Uri} {e.Path?.XPath}: {e.Description}"))
            .ToList();
    }

    /// <summary>Runs <paramref name="generate"/> with the thread's culture set to <paramref name="culture"/>.</summary>
    public static T WithCulture<T>(string culture, Func<T> generate)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return generate();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = currentUi;
        }
    }

    /// <summary>Every sheet as openpyxl sees it: cell values (and cached formula values), types, formats, panes, filters, charts.</summary>
    public static Readback ReadWithOpenpyxl(byte[] workbook)
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing: install python3-openpyxl (tests/run.sh does).");
        var folder = Directory.CreateTempSubdirectory("workbook-readback-");
        try
        {
            var xlsx = Path.Combine(folder.FullName, "book.xlsx");
            var script = Path.Combine(folder.FullName, "dump.py");
            File.WriteAllBytes(xlsx, workbook);
            File.WriteAllText(script, DumpScript);

            var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(xlsx);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000)) { process.Kill(); throw new TimeoutException("openpyxl did not finish in 60 s."); }
            if (process.ExitCode != 0) throw new InvalidOperationException($"openpyxl failed ({process.ExitCode}): {stderr.Result}");
            return JsonSerializer.Deserialize<Readback>(stdout.Result, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public sealed record Readback(List<SheetReadback> Sheets)
    {
        public SheetReadback this[string name] => Sheets.Single(s => s.Name == name);
    }

    public sealed record SheetReadback(
        string Name, string? Freeze, string? Filter, List<string> Merged, Dictionary<string, double?> Widths,
        int MaxRow, Dictionary<string, CellReadback> Cells, List<ChartReadback> Charts)
    {
        public CellReadback? Cell(string reference) => Cells.GetValueOrDefault(reference);

        /// <summary>The row whose column A holds exactly <paramref name="label"/>.</summary>
        public int RowOf(string label, string column = "A") =>
            Cells.Where(c => Column(c.Key) == column && c.Value.Value.ValueKind == JsonValueKind.String && c.Value.Value.GetString() == label)
                .Select(c => RowNumber(c.Key)).Single();

        /// <summary>Header text in row 1 -> column letter.</summary>
        public Dictionary<string, string> Headers(int row = 1) =>
            Cells.Where(c => RowNumber(c.Key) == row && c.Value.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(c => c.Value.Value.GetString()!, c => Column(c.Key));

        public CellReadback? At(string header, int row, int headerRow = 1) => Cell(Headers(headerRow)[header] + row);

        public static string Column(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());
        public static int RowNumber(string reference) => int.Parse(reference[Column(reference).Length..], CultureInfo.InvariantCulture);
    }

    /// <param name="T">openpyxl data_type: n number, s string, d date, f formula, b bool.</param>
    /// <param name="Cached">The cached value of a formula (openpyxl data_only=True); the value itself otherwise.</param>
    public sealed record CellReadback(string T, JsonElement Value, JsonElement Cached, string Fmt, bool Bold)
    {
        public decimal Number => Value.GetDecimal();
        public decimal CachedNumber => Cached.GetDecimal();
        public string Text => Value.GetString()!;
        public DateTime Date => DateTime.Parse(Value.GetString()!, CultureInfo.InvariantCulture);
    }

    public sealed record ChartReadback(string Type, string? Title, List<string> Series, List<string> Categories);

    private const string DumpScript = """
import datetime, json, sys
import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)                    # formulas as written
cached = openpyxl.load_workbook(path, data_only=True)  # the values cached with them

def enc(v):
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return v.isoformat()
    return v

def title_of(chart):
    try:
        return "".join(r.t for p in chart.title.tx.rich.p for r in (p.r or []))
    except Exception:
        return None

out = {"sheets": []}
for ws in wb.worksheets:
    wc = cached[ws.title]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            cells[c.coordinate] = {
                "t": c.data_type, "value": enc(c.value), "cached": enc(wc[c.coordinate].value),
                "fmt": c.number_format, "bold": bool(c.font is not None and c.font.b),
            }
    charts = []
    for ch in ws._charts:
        charts.append({
            "type": type(ch).__name__,
            "title": title_of(ch),
            "series": [s.val.numRef.f for s in ch.series],
            "categories": [s.cat.strRef.f if s.cat is not None and s.cat.strRef is not None else None for s in ch.series],
        })
    out["sheets"].append({
        "name": ws.title,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "merged": [str(r) for r in ws.merged_cells.ranges],
        "widths": {k: d.width for k, d in ws.column_dimensions.items()},
        "maxRow": ws.max_row,
        "cells": cells,
        "charts": charts,
    })
json.dump(out, sys.stdout)
""";
}
