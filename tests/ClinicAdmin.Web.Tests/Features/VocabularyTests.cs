using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Reports.Superbills;
using ClinicAdmin.Web.Features.Outcomes;
using ClinicAdmin.Web.Features.Superbills;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features;

/// <summary>
/// Every value of the user-facing enums, seeded as records, comes out in the vocabulary's words on the pages, in their
/// select lists, in the superbill PDF (pdftotext) and in the outcome workbook cells (openpyxl).
/// </summary>
public abstract class VocabularyTests(ClinicApp app) : PageTest(app)
{
    private static readonly Indication[] Indications = Enum.GetValues<Indication>();
    private static readonly IncidentType[] IncidentTypes = Enum.GetValues<IncidentType>();
    private static readonly Route[] Routes = Enum.GetValues<Route>();
    private static readonly DateOnly InMay = new(2026, 5, 20);

    /// <summary>One course per indication (each with one visit in May, routes in turn), one incident per type, one payment per method.</summary>
    private async Task<(Clinic C, List<TreatmentCourse> Courses, List<Visit> Visits)> SeedAsync()
    {
        var c = await Patients.RecordData.SeedAsync(App);
        var statuses = Enum.GetValues<CourseStatus>();
        var courses = Indications.Select((ind, k) => new TreatmentCourse
        {
            PatientId = c.Patient.Id, Indication = ind, StartDate = InMay.AddDays(-k), Status = statuses[k % statuses.Length],
            Diagnoses = [new CourseDiagnosis { Position = 0, Code = "F33.2", Description = "Major depressive disorder, recurrent, severe" }],
        }).ToList();
        await App.InsertAsync([.. courses]);
        var visits = new List<Visit>();
        for (var k = 0; k < courses.Count; k++)
        {
            var v = await AddVisitAsync(App, c with { Course = courses[k] }, InMay, hour: 8 + k % 8);
            var route = Routes[k % Routes.Length];
            await App.InDbAsync(db => db.Visits.Where(x => x.Id == v.Id).ExecuteUpdateAsync(x => x.SetProperty(y => y.Route, route)));
            v.Route = route;
            visits.Add(v);
        }
        await App.InsertAsync([.. IncidentTypes.Select((t, k) => new Incident
        {
            PatientId = c.Patient.Id, VisitId = visits[k % visits.Count].Id, Type = t, OccurredAt = Utc(InMay, 11), Description = "Seen after the dose.",
            ReportedBy = "Jenna Okafor, RN", Route = Routes[k % Routes.Length], Outcome = IncidentOutcome.Resolved,
        })]);
        await App.InsertAsync([.. Enum.GetValues<PaymentMethod>().Select(m => new Payment
        {
            PatientId = c.Patient.Id, VisitId = visits[0].Id, Amount = 10m, Method = m, ReceivedAt = Utc(InMay, 15), RecordedBy = "desk",
        })]);
        var missing = Enum.GetValues<ServiceCategory>().Except([ServiceCategory.Infusion, ServiceCategory.AddOnTherapy, ServiceCategory.PreMedication]);
        await App.InsertAsync([.. missing.Select(cat => Item($"Test {cat} service", cat, "99213", 100m))]);
        return (c, courses, visits);
    }

    private static List<string> Texts(IHtmlDocument doc, string selector) =>
        doc.QuerySelectorAll(selector).Select(e => Regex.Replace(e.TextContent, @"\s+", " ").Trim()).ToList();

    private static void OptionsAreTheVocabulary<T>(IHtmlDocument doc, string select) where T : struct, Enum
    {
        var options = doc.QuerySelectorAll($"select[name='{select}'] option").Where(o => Enum.TryParse<T>(o.GetAttribute("value"), out _)).ToList();
        options.Select(o => o.GetAttribute("value")).ShouldBe(Enum.GetNames<T>(), $"{select} lists every {typeof(T).Name}");
        options.Select(o => o.TextContent.Trim()).ShouldBe(Enum.GetValues<T>().Select(v => Vocabulary.Label(v)), $"{select} options");
    }

    [Fact]
    public async Task Pages_and_their_select_lists_show_every_value_in_the_vocabulary_words()
    {
        var (c, courses, visits) = await SeedAsync();
        var clinician = await App.SignInAsync(Roles.Clinician);
        var director = await App.SignInAsync(Roles.MedicalDirector);
        var manager = await App.SignInAsync(Roles.PracticeManager);

        var patient = await clinician.GetDocumentAsync($"/Patients/Details?id={c.Patient.Id}");
        var cells = Texts(patient, "td");
        foreach (var i in Indications) cells.ShouldContain(Vocabulary.Label(i));
        foreach (var s in Enum.GetValues<CourseStatus>()) cells.ShouldContain(Vocabulary.Label(s));
        foreach (var m in Enum.GetValues<PaymentMethod>()) cells.ShouldContain(Vocabulary.Label(m));

        for (var k = 0; k < Routes.Length; k++)
        {
            var visit = await clinician.GetDocumentAsync($"/Visits/Details?id={visits[k].Id}");
            var route = visit.QuerySelectorAll("dt").Single(dt => dt.TextContent.Trim() == "Route").NextElementSibling!.TextContent.Trim();
            route.ShouldBe(Vocabulary.Label(Routes[k]));
        }
        var course = await clinician.GetDocumentAsync($"/Courses/Details?id={courses[(int)Indication.Ptsd].Id}");
        course.QuerySelector("h1")!.TextContent.ShouldStartWith("PTSD course");

        var incidents = await director.GetDocumentAsync("/Incidents/Index");
        var incidentCells = Texts(incidents, "td");
        foreach (var t in IncidentTypes) incidentCells.ShouldContain(Vocabulary.Label(t));
        OptionsAreTheVocabulary<IncidentType>(incidents, "type");

        var courseForm = await clinician.GetDocumentAsync($"/Courses/Edit?patientId={c.Patient.Id}");
        OptionsAreTheVocabulary<Indication>(courseForm, "Input.Indication");
        OptionsAreTheVocabulary<CourseStatus>(courseForm, "Input.Status");
        var desk = await App.SignInAsync(Roles.FrontDesk);
        OptionsAreTheVocabulary<PaymentMethod>(await desk.GetDocumentAsync($"/Payments/Edit?patientId={c.Patient.Id}"), "Input.Method");
        OptionsAreTheVocabulary<JobStatus>(await manager.GetDocumentAsync("/Jobs"), "Status");

        var catalog = await manager.GetDocumentAsync("/Pricing");
        var headings = catalog.QuerySelectorAll("h2[id^='cat-']").Select(h => h.ChildNodes.First().TextContent.Trim()).ToList();
        headings.ShouldBe(Enum.GetValues<ServiceCategory>().Select(v => Vocabulary.Label(v)));
    }

    [Fact]
    public async Task The_superbill_pdf_names_each_indication_in_the_vocabulary_words()
    {
        var (c, courses, _) = await SeedAsync();
        using var scope = App.Services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<SuperbillBuilder>();
        foreach (var course in courses)
        {
            var model = (await builder.BuildAsync(SuperbillScope.ForCourse(c.Patient.Id, course.Id), "SB-2026-000001", 1, Today))!;
            // Whitespace dropped: a long label may wrap in the PDF.
            var text = Regex.Replace(Run("/usr/bin/pdftotext", new SuperbillGenerator().GeneratePdf(model), ".pdf", "-raw", "-enc", "UTF-8", "{0}", "-"), @"\s+", "");
            text.ShouldContain(Regex.Replace($"{Vocabulary.Label(course.Indication)} treatment course from", @"\s+", ""), Case.Sensitive, course.Indication.ToString());
        }
    }

    [Fact]
    public async Task The_outcome_workbook_cells_hold_the_vocabulary_words()
    {
        await SeedAsync();
        using (var scope = App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<OutcomeWorkbookRequests>().RequestFirstAsync(2026, 5, "tester", null);
        var cells = Cells(await WorkbookAsync());

        Column(cells, "Outcomes", "Indication").ShouldBe(Indications.Select(i => Vocabulary.Label(i)), ignoreOrder: true);
        Column(cells, "Incidents", "Type").ShouldBe(IncidentTypes.Select(t => Vocabulary.Label(t)), ignoreOrder: true);
        Column(cells, "Incidents", "Route").Distinct().ShouldBe(Routes.Select(r => Vocabulary.Label(r)), ignoreOrder: true);
        Column(cells, "Sessions", "Route").Distinct().ShouldBe(Routes.Where(r => r != Route.None).Select(r => Vocabulary.Label(r)), ignoreOrder: true);
        Column(cells, "Sessions", "Category").Distinct().ShouldBe([Vocabulary.Label(ServiceCategory.Infusion)]);
        // The summary's incidents-by-type lines use the same words.
        var summary = cells.Where(x => x.Sheet == "Summary").Select(x => x.Value).ToHashSet();
        foreach (var t in IncidentTypes) summary.ShouldContain(Vocabulary.Label(t));
    }

    private async Task<byte[]> WorkbookAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await App.InDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Kind == OutcomeWorkbookJob.KindName).OrderByDescending(r => r.Id).FirstAsync());
            if (run.IsFinished)
            {
                run.Status.ShouldBe(JobStatus.Succeeded, run.Error);
                return (await App.InDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == run.DocumentId))).Content;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The workbook is {run.Status} after 60 s ({run.Error}).");
            await Task.Delay(100);
        }
    }

    private sealed record Cell(string Sheet, string Column, int Row, string Value);

    /// <summary>The values under a header, read back by openpyxl.</summary>
    private static List<string> Column(List<Cell> cells, string sheet, string header)
    {
        var head = cells.Where(x => x.Sheet == sheet && x.Value == header).OrderBy(x => x.Row).First();
        return cells.Where(x => x.Sheet == sheet && x.Column == head.Column && x.Row > head.Row).OrderBy(x => x.Row).Select(x => x.Value).ToList();
    }

    private static List<Cell> Cells(byte[] xlsx)
    {
        const string script = "import json,sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1])\nout=[]\nfor ws in wb.worksheets:\n    for row in ws.iter_rows():\n        for c in row:\n            if c.value is not None: out.append([ws.title,c.column_letter,c.row,str(c.value)])\nprint(json.dumps(out))\n";
        var json = Run("/usr/bin/python3", xlsx, ".xlsx", "-c", script, "{0}");
        return JsonSerializer.Deserialize<List<JsonElement[]>>(json)!
            .Select(c => new Cell(c[0].GetString()!, c[1].GetString()!, c[2].GetInt32(), c[3].GetString()!)).ToList();
    }

    /// <summary>Runs a reader over the bytes saved to a temporary file ({0} in the arguments) and returns its output.</summary>
    private static string Run(string tool, byte[] content, string extension, params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        try
        {
            var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) psi.ArgumentList.Add(a == "{0}" ? path : a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            p.ExitCode.ShouldBe(0, $"{tool}: {stderr}");
            return stdout.Result;
        }
        finally { File.Delete(path); }
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class VocabularyTests_Sqlite(SqliteApp app) : VocabularyTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class VocabularyTests_PostgreSql(PostgreSqlApp app) : VocabularyTests(app);
