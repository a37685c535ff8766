using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Reports.Workbooks;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouldly;
using Xunit;
using static ClinicAdmin.Reports.Tests.Workbooks.WorkbookTestHelper;

namespace ClinicAdmin.Reports.Tests.Workbooks;

/// <summary>The sample month written once (culture pinned to en-US) and read back once by openpyxl.</summary>
public sealed class SampleWorkbookFixture
{
    public byte[] Bytes { get; } = WithCulture("en-US", () => OutcomeWorkbookWriter.ToBytes(SampleMonth.Model()));
    public byte[] NamedBytes { get; } = WithCulture("en-US", () => OutcomeWorkbookWriter.ToBytes(SampleMonth.Model(showNames: true)));

    private readonly Lazy<Readback> _read;
    private readonly Lazy<Readback> _readNamed;

    public SampleWorkbookFixture()
    {
        _read = new(() => ReadWithOpenpyxl(Bytes));
        _readNamed = new(() => ReadWithOpenpyxl(NamedBytes));
    }

    public Readback Read => _read.Value;
    public Readback ReadNamed => _readNamed.Value;
}

[Trait("Category", "Unit")]
public sealed class OutcomeWorkbookWriterTests(SampleWorkbookFixture sample) : IClassFixture<SampleWorkbookFixture>
{
    [Fact]
    public void Every_generated_workbook_passes_the_OpenXml_validator()
    {
        ValidationErrors(sample.Bytes).ShouldBeEmpty();
        ValidationErrors(sample.NamedBytes).ShouldBeEmpty();
        ValidationErrors(OutcomeWorkbookWriter.ToBytes(SampleMonth.Empty())).ShouldBeEmpty();
    }

    [Fact]
    public void The_workbook_has_the_seven_sheets_in_order()
    {
        sample.Read.Sheets.Select(s => s.Name).ShouldBe(["Summary", "Outcomes", "Assessments", "Sessions", "Incidents", "Revenue", "Trend"]);
        OutcomeWorkbookWriter.FileName(SampleMonth.Model()).ShouldBe("outcomes-2025-03-v2.xlsx");
    }

    [Fact]
    public void Summary_figures_read_back_by_openpyxl_match_the_model()
    {
        var summary = sample.Read["Summary"];
        decimal?[] Row(string label)
        {
            var row = summary.RowOf(label);
            return new[] { "B", "C", "D" }.Select(c => summary.Cell(c + row) is { T: "n" } cell ? cell.Number : (decimal?)null).ToArray();
        }

        Row("Patients treated").ShouldBe([7m, 5m, 2m]);
        Row("Sessions, all services").ShouldBe([19m, 12m, 7m]);
        Row("Courses started").ShouldBe([3m, 2m, 1m]);
        Row("Courses completed").ShouldBe([1m, 2m, -1m]);
        Row("IV ketamine infusion, mood").ShouldBe([12m, 10m, 2m]);
        Row("Spravato session").ShouldBe([4m, 0m, 4m]);
        Row("Lidocaine infusion").ShouldBe([0m, 2m, -2m]);   // only last month: still listed
        Row("Tess Alder, PMHNP-BC").ShouldBe([9m, 0m, 9m]);
        Row("Mean PHQ-9 change from baseline, points").ShouldBe([-6.5m, -5m, -1.5m]);
        Row("Mean GAD-7 change from baseline, points").ShouldBe([-4.25m, null, null]);   // no mean last month: no change
        Row("Response rate (PHQ-9)").ShouldBe([0.75m, 0.5m, 25m]);                       // change in percentage points
        Row("Responders (n)").ShouldBe([3m, 1m, 2m]);
        Row("Courses evaluated for response (N)").ShouldBe([4m, 2m, 2m]);
        Row("Remission rate (PHQ-9)").ShouldBe([0.25m, 0m, 25m]);
        Row("Remitters (n)").ShouldBe([1m, 0m, 1m]);
        Row("Incidents, all types").ShouldBe([3m, 1m, 2m]);
        var rate = Row("Incidents per 100 sessions");
        rate[0]!.Value.ShouldBe(300m / 19m, 0.000001m);
        rate[1]!.Value.ShouldBe(100m / 12m, 0.000001m);
        Row("Serious incidents (FDA criteria)").ShouldBe([1m, 0m, 1m]);
        Row("Nausea/vomiting").ShouldBe([2m, 1m, 1m]);
        Row("Grade 1 (mild)").ShouldBe([2m, 0m, 2m]);
        Row("Grade 2 (moderate)").ShouldBe([0m, 1m, -1m]);
        Row("Grade 3 (severe)").ShouldBe([1m, 0m, 1m]);
        Row("Grade 5 (death)").ShouldBe([0m, 0m, 0m]);
        Row("Ondansetron").ShouldBe([5m, 3m, 2m]);
        Row("Spravato").ShouldBe([1200.50m, 0m, 1200.50m]);
        Row("Total revenue").ShouldBe([6438.50m, 4890m, 1548.50m]);

        summary.Cell("B" + summary.RowOf("Response rate (PHQ-9)"))!.Fmt.ShouldBe("0.0%");
        summary.Cell("D" + summary.RowOf("Response rate (PHQ-9)"))!.Fmt.ShouldContain("pp");
        summary.Cell("B" + summary.RowOf("Total revenue"))!.Fmt.ShouldBe("\"$\"#,##0.00");
        summary.Cell("B2")!.Text.ShouldBe("This month (2025-03)");
        summary.Cell("C2")!.Text.ShouldBe("Previous month (2025-02)");

        // About this workbook: generated 06:00 UTC = 02:00 in New York (EDT); version as a number.
        summary.Cell("G" + summary.RowOf("Generated at", "F"))!.Date.ShouldBe(new DateTime(2025, 4, 1, 2, 0, 0));
        summary.Cell("G" + summary.RowOf("Version", "F"))!.Number.ShouldBe(2m);
        summary.Cell("G" + summary.RowOf("Patients shown by", "F"))!.Text.ShouldBe("MRN only");
    }

    [Fact]
    public void Summary_prints_the_definitions_under_the_rates()
    {
        var summary = sample.Read["Summary"];
        var definitions = OutcomeDefinitions.Standard;
        var remissionN = summary.RowOf("Courses evaluated for remission (N)");
        summary.Cell($"A{remissionN + 1}")!.Text.ShouldBe(definitions.Response);
        summary.Cell($"A{remissionN + 2}")!.Text.ShouldBe(definitions.Remission);
        summary.Cell($"A{remissionN + 3}")!.Text.ShouldBe(definitions.Baseline);
        summary.Merged.ShouldContain($"A{remissionN + 1}:D{remissionN + 1}");
        summary.Cell($"A{summary.RowOf("Incidents per 100 sessions") + 1}")!.Text.ShouldBe(definitions.IncidentRate);
    }

    [Fact]
    public void Sessions_read_back_with_dates_doses_charges_and_a_total_that_follows_the_filter()
    {
        var sheet = sample.Read["Sessions"];
        var expected = SampleMonth.Sessions;
        for (var i = 0; i < expected.Count; i++)
        {
            var row = i + 2;
            sheet.At("Date", row)!.Date.ShouldBe(expected[i].Date.ToDateTime(TimeOnly.MinValue));
            sheet.At("Date", row)!.Fmt.ShouldBe("mm/dd/yyyy");   // the default, US style
            sheet.At("MRN", row)!.Text.ShouldBe(expected[i].PatientMrn);
            sheet.At("Charge", row)!.Number.ShouldBe(expected[i].Charge);
            sheet.At("Charge", row)!.Fmt.ShouldBe("\"$\"#,##0.00");
        }
        sheet.At("Dose mg", 2)!.Number.ShouldBe(35m);
        sheet.At("Dose mg/kg", 2)!.Number.ShouldBe(0.5m);
        sheet.At("Add-ons", 2)!.Text.ShouldBe("Ondansetron; @SUM(A1)");  // joined text starts with a letter: left as is
        sheet.At("Dose mg/kg", 3).ShouldBeNull();                         // no weight: no mg/kg
        sheet.At("Route", 4).ShouldBeNull();
        sheet.At("Location", 2)!.Text.ShouldBe("MAD");
        sheet.At("Location", 3)!.Text.ShouldBe("MID");

        var total = sheet.At("Charge", 5)!;
        total.T.ShouldBe("f");
        total.Text.ShouldBe("=SUBTOTAL(109,L2:L4)");
        total.CachedNumber.ShouldBe(849.125m);
        sheet.Cell("A5")!.Text.ShouldBe("Total (rows shown)");
        sheet.Headers().ContainsKey("Patient").ShouldBeFalse();
    }

    [Theory]
    [InlineData(DateStyle.International, "dd/mm/yyyy", "dd/mm/yyyy hh:mm")]
    [InlineData(DateStyle.Iso, "yyyy-mm-dd", "yyyy-mm-dd hh:mm")]
    public void Date_cells_show_the_clinic_style_and_stay_dates(DateStyle style, string dateFormat, string dateTimeFormat)
    {
        var read = ReadWithOpenpyxl(OutcomeWorkbookWriter.ToBytes(SampleMonth.Model() with { DateStyle = style }));

        var session = read["Sessions"].At("Date", 2)!;
        session.Date.ShouldBe(SampleMonth.Sessions[0].Date.ToDateTime(TimeOnly.MinValue));
        session.Fmt.ShouldBe(dateFormat);
        var taken = read["Assessments"].At("Taken at", 3)!;
        taken.Date.ShouldBe(new DateTime(2025, 3, 28, 16, 45, 0));
        taken.Fmt.ShouldBe(dateTimeFormat);
    }

    [Fact]
    public void Outcomes_and_assessments_read_back_per_course_and_score()
    {
        var outcomes = sample.Read["Outcomes"];
        outcomes.At("MRN", 2)!.Text.ShouldBe("MRN-000101");
        outcomes.At("Course started", 2)!.Date.ShouldBe(new DateTime(2025, 2, 24));
        outcomes.At("Sessions so far", 2)!.Number.ShouldBe(6m);
        outcomes.At("PHQ-9 baseline", 2)!.Number.ShouldBe(20m);
        outcomes.At("PHQ-9 latest", 2)!.Number.ShouldBe(10m);
        outcomes.At("PHQ-9 change", 2)!.Number.ShouldBe(-0.5m);          // -50.0 percent points, shown as -50.0%
        outcomes.At("PHQ-9 change", 2)!.Fmt.ShouldBe("0.0%");
        outcomes.At("GAD-7 change", 3)!.Number.ShouldBe(-0.375m);
        outcomes.At("Responder", 2)!.Text.ShouldBe("Yes");
        outcomes.At("Remitter", 2)!.Text.ShouldBe("No");
        outcomes.At("PHQ-9 baseline", 4).ShouldBeNull();                  // no baseline: blank, not 0
        outcomes.At("Responder", 4).ShouldBeNull();                       // not evaluable: blank, not "No"
        outcomes.Filter.ShouldBe("A1:L4");

        var assessments = sample.Read["Assessments"];
        assessments.At("Taken at", 3)!.Date.ShouldBe(new DateTime(2025, 3, 28, 16, 45, 0));
        assessments.At("Taken at", 3)!.Fmt.ShouldBe("mm/dd/yyyy h:mm AM/PM");
        assessments.At("Total", 2)!.Number.ShouldBe(12m);
        assessments.At("Baseline", 2)!.Text.ShouldBe("Yes");
    }

    [Fact]
    public void Incidents_sheet_carries_every_field_of_the_record()
    {
        var sheet = sample.Read["Incidents"];
        sheet.Headers().Keys.ShouldBe(
        [
            "Occurred at", "MRN", "Visit", "Type", "CTCAE grade", "Serious", "Serious criteria", "Drug", "Route", "Dose mg", "Lot number",
            "Onset, min after dose", "Description", "Systolic", "Diastolic", "Heart rate", "SpO2 %", "Action taken", "Rescue medication",
            "Rescue dose", "Rescue given at", "Resolved at", "Outcome", "Follow-up", "Reported by", "Reviewed by", "Reviewed at",
            "Review notes", "Reportable: MedWatch", "Reportable: REMS", "Addenda",
        ], ignoreOrder: true);

        var first = SampleMonth.Incidents[0];
        sheet.At("Occurred at", 2)!.Date.ShouldBe(first.OccurredAt);
        sheet.At("CTCAE grade", 2)!.Number.ShouldBe(3m);
        sheet.At("Serious", 2)!.Text.ShouldBe("Yes");
        sheet.At("Serious criteria", 2)!.Text.ShouldBe("Hospitalisation");
        sheet.At("Lot number", 2)!.Text.ShouldBe("KT-2291");
        sheet.At("Onset, min after dose", 2)!.Number.ShouldBe(25m);
        sheet.At("Systolic", 2)!.Number.ShouldBe(150m);
        sheet.At("SpO2 %", 2)!.Number.ShouldBe(97m);
        sheet.At("Rescue given at", 2)!.Date.ShouldBe(first.RescueGivenAt!.Value);
        sheet.At("Resolved at", 2)!.Date.ShouldBe(first.ResolvedAt!.Value);
        sheet.At("Reviewed at", 2)!.Date.ShouldBe(first.ReviewedAt!.Value);
        sheet.At("Reportable: MedWatch", 2)!.Text.ShouldBe("Yes");
        sheet.At("Reportable: REMS", 2)!.Text.ShouldBe("No");
        sheet.At("Addenda", 2)!.Text.ShouldBe("Called next day: well.");
        sheet.At("Resolved at", 3).ShouldBeNull();
        sheet.MaxRow.ShouldBe(3);   // no totals row on a sheet without totals
    }

    [Fact]
    public void Revenue_total_is_a_SUBTOTAL_with_its_value_cached()
    {
        var sheet = sample.Read["Revenue"];
        sheet.At("Amount", 2)!.Number.ShouldBe(4788m);
        sheet.At("Sessions", 5)!.Text.ShouldBe("=SUBTOTAL(109,C2:C4)");
        sheet.At("Sessions", 5)!.CachedNumber.ShouldBe(19m);
        sheet.At("Amount", 5)!.Text.ShouldBe("=SUBTOTAL(109,D2:D4)");
        sheet.At("Amount", 5)!.CachedNumber.ShouldBe(6438.50m);
        sheet.Filter.ShouldBe("A1:D4");   // the totals row stays outside the filter
    }

    [Fact]
    public void Trend_sheet_has_native_line_charts_over_the_twelve_months()
    {
        var sheet = sample.Read["Trend"];
        var trend = SampleMonth.Trend;
        for (var i = 0; i < trend.Count; i++)
        {
            var row = i + 2;
            sheet.At("Month", row)!.Text.ShouldBe(trend[i].Label);
            sheet.At("Sessions", row)!.Number.ShouldBe(trend[i].Sessions);
            var response = sheet.At("Response rate", row);
            if (trend[i].Response.Rate is { } rate) response!.Number.ShouldBe(rate);
            else response.ShouldBeNull();
        }
        sheet.At("Month", 2)!.Text.ShouldBe("2024-04");
        sheet.At("Month", 13)!.Text.ShouldBe("2025-03");
        sheet.At("Incidents per 100 sessions", 13)!.Number.ShouldBe(300m / 21m, 0.000001m);

        sheet.Charts.Count.ShouldBe(2);
        sheet.Charts.ShouldAllBe(c => c.Type == "LineChart");
        sheet.Charts[0].Series.ShouldBe(["Trend!$D$2:$D$13", "Trend!$E$2:$E$13"]);
        sheet.Charts[0].Categories.ShouldAllBe(c => c == "Trend!$A$2:$A$13");
        sheet.Charts[0].Title.ShouldBe("Response and remission rate (PHQ-9)");
        sheet.Charts[1].Series.ShouldBe(["Trend!$K$2:$K$13"]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(sample.Bytes), false);
        var trendPart = (WorksheetPart)document.WorkbookPart!.GetPartById(
            document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Trend").Id!);
        trendPart.DrawingsPart!.ChartParts.Count().ShouldBe(2);
        trendPart.DrawingsPart.ChartParts.ShouldAllBe(p => p.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.LineChart>().Any());
    }

    [Fact]
    public void Every_table_has_a_frozen_header_an_autofilter_and_set_widths()
    {
        var read = sample.Read;
        read["Summary"].Freeze.ShouldBe("A3");
        foreach (var name in new[] { "Outcomes", "Assessments", "Sessions", "Incidents", "Revenue", "Trend" })
        {
            read[name].Freeze.ShouldBe("A2", name);
            read[name].Filter.ShouldNotBeNull(name);
            read[name].Filter!.ShouldStartWith("A1:");
            read[name].Widths["A"].ShouldNotBeNull();
        }
        read["Sessions"].Filter.ShouldBe("A1:L4");
        read["Incidents"].Filter.ShouldBe("A1:AE3");
        read["Trend"].Filter.ShouldBe("A1:K13");
        read["Sessions"].Cell("A1")!.Bold.ShouldBeTrue();
    }

    [Fact]
    public void User_typed_text_that_looks_like_a_formula_stays_text()
    {
        var read = sample.ReadNamed;
        var typed = new[] { SampleMonth.Injection, "+1", "-2", "@SUM(A1)", "+1 vomited twice", "-2 infusion paused" };
        var found = read.Sheets.SelectMany(s => s.Cells.Values)
            .Where(c => c.Value.ValueKind == JsonValueKind.String && typed.Contains(c.Text.TrimStart('\'')))
            .ToList();
        found.Count.ShouldBeGreaterThanOrEqualTo(12);
        found.ShouldAllBe(c => c.T == "s" && c.Text.StartsWith('\''));
        read["Outcomes"].At("Patient", 3)!.Text.ShouldBe("'" + SampleMonth.Injection);
        read["Incidents"].At("Follow-up", 2)!.Text.ShouldBe("'@SUM(A1)");
        read["Sessions"].At("Provider", 4)!.Text.ShouldBe("'-2");

        // In the XML: text is never t="str", and the only formulas are the workbook's own totals.
        using var document = SpreadsheetDocument.Open(new MemoryStream(sample.NamedBytes), false);
        var cells = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).ToList();
        cells.Where(c => c.DataType != null).Select(c => c.DataType!.Value).Distinct()
            .ShouldBeSubsetOf([CellValues.InlineString, CellValues.SharedString]);   // never t="str"
        cells.ShouldContain(c => c.DataType != null && c.DataType.Value == CellValues.SharedString);
        cells.ShouldContain(c => c.DataType != null && c.DataType.Value == CellValues.InlineString);
        cells.Where(c => c.CellFormula != null).Select(c => c.CellFormula!.Text).OrderBy(f => f)
            .ShouldBe(["SUBTOTAL(109,C2:C4)", "SUBTOTAL(109,D2:D4)", "SUBTOTAL(109,M2:M4)"]);   // names shown: Charge moves to M
    }

    [Fact]
    public void Generated_under_a_German_culture_the_workbook_is_byte_for_byte_the_same()
    {
        var german = WithCulture("de-DE", () => OutcomeWorkbookWriter.ToBytes(SampleMonth.Model()));
        german.ShouldBe(sample.Bytes);

        var read = ReadWithOpenpyxl(german);
        var summary = read["Summary"];
        summary.Cell("B" + summary.RowOf("Mean GAD-7 change from baseline, points"))!.Number.ShouldBe(-4.25m);
        summary.Cell("B" + summary.RowOf("Total revenue"))!.Number.ShouldBe(6438.50m);
        read["Sessions"].At("Charge", 3)!.Number.ShouldBe(300.125m);
        NumbersOf(read).ShouldBe(NumbersOf(sample.Read));
    }

    [Fact]
    public void Without_the_names_setting_no_patient_name_reaches_the_file()
    {
        var xml = AllPartsText(sample.Bytes);
        xml.ShouldNotContain("Ivy Marsh");
        xml.ShouldNotContain("Noel Brandt");
        xml.ShouldContain("MRN-000101");
        sample.Read["Outcomes"].Headers().ContainsKey("Patient").ShouldBeFalse();

        AllPartsText(sample.NamedBytes).ShouldContain("Ivy Marsh");
        sample.ReadNamed["Outcomes"].At("Patient", 2)!.Text.ShouldBe("Ivy Marsh");
        sample.ReadNamed["Summary"].Cell("G" + sample.ReadNamed["Summary"].RowOf("Patients shown by", "F"))!.Text.ShouldBe("MRN and name");
    }

    [Fact]
    public void The_same_model_gives_the_same_bytes()
    {
        OutcomeWorkbookWriter.ToBytes(SampleMonth.Model()).ShouldBe(sample.Bytes);
    }

    [Fact]
    public void Row_lists_are_read_once_and_a_non_seekable_stream_can_take_the_workbook()
    {
        var model = SampleMonth.Model() with
        {
            Outcomes = new ReadOnce<OutcomeRow>(SampleMonth.Outcomes),
            Assessments = new ReadOnce<AssessmentRow>(SampleMonth.Assessments),
            Sessions = new ReadOnce<SessionRow>(SampleMonth.Sessions),
            Incidents = new ReadOnce<IncidentRow>(SampleMonth.Incidents),
            Revenue = new ReadOnce<RevenueRow>(SampleMonth.Revenue),
            Trend = new ReadOnce<TrendRow>(SampleMonth.Trend),
        };
        using var buffer = new MemoryStream();
        OutcomeWorkbookWriter.Write(model, new ForwardOnlyStream(buffer));
        ValidationErrors(buffer.ToArray()).ShouldBeEmpty();
        ReadWithOpenpyxl(buffer.ToArray())["Sessions"].At("Charge", 5)!.CachedNumber.ShouldBe(849.125m);
    }

    [Fact]
    public void A_cancelled_job_stops_writing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Should.Throw<OperationCanceledException>(() => OutcomeWorkbookWriter.ToBytes(SampleMonth.Model(), cancelled.Token));
    }

    [Fact]
    public void The_group_summary_counts_sessions_by_location_and_a_location_workbook_names_its_scope()
    {
        var group = ReadWithOpenpyxl(OutcomeWorkbookWriter.ToBytes(SampleMonth.Model()))["Summary"];
        group.RowOf("Sessions by location").ShouldBeLessThan(group.RowOf("MAD Harbor Madison"));
        group.Cell("B" + group.RowOf("MAD Harbor Madison"))!.Number.ShouldBe(14m);
        group.Cell("B" + group.RowOf("MID Harbor Middleton"))!.Number.ShouldBe(5m);
        group.Cells.Values.ShouldContain(c => c.Value.ValueKind == JsonValueKind.String && c.Text == "All locations (group)");

        var one = SampleMonth.Model() with { Location = new WorkbookLocation("MID", "Harbor Middleton") };
        OutcomeWorkbookWriter.FileName(one).ShouldBe("outcomes-2025-03-MID-v2.xlsx");
        OutcomeWorkbookWriter.FileName(SampleMonth.Model()).ShouldBe("outcomes-2025-03-v2.xlsx");
        var summary = ReadWithOpenpyxl(OutcomeWorkbookWriter.ToBytes(one))["Summary"];
        summary.Cell("A1")!.Text.ShouldContain("MID Harbor Middleton");
        summary.Cells.Values.ShouldContain(c => c.Value.ValueKind == JsonValueKind.String && c.Text == "MID Harbor Middleton");
        summary.Cells.Values.ShouldNotContain(c => c.Value.ValueKind == JsonValueKind.String && c.Text == "Sessions by location"); // a location's own workbook does not break itself down
    }

    [Fact]
    public void A_clinics_first_month_with_nothing_recorded_is_still_a_readable_workbook()
    {
        var read = ReadWithOpenpyxl(OutcomeWorkbookWriter.ToBytes(SampleMonth.Empty()));
        var summary = read["Summary"];
        summary.Cell("B" + summary.RowOf("Patients treated"))!.Number.ShouldBe(0m);
        summary.Cell("C" + summary.RowOf("Patients treated")).ShouldBeNull();   // no previous month: blank, not 0
        summary.Cell("D" + summary.RowOf("Patients treated")).ShouldBeNull();
        summary.Cell("B" + summary.RowOf("Response rate (PHQ-9)")).ShouldBeNull(); // 0 of 0: no rate
        summary.Cell("B" + summary.RowOf("Incidents per 100 sessions")).ShouldBeNull();
        summary.Cells.Values.Count(c => c.Value.ValueKind == JsonValueKind.String && c.Text == "None recorded").ShouldBe(5); // services, providers, locations, incidents by type and by grade
        read["Sessions"].MaxRow.ShouldBe(1);
        read["Sessions"].Filter.ShouldBe("A1:L1");
        read["Trend"].Charts.ShouldBeEmpty();
    }

    [Fact]
    public void Control_characters_in_typed_text_are_dropped_instead_of_breaking_the_file()
    {
        var model = SampleMonth.Model() with
        {
            Incidents = [SampleMonth.Incidents[0] with { Description = "Bell\u0007 and\u0000 nul, lone \ud800 surrogate, emoji \ud83d\ude00" }],
        };
        var bytes = OutcomeWorkbookWriter.ToBytes(model);
        ValidationErrors(bytes).ShouldBeEmpty();
        ReadWithOpenpyxl(bytes)["Incidents"].At("Description", 2)!.Text.ShouldBe("Bell and nul, lone  surrogate, emoji \ud83d\ude00");
    }

    private static List<string> NumbersOf(Readback read) =>
        read.Sheets.SelectMany(s => s.Cells.Where(c => c.Value.T is "n" or "d" or "f")
            .Select(c => $"{s.Name}!{c.Key}={c.Value.Value.GetRawText()}|{c.Value.Cached.GetRawText()}")).ToList();

    private static string AllPartsText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }

    /// <summary>Like a query result: a second enumeration is an error.</summary>
    private sealed class ReadOnce<T>(IEnumerable<T> items) : IEnumerable<T>
    {
        private bool _read;
        public IEnumerator<T> GetEnumerator()
        {
            if (_read) throw new InvalidOperationException("Enumerated twice.");
            _read = true;
            return items.GetEnumerator();
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Like an HTTP response body: write only, no seeking, no length.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
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
    }
}
