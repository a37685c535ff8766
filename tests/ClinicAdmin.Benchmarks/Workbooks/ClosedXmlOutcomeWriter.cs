using System.Globalization;
using ClinicAdmin.Reports.Spreadsheets;
using ClinicAdmin.Reports.Workbooks;
using ClosedXML.Excel;

namespace ClinicAdmin.Benchmarks.Workbooks;

/// <summary>
/// The outcome workbook written with ClosedXML 0.95.4, for the measurement only (issue 12; README
/// Decisions). Same seven sheets, same columns and headers, number formats, frozen header row,
/// autofilter, SUBTOTAL totals and the same formula-injection guard (SafeText.ForCell, then the
/// value is set as text so "=…" never becomes a formula). Not written: the two native charts on
/// Trend (ClosedXML 0.95 cannot draw charts) and the Summary's exact styling; both are a few
/// hundred cells at most, so they do not change the comparison. Never used by the product.
/// </summary>
public static class ClosedXmlOutcomeWriter
{
    private enum Kind { Text, Integer, Number, Date, DateTime }

    private sealed record Col<T>(string Header, double Width, Kind Kind, string? Format, Func<T, object?> Value, bool Total = false);

    private const string Integer = "#,##0", Decimal1 = "0.0", Decimal2 = "0.00", Percent = "0.0%",
        Currency = "\"$\"#,##0.00", Date = "yyyy-mm-dd", DateTime = "yyyy-mm-dd hh:mm";

    private static Col<T> Text<T>(string h, double w, Func<T, string?> v) => new(h, w, Kind.Text, null, v);
    private static Col<T> Int<T>(string h, double w, Func<T, int?> v, bool total = false) => new(h, w, Kind.Integer, Integer, r => v(r), total);
    private static Col<T> Num<T>(string h, double w, string format, Func<T, decimal?> v, bool total = false) => new(h, w, Kind.Number, format, r => v(r), total);
    private static Col<T> Day<T>(string h, double w, Func<T, DateOnly?> v) => new(h, w, Kind.Date, Date, r => v(r));
    private static Col<T> Time<T>(string h, double w, Func<T, DateTime?> v) => new(h, w, Kind.DateTime, DateTime, r => v(r));
    private static Col<T> YesNo<T>(string h, double w, Func<T, bool?> v) => Text<T>(h, w, r => v(r) switch { true => "Yes", false => "No", null => null });

    // The columns of OutcomeTables (product), MRN only (names off, the default).
    private static readonly Col<OutcomeRow>[] Outcomes =
    [
        Text<OutcomeRow>("MRN", 12, r => r.PatientMrn), Text<OutcomeRow>("Indication", 30, r => r.Indication),
        Day<OutcomeRow>("Course started", 14, r => r.CourseStarted), Int<OutcomeRow>("Sessions so far", 10, r => r.SessionsSoFar),
        Int<OutcomeRow>("PHQ-9 baseline", 10, r => r.Phq9Baseline), Int<OutcomeRow>("PHQ-9 latest", 10, r => r.Phq9Latest),
        Num<OutcomeRow>("PHQ-9 change", 11, Percent, r => r.Phq9PercentChange / 100m),
        Int<OutcomeRow>("GAD-7 baseline", 10, r => r.Gad7Baseline), Int<OutcomeRow>("GAD-7 latest", 10, r => r.Gad7Latest),
        Num<OutcomeRow>("GAD-7 change", 11, Percent, r => r.Gad7PercentChange / 100m),
        YesNo<OutcomeRow>("Responder", 11, r => r.Responder), YesNo<OutcomeRow>("Remitter", 10, r => r.Remitter),
    ];

    private static readonly Col<AssessmentRow>[] Assessments =
    [
        Time<AssessmentRow>("Taken at", 17, r => r.TakenAt), Text<AssessmentRow>("MRN", 12, r => r.PatientMrn),
        Text<AssessmentRow>("Indication", 30, r => r.Indication), Text<AssessmentRow>("Instrument", 11, r => r.Instrument),
        Int<AssessmentRow>("Total", 8, r => r.Total), Text<AssessmentRow>("Band", 18, r => r.Band),
        YesNo<AssessmentRow>("Baseline", 9, r => r.IsBaseline),
    ];

    private static readonly Col<SessionRow>[] Sessions =
    [
        Day<SessionRow>("Date", 12, r => r.Date), Text<SessionRow>("MRN", 12, r => r.PatientMrn),
        Text<SessionRow>("Provider", 26, r => r.Provider), Text<SessionRow>("Location", 10, r => r.Location),
        Text<SessionRow>("Service", 34, r => r.Service), Text<SessionRow>("Category", 20, r => r.Category),
        Text<SessionRow>("Route", 11, r => r.Route), Int<SessionRow>("Session no.", 9, r => r.SessionNumber),
        Num<SessionRow>("Dose mg", 9, Decimal1, r => r.DoseMg), Num<SessionRow>("Dose mg/kg", 10, Decimal2, r => r.DoseMgPerKg),
        Text<SessionRow>("Add-ons", 30, r => r.AddOns.Count == 0 ? null : string.Join("; ", r.AddOns)),
        Num<SessionRow>("Charge", 12, Currency, r => r.Charge, total: true),
    ];

    private static readonly Col<IncidentRow>[] Incidents =
    [
        Time<IncidentRow>("Occurred at", 17, r => r.OccurredAt), Text<IncidentRow>("MRN", 12, r => r.PatientMrn),
        Text<IncidentRow>("Visit", 12, r => r.Visit), Text<IncidentRow>("Type", 20, r => r.Type),
        Int<IncidentRow>("CTCAE grade", 8, r => r.Grade), YesNo<IncidentRow>("Serious", 8, r => r.Serious),
        Text<IncidentRow>("Serious criteria", 22, r => r.SeriousCriteria), Text<IncidentRow>("Drug", 12, r => r.Drug),
        Text<IncidentRow>("Route", 10, r => r.Route), Num<IncidentRow>("Dose mg", 9, Decimal1, r => r.DoseMg),
        Text<IncidentRow>("Lot number", 12, r => r.LotNumber), Int<IncidentRow>("Onset, min after dose", 10, r => r.OnsetMinutesAfterDose),
        Text<IncidentRow>("Description", 50, r => r.Description), Int<IncidentRow>("Systolic", 8, r => r.Systolic),
        Int<IncidentRow>("Diastolic", 8, r => r.Diastolic), Int<IncidentRow>("Heart rate", 8, r => r.HeartRate),
        Int<IncidentRow>("SpO2 %", 8, r => r.SpO2), Text<IncidentRow>("Action taken", 30, r => r.ActionTaken),
        Text<IncidentRow>("Rescue medication", 18, r => r.RescueMedication), Text<IncidentRow>("Rescue dose", 12, r => r.RescueDose),
        Time<IncidentRow>("Rescue given at", 17, r => r.RescueGivenAt), Time<IncidentRow>("Resolved at", 17, r => r.ResolvedAt),
        Text<IncidentRow>("Outcome", 16, r => r.Outcome), Text<IncidentRow>("Follow-up", 30, r => r.FollowUp),
        Text<IncidentRow>("Reported by", 20, r => r.ReportedBy), Text<IncidentRow>("Reviewed by", 20, r => r.ReviewedBy),
        Time<IncidentRow>("Reviewed at", 17, r => r.ReviewedAt), Text<IncidentRow>("Review notes", 30, r => r.ReviewNotes),
        YesNo<IncidentRow>("Reportable: MedWatch", 11, r => r.ReportableToMedWatch), YesNo<IncidentRow>("Reportable: REMS", 11, r => r.ReportableToRems),
        Text<IncidentRow>("Addenda", 40, r => r.Addenda.Count == 0 ? null : string.Join(" | ", r.Addenda)),
    ];

    private static readonly Col<RevenueRow>[] Revenue =
    [
        Text<RevenueRow>("Category", 24, r => r.Category), Text<RevenueRow>("Service", 40, r => r.Service),
        Int<RevenueRow>("Sessions", 10, r => r.Sessions, total: true), Num<RevenueRow>("Amount", 14, Currency, r => r.Amount, total: true),
    ];

    private static readonly Col<TrendRow>[] Trend =
    [
        Text<TrendRow>("Month", 10, r => r.Label), Int<TrendRow>("Patients treated", 10, r => r.PatientsTreated),
        Int<TrendRow>("Sessions", 10, r => r.Sessions), Num<TrendRow>("Response rate", 10, Percent, r => r.Response.Rate),
        Num<TrendRow>("Remission rate", 10, Percent, r => r.Remission.Rate), Int<TrendRow>("Responders (n)", 11, r => r.Response.Count),
        Int<TrendRow>("Evaluated for response (N)", 13, r => r.Response.Total), Int<TrendRow>("Remitters (n)", 11, r => r.Remission.Count),
        Int<TrendRow>("Evaluated for remission (N)", 13, r => r.Remission.Total), Int<TrendRow>("Incidents", 10, r => r.Incidents),
        Num<TrendRow>("Incidents per 100 sessions", 12, Decimal2, r => r.IncidentRatePer100),
    ];

    /// <summary>Builds the whole workbook in memory (ClosedXML's model) and saves it to <paramref name="output"/>.</summary>
    public static void Write(OutcomeWorkbookModel model, Stream output)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = SafeText.ForXml($"Monthly outcome workbook {model.Month.Label}: {model.ClinicName}");
        workbook.Properties.Author = SafeText.ForXml(model.GeneratedBy);
        workbook.Properties.Created = model.GeneratedAt.UtcDateTime;

        Summary(workbook.Worksheets.Add("Summary"), model);
        Table(workbook.Worksheets.Add("Outcomes"), Outcomes, model.Outcomes);
        Table(workbook.Worksheets.Add("Assessments"), Assessments, model.Assessments);
        Table(workbook.Worksheets.Add("Sessions"), Sessions, model.Sessions);
        Table(workbook.Worksheets.Add("Incidents"), Incidents, model.Incidents);
        Table(workbook.Worksheets.Add("Revenue"), Revenue, model.Revenue);
        Table(workbook.Worksheets.Add("Trend"), Trend, model.Trend);
        workbook.Worksheet(1).SetTabActive();

        // ClosedXML needs a seekable stream (it builds the zip with System.IO.Packaging): buffer when it is not.
        if (output.CanSeek) workbook.SaveAs(output);
        else
        {
            using var buffer = new MemoryStream();
            workbook.SaveAs(buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
        }
    }

    private static void Summary(IXLWorksheet sheet, OutcomeWorkbookModel model)
    {
        var now = model.ThisMonth;
        var before = model.PreviousMonth;
        double[] widths = [52, 24, 27, 16, 3, 20, 34];
        for (var i = 0; i < widths.Length; i++) sheet.Column(i + 1).Width = widths[i];
        SetText(sheet.Cell(1, 1), $"Monthly outcome workbook: {model.ClinicName}, {model.Month.Label}");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        string[] headers = ["Measure", $"This month ({model.Month.Label})", $"Previous month ({model.Month.Previous().Label})", "Change"];
        for (var i = 0; i < headers.Length; i++) SetText(sheet.Cell(2, i + 1), headers[i]);
        SetText(sheet.Cell(2, 6), "About this workbook");
        sheet.Range(2, 1, 2, 7).Style.Font.Bold = true;
        sheet.Range(2, 1, 2, 7).Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");

        var row = 3;
        void Line(string label, decimal? a, decimal? b, string format)
        {
            SetText(sheet.Cell(row, 1), label);
            SetNumber(sheet.Cell(row, 2), a, format);
            SetNumber(sheet.Cell(row, 3), b, format);
            SetNumber(sheet.Cell(row, 4), a is { } x && b is { } y ? x - y : null, format);
            row++;
        }
        void Section(string title) { SetText(sheet.Cell(row, 1), title); sheet.Cell(row, 1).Style.Font.Bold = true; row++; }
        void Counts(IReadOnlyList<LabelCount> a, IReadOnlyList<LabelCount>? b)
        {
            foreach (var c in a) Line(c.Label, c.Count, b?.FirstOrDefault(x => x.Label == c.Label)?.Count, Integer);
        }

        Section("Activity");
        Line("Patients treated", now.PatientsTreated, before?.PatientsTreated, Integer);
        Line("Sessions, all services", now.Sessions, before?.Sessions, Integer);
        Line("Courses started", now.CoursesStarted, before?.CoursesStarted, Integer);
        Line("Courses completed", now.CoursesCompleted, before?.CoursesCompleted, Integer);
        Section("Sessions by service"); Counts(now.SessionsByService, before?.SessionsByService);
        Section("Sessions per provider"); Counts(now.SessionsByProvider, before?.SessionsByProvider);
        Section("Outcomes (change from baseline; negative = improvement)");
        Line("Mean PHQ-9 change from baseline, points", now.Phq9Change.Mean, before?.Phq9Change.Mean, Decimal1);
        Line("Mean GAD-7 change from baseline, points", now.Gad7Change.Mean, before?.Gad7Change.Mean, Decimal1);
        Line("Response rate (PHQ-9)", now.Response.Rate, before?.Response.Rate, Percent);
        Line("Remission rate (PHQ-9)", now.Remission.Rate, before?.Remission.Rate, Percent);
        foreach (var note in new[] { model.Definitions.Response, model.Definitions.Remission, model.Definitions.Baseline })
        {
            sheet.Range(row, 1, row, 4).Merge();
            SetText(sheet.Cell(row, 1), note);
            sheet.Cell(row, 1).Style.Alignment.WrapText = true;
            row++;
        }
        Section("Safety");
        Line("Incidents, all types", now.Incidents, before?.Incidents, Integer);
        Line("Incidents per 100 sessions", now.IncidentRatePer100, before?.IncidentRatePer100, Decimal2);
        Section("Incidents by type"); Counts(now.IncidentsByType, before?.IncidentsByType);
        Section("Add-on use (sessions with the add-on)"); Counts(now.AddOnUse, before?.AddOnUse);
        Section("Revenue by service category");
        foreach (var r in now.RevenueByCategory) Line(r.Label, r.Amount, before?.RevenueByCategory.FirstOrDefault(x => x.Label == r.Label)?.Amount, Currency);
        Line("Total revenue", now.Revenue, before?.Revenue, Currency);

        (string, string)[] about =
        [
            ("Clinic", model.ClinicName), ("Month", model.Month.Label), ("Time zone", model.Month.TimeZoneId),
            ("Generated by", model.GeneratedBy), ("Patients shown by", model.ShowPatientNames ? "MRN and name" : "MRN only"),
        ];
        for (var i = 0; i < about.Length; i++) { SetText(sheet.Cell(3 + i, 6), about[i].Item1); SetText(sheet.Cell(3 + i, 7), about[i].Item2); }
        sheet.SheetView.FreezeRows(2);
    }

    private static void Table<T>(IXLWorksheet sheet, Col<T>[] columns, IEnumerable<T> rows)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            var column = sheet.Column(c + 1);
            column.Width = columns[c].Width;
            if (columns[c].Format is { } format) column.Style.NumberFormat.Format = format;
            SetText(sheet.Cell(1, c + 1), columns[c].Header);
        }
        var header = sheet.Range(1, 1, 1, columns.Length);
        header.Style.Font.Bold = true;
        header.Style.Alignment.WrapText = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
        header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;

        var totals = new decimal[columns.Length];
        var r = 1;
        foreach (var item in rows)
        {
            r++;
            for (var c = 0; c < columns.Length; c++)
            {
                var value = columns[c].Value(item);
                if (value is null) continue;
                var cell = sheet.Cell(r, c + 1);
                switch (columns[c].Kind)
                {
                    case Kind.Text: SetText(cell, (string)value); break;
                    case Kind.Integer: cell.SetValue((int)value); break;
                    case Kind.Number: cell.SetValue((decimal)value); if (columns[c].Total) totals[c] += (decimal)value; break;
                    case Kind.Date: cell.SetValue(((DateOnly)value).ToDateTime(TimeOnly.MinValue)); break;
                    case Kind.DateTime: cell.SetValue((DateTime)value); break;
                }
                if (columns[c].Kind == Kind.Integer && columns[c].Total) totals[c] += (int)value;
            }
        }
        var last = r;
        if (last > 1)
        {
            sheet.Range(1, 1, last, columns.Length).SetAutoFilter();
            if (columns.Any(c => c.Total))
            {
                r++;
                SetText(sheet.Cell(r, 1), "Total (rows shown)");
                for (var c = 0; c < columns.Length; c++)
                {
                    if (!columns[c].Total) continue;
                    var letter = XLHelper.GetColumnLetterFromNumber(c + 1);
                    sheet.Cell(r, c + 1).FormulaA1 = $"SUBTOTAL(109,{letter}2:{letter}{last})";
                }
                var totalRow = sheet.Range(r, 1, r, columns.Length);
                totalRow.Style.Font.Bold = true;
                totalRow.Style.Border.TopBorder = XLBorderStyleValues.Thin;
            }
        }
        sheet.SheetView.FreezeRows(1);
    }

    /// <summary>The product's guard (SafeText.ForCell: XML-safe, apostrophe before = + - @, 32,767 cap), stored as a text cell.</summary>
    private static void SetText(IXLCell cell, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        cell.SetValue(SafeText.ForCell(text));
        cell.DataType = XLDataType.Text;
    }

    private static void SetNumber(IXLCell cell, decimal? value, string format)
    {
        if (value is not { } v) return;
        cell.SetValue(v);
        cell.Style.NumberFormat.Format = format;
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
