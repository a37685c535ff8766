using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Features.Outcomes;
using ClinicAdmin.Web.Features.Superbills;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Security.HostileInput;

/// <summary>
/// Valid but hostile text, typed into the forms and accepted (a name with a script, a formula, RTL and emoji), comes out
/// as literal text everywhere: on pages (escaped, never a live element), in the superbill PDF and in the outcome workbook
/// (a string cell, never a formula).
/// </summary>
public abstract class HostileOutputTests(ClinicApp app) : PageTest(app)
{
    private const string First = "O'Brien <script>alert('hx')</script>";
    private const string Last = "=HYPERLINK(\"http://evil.example\",\"x\")";
    private const string ProviderLast = "@SUM(1+1)*cmd|' /C calc'!A0";
    private const string Unicode = "\u202Eשרה\u202C Zoë 👩🏽‍⚕️";
    private const string Notes = "<img src=x onerror=alert('hx')> Robert'); DROP TABLE \"Visits\";--";

    [Fact]
    public async Task Hostile_text_typed_into_forms_is_literal_text_on_pages_in_the_superbill_pdf_and_in_the_workbook()
    {
        var c = await SeedAsync(App);
        var desk = await App.SignInAsync(Roles.FrontDesk);
        var manager = await App.SignInAsync(Roles.PracticeManager);
        var clinician = await App.SignInAsync(Roles.Clinician);

        // Typed through the forms, as staff would.
        (await desk.SubmitAsync($"/Patients/Edit?id={c.Patient.Id}", new() { ["Input.FirstName"] = First, ["Input.LastName"] = Last, ["Input.InsurancePayer"] = Unicode }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.SubmitAsync($"/Staff/Edit?id={c.Provider.Id}", new() { ["Input.LastName"] = ProviderLast, ["Input.FirstName"] = Unicode }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await manager.SubmitAsync("/Settings/Edit", new() { ["Input.ShowPatientNamesInReports"] = "true" });
        var visit = await AddVisitAsync(App, c, Today.AddDays(-18), session: 1);
        var form = await clinician.GetDocumentAsync($"/Visits/Edit?id={visit.Id}");
        (await clinician.SubmitAsync(form, $"/Visits/Edit?id={visit.Id}", new() { ["Input.Notes"] = Notes })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await App.InDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == c.Patient.Id));
        (saved.FirstName, saved.LastName).ShouldBe((First, Last));
        (await App.InDbAsync(db => db.Visits.AsNoTracking().SingleAsync(v => v.Id == visit.Id))).Notes.ShouldBe(Notes);

        // Pages: the text is there, as text; nothing from it is an element.
        foreach (var (client, url, expected) in new[]
                 {
                     (desk, $"/Patients/Details?id={c.Patient.Id}", new[] { First, Last }),
                     (desk, "/Patients?q=" + Uri.EscapeDataString("=HYPERLINK(\"http"), [Last]), // search is by last name
                     (clinician, $"/Visits/Details?id={visit.Id}", [Notes]),
                     (manager, $"/Staff/Details?id={c.Provider.Id}", [ProviderLast, Unicode]),
                     (manager, "/Staff", [ProviderLast]),
                 })
        {
            var doc = await client.GetDocumentAsync(url);
            foreach (var text in expected) Flat(doc.Body!.TextContent).ShouldContain(Flat(text), customMessage: url);
            doc.QuerySelectorAll("script:not([src]), img[src=x]").ShouldBeEmpty(url);
            doc.QuerySelectorAll("*").SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on")).ShouldBeEmpty(url);
        }

        // Superbill PDF, read back by pdftotext.
        (await desk.SubmitAsync($"/Superbills/Request?patientId={c.Patient.Id}", new() { ["Input.Kind"] = "Course", ["Input.CourseId"] = c.Course.Id.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var bill = await DocumentOfAsync(SuperbillJob.KindName);
        var pdfText = Flat(Run("/usr/bin/pdftotext", bill.Content, "-raw -enc UTF-8 {0} -"));
        pdfText.ShouldContain(Flat(First));
        pdfText.ShouldContain(Flat(Last));
        pdfText.ShouldContain(Flat(ProviderLast));
        pdfText.ShouldContain("Zoë");

        // Outcome workbook of the visit's month, read back by openpyxl: every cell with the text is a string, no cell a formula from it.
        using (var scope = App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<OutcomeWorkbookRequests>().RequestFirstAsync(Today.AddDays(-18).Year, Today.AddDays(-18).Month, "tester", null);
        var workbook = await DocumentOfAsync(OutcomeWorkbookJob.KindName);
        var cells = Cells(workbook.Content);
        foreach (var text in new[] { Last, ProviderLast })
        {
            var holding = cells.Where(cell => cell.Value.Contains(text, StringComparison.Ordinal)).ToList();
            holding.ShouldNotBeEmpty($"no cell holds {text}");
            holding.ShouldAllBe(cell => cell.Type == "s", $"a cell with {text} is not a string");
        }
        cells.Where(cell => cell.Type == "f").ShouldAllBe(cell => !cell.Value.Contains("HYPERLINK") && !cell.Value.Contains("cmd|"));
    }

    private static string Flat(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    private async Task<GeneratedDocument> DocumentOfAsync(string kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await App.InDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Kind == kind).OrderByDescending(r => r.Id).FirstAsync());
            if (run.IsFinished)
            {
                run.Status.ShouldBe(JobStatus.Succeeded, run.Error);
                return await App.InDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == run.DocumentId));
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{kind} is {run.Status} after 60 s ({run.Error}).");
            await Task.Delay(100);
        }
    }

    private sealed record Cell(string Sheet, string Address, string Type, string Value);

    /// <summary>Every non-empty cell as openpyxl reads it (data_type: s string, n number, f formula, ...).</summary>
    private static List<Cell> Cells(byte[] xlsx)
    {
        const string script = "import json,sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1])\nout=[]\nfor ws in wb.worksheets:\n    for row in ws.iter_rows():\n        for c in row:\n            if c.value is not None: out.append([ws.title,c.coordinate,c.data_type,str(c.value)])\nprint(json.dumps(out))\n";
        var json = Run("/usr/bin/python3", xlsx, "-c", script, "{0}");
        return JsonSerializer.Deserialize<List<string[]>>(json)!.Select(c => new Cell(c[0], c[1], c[2], c[3])).ToList();
    }

    /// <summary>Runs a reader over the bytes saved to a temporary file ({0} in the arguments) and returns its output.</summary>
    private static string Run(string tool, byte[] content, params string[] args)
    {
        // openpyxl goes by the extension.
        var path = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}" + (tool.EndsWith("python3") ? ".xlsx" : ".pdf"));
        File.WriteAllBytes(path, content);
        try
        {
            var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args.Length == 1 ? args[0].Split(' ') : args) psi.ArgumentList.Add(a == "{0}" ? path : a);
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
public sealed class HostileOutputTests_Sqlite(SqliteApp app) : HostileOutputTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class HostileOutputTests_PostgreSql(PostgreSqlApp app) : HostileOutputTests(app);
