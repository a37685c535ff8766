using System.Data.Common;
using System.Net;
using System.Text;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.Tests.Features.Assessments;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.AccessLog;

/// <summary>
/// The access log (issue 13): each read of patient data is one row with who, when (the app's clock), which patient, which
/// page and, for a search, its kind but never its text; the per-patient report for the director and the manager; the CSV
/// export; and rows that neither the app nor SQL can change or delete.
/// </summary>
public abstract class AccessLogTests(ClinicApp app) : PageTest(app)
{
    private async Task<ClinicalData.Setup> PatientAsync()
    {
        ClinicalData.FreezeClock(App);
        return await ClinicalData.PatientWithCourseAsync(App);
    }

    private Task<List<AccessLogEntry>> RowsAsync() => App.InDbAsync(db => db.AccessLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    private void ShouldBeOneRow(List<AccessLogEntry> rows, string role, int? patientId, string page, string action, string? kind = null)
    {
        var row = rows.ShouldHaveSingleItem();
        row.UserId.ShouldBe(App.UserIdOf(role));
        row.UserName.ShouldBe(ClinicApp.EmailOf[role]);
        row.PatientId.ShouldBe(patientId);
        row.Page.ShouldBe(page);
        row.Action.ShouldBe(action);
        row.SearchKind.ShouldBe(kind);
        row.At.ShouldBe(ClinicalData.Noon.UtcDateTime); // the app's clock, not the machine's
    }

    [Fact]
    public async Task Opening_a_patient_page_writes_one_row()
    {
        var s = await PatientAsync();
        await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync($"/Patients/Details?id={s.Patient.Id}");
        ShouldBeOneRow(await RowsAsync(), Roles.FrontDesk, s.Patient.Id, "/Patients/Details", "View");
    }

    [Fact]
    public async Task Opening_a_visit_writes_one_row_for_its_patient()
    {
        var s = await PatientAsync();
        var v = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 15, 9), session: 1);
        await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Visits/Details?id={v.Id}");
        ShouldBeOneRow(await RowsAsync(), Roles.Clinician, s.Patient.Id, "/Visits/Details", "View");
    }

    [Fact]
    public async Task Opening_an_incident_writes_one_row_for_its_patient()
    {
        var s = await PatientAsync();
        var i = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 15, 9, 30), grade: 2);
        await (await App.SignInAsync(Roles.MedicalDirector)).GetDocumentAsync($"/Incidents/Details?id={i.Id}");
        ShouldBeOneRow(await RowsAsync(), Roles.MedicalDirector, s.Patient.Id, "/Incidents/Details", "View");
    }

    [Theory]
    [InlineData("/Courses/Details")]
    [InlineData("/Patients/Edit")]
    [InlineData("/Visits/Edit")]
    [InlineData("/Incidents/Edit")]
    [InlineData("/Assessments/Details")]
    public async Task Every_other_page_that_shows_a_patients_record_writes_one_row_for_its_patient(string page)
    {
        var s = await PatientAsync();
        var id = page switch
        {
            "/Courses/Details" => s.Course.Id,
            "/Patients/Edit" => s.Patient.Id,
            "/Visits/Edit" => (await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 15, 9), session: 1)).Id,
            "/Incidents/Edit" => (await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 15, 9, 30), grade: 2)).Id,
            _ => (await ClinicalData.ScoreAsync(App, s, ClinicAdmin.Domain.Assessments.Instrument.Phq9, ClinicalData.Local(6, 15, 8), total: 14)).Id,
        };
        var response = await (await App.SignInAsync(Roles.Clinician)).GetAsync($"{page}?id={id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeOneRow(await RowsAsync(), Roles.Clinician, s.Patient.Id, page, "View");
    }

    [Theory]
    [InlineData("/Courses/Edit", "id=course", Roles.Clinician)]
    [InlineData("/Payments/Edit", "patientId=patient", Roles.FrontDesk)]
    [InlineData("/Incidents/Create", "patientId=patient", Roles.Clinician)]
    [InlineData("/Incidents/Addendum", "id=incident", Roles.Clinician)]
    [InlineData("/Incidents/SignOff", "id=incident", Roles.MedicalDirector)]
    [InlineData("/Incidents/Index", "patientId=patient", Roles.Clinician)]
    [InlineData("/Assessments/Create", "patientId=patient", Roles.Clinician)]
    [InlineData("/Assessments/Index", "patientId=patient", Roles.Clinician)]
    public async Task The_forms_and_lists_of_one_patient_write_one_row_for_them(string page, string query, string role)
    {
        var s = await PatientAsync();
        var incident = query.EndsWith("=incident") ? (await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 15, 9, 30), grade: 3)).Id : 0;
        var url = $"{page}?" + query.Replace("=course", $"={s.Course.Id}").Replace("=patient", $"={s.Patient.Id}").Replace("=incident", $"={incident}");
        var response = await (await App.SignInAsync(role)).GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeOneRow(await RowsAsync(), role, s.Patient.Id, page, "View");
        ClinicAdmin.Web.Features.AccessLog.AccessReport.PageName(page).ShouldNotBe(page); // the report names it in words
    }

    [Fact]
    public async Task The_clinic_wide_incident_queue_is_not_logged_as_any_one_patients_record()
    {
        var s = await PatientAsync();
        await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 15, 9, 30), grade: 2);
        (await (await App.SignInAsync(Roles.MedicalDirector)).GetAsync("/Incidents/Index")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RowsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Downloading_a_patients_document_writes_one_row()
    {
        var s = await PatientAsync();
        var doc = new GeneratedDocument
        {
            Kind = DocumentKind.Superbill, RequestKey = "superbill:test:1", DocumentNumber = "SB-TEST-1", FileName = "superbill-test.pdf",
            ContentType = "application/pdf", Content = "%PDF-1.4"u8.ToArray(), Sha256 = new string('a', 64), PatientId = s.Patient.Id,
            CreatedBy = "system", CreatedAt = ClinicalData.Noon.UtcDateTime,
        };
        await App.InsertAsync(doc);
        var response = await (await App.SignInAsync(Roles.FrontDesk)).GetAsync($"/Documents/Download?id={doc.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeOneRow(await RowsAsync(), Roles.FrontDesk, s.Patient.Id, "/Superbills/Download", "Download");
    }

    [Theory]
    [InlineData("Testpat", "name")]
    [InlineData("1980-02-03", "date of birth")]
    [InlineData("MRN-", "MRN")]
    public async Task A_search_writes_one_row_with_its_kind_and_never_its_text(string typed, string kind)
    {
        var s = await PatientAsync();
        if (kind == "MRN") typed = s.Patient.Mrn[..^1];
        var client = await App.SignInAsync(Roles.FrontDesk);
        var posted = await client.PostAsync("/Patients/Index", new() { ["q"] = typed });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await client.GetDocumentAsync(posted.Headers.Location!.ToString());

        var rows = await RowsAsync();
        ShouldBeOneRow(rows, Roles.FrontDesk, null, "/Patients/Index", "Search", kind);
        var stored = string.Join("|", rows[0].UserName, rows[0].Page, rows[0].Action, rows[0].SearchKind);
        stored.ShouldNotContain(typed, Case.Insensitive);
    }

    [Fact]
    public async Task Nothing_is_logged_when_nothing_is_shown()
    {
        await PatientAsync();
        var client = await App.SignInAsync(Roles.Clinician);
        (await client.GetAsync("/Patients/Details?id=999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Visits/Details?id=999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RowsAsync()).ShouldBeEmpty();
    }

    private async Task<(int PatientId, List<AccessLogEntry> Inserted)> LoggedPatientAsync(int count = 3)
    {
        var s = await PatientAsync();
        var inserted = Enumerable.Range(0, count).Select(n => new AccessLogEntry
        {
            At = ClinicalData.Noon.UtcDateTime.AddMinutes(-60 + n), UserId = App.UserIdOf(Roles.Clinician), UserName = ClinicApp.EmailOf[Roles.Clinician],
            PatientId = s.Patient.Id, Page = n % 2 == 0 ? "/Visits/Details" : "/Patients/Details", Action = "View",
        }).ToList<object>();
        // Someone else's patient: never on this report.
        inserted.Add(new AccessLogEntry { At = ClinicalData.Noon.UtcDateTime, UserName = "x@test.clinic", PatientId = s.Patient.Id + 1000, Page = "/Patients/Details", Action = "View" });
        await App.InsertAsync([.. inserted]);
        return (s.Patient.Id, inserted.Cast<AccessLogEntry>().Take(count).ToList());
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.PracticeManager)]
    public async Task The_director_and_the_manager_read_who_accessed_a_patient_newest_first(string role)
    {
        var (patientId, inserted) = await LoggedPatientAsync();
        var doc = await (await App.SignInAsync(role)).GetDocumentAsync($"/AccessLog/Patient?id={patientId}");
        var rows = doc.QuerySelectorAll("#accesses tbody tr").ToList();
        rows.Select(r => long.Parse(r.GetAttribute("data-access-id")!)).ShouldBe(inserted.Select(e => e.Id).Reverse());
        rows[0].QuerySelector(".access-when")!.TextContent.ShouldBe(RecordText.DateTimeSeconds(new DateTime(2026, 6, 15, 11, 2, 0))); // clinic time (Chicago), not UTC
        rows[0].QuerySelector(".access-user")!.TextContent.ShouldBe(ClinicApp.EmailOf[Roles.Clinician]);
        rows[0].QuerySelector(".access-page")!.TextContent.ShouldBe("Visit");
        rows[1].QuerySelector(".access-page")!.TextContent.ShouldBe("Patient record");
    }

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_cannot_open_the_report_or_its_export(string role)
    {
        var (patientId, _) = await LoggedPatientAsync();
        var client = await App.SignInAsync(role);
        foreach (var url in new[] { $"/AccessLog/Patient?id={patientId}", $"/AccessLog/Patient?id={patientId}&handler=Csv", "/AccessLog/Index" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
    }

    [Fact]
    public async Task The_patient_page_links_to_the_report_for_the_director_only_of_its_readers()
    {
        var s = await PatientAsync();
        var director = await (await App.SignInAsync(Roles.MedicalDirector)).GetDocumentAsync($"/Patients/Details?id={s.Patient.Id}");
        director.QuerySelector("#patient-accesses")!.GetAttribute("href").ShouldBe($"/AccessLog/Patient?id={s.Patient.Id}");
        var clinician = await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Patients/Details?id={s.Patient.Id}");
        clinician.QuerySelector("#patient-accesses").ShouldBeNull();
    }

    [Fact]
    public async Task The_manager_finds_a_patients_report_by_MRN()
    {
        var s = await PatientAsync();
        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/AccessLog/Index", new() { ["Mrn"] = s.Patient.Mrn.ToLowerInvariant() });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/AccessLog/Patient?id={s.Patient.Id}");
        foreach (var wrong in new[] { "MRN-999999", new string('9', 5000) })
        {
            var none = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/AccessLog/Index", new() { ["Mrn"] = wrong });
            none.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ClinicClient.ReadAsync(none)).QuerySelector("#mrn-not-found").ShouldNotBeNull();
        }
        // A NUL is refused before the page (400), never a server error.
        var nul = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/AccessLog/Index", new() { ["Mrn"] = "a\0b" });
        ((int)nul.StatusCode).ShouldBeLessThan(500);
    }

    [Fact]
    public async Task A_staff_members_report_lists_the_patients_they_opened_and_their_searches_and_no_one_elses()
    {
        var s = await PatientAsync();
        var clinician = await App.SignInAsync(Roles.Clinician);
        await clinician.GetDocumentAsync($"/Patients/Details?id={s.Patient.Id}");
        var searched = await clinician.PostAsync("/Patients/Index", new() { ["q"] = "Testpat" });
        await clinician.GetDocumentAsync(searched.Headers.Location!.ToString());
        await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync($"/Patients/Details?id={s.Patient.Id}"); // someone else

        var director = await App.SignInAsync(Roles.MedicalDirector);
        // Chosen from the accounts on the access log page (a GET form: the address holds an account id, no patient data).
        var index = await director.GetDocumentAsync("/AccessLog/Index");
        index.QuerySelectorAll("#userId option").Select(o => o.GetAttribute("value")).ShouldContain(App.UserIdOf(Roles.Clinician));
        var report = await ClinicClient.ReadAsync(await director.GetAsync($"/AccessLog/Person?userId={App.UserIdOf(Roles.Clinician)}"));
        report.QuerySelector("#access-person")!.TextContent.ShouldBe(ClinicApp.EmailOf[Roles.Clinician]);
        var rows = report.QuerySelectorAll("#accesses tbody tr")
            .Select(r => (r.QuerySelector(".access-patient")!.TextContent.Trim(), r.QuerySelector(".access-page")!.TextContent, r.QuerySelector(".access-action")!.TextContent))
            .ToList();
        rows.ShouldBe([("—", "Patient search", "Search (name)"), (s.Patient.Mrn, "Patient record", "View")]);
        report.QuerySelector(".access-patient a")!.GetAttribute("href").ShouldBe($"/AccessLog/Patient?id={s.Patient.Id}");

        // The export holds the same rows, formula-safe, and is itself an access (of no one patient).
        var csv = await director.GetAsync($"/AccessLog/Person?userId={App.UserIdOf(Roles.Clinician)}&handler=Csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[1].ShouldEndWith(",,Patient search,Search (name)");
        lines[2].ShouldEndWith($",{s.Patient.Mrn},Patient record,View");
        var export = await App.InDbAsync(db => db.AccessLog.AsNoTracking().SingleAsync(a => a.Action == "Export"));
        (export.UserId, export.PatientId, export.Page).ShouldBe((App.UserIdOf(Roles.MedicalDirector), (int?)null, "/AccessLog/Person"));

        // Clinicians and front desk cannot read it; an unknown account is not found.
        foreach (var role in new[] { Roles.Clinician, Roles.FrontDesk })
            (await (await App.SignInAsync(role)).GetAsync($"/AccessLog/Person?userId={App.UserIdOf(Roles.Clinician)}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await director.GetAsync("/AccessLog/Person?userId=no-such-account")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_report_pages_fifty_at_a_time()
    {
        var (patientId, inserted) = await LoggedPatientAsync(count: 51);
        var client = await App.SignInAsync(Roles.MedicalDirector);
        var first = await client.GetDocumentAsync($"/AccessLog/Patient?id={patientId}");
        first.QuerySelectorAll("#accesses tbody tr").Length.ShouldBe(50);
        var older = first.QuerySelector("#older-page")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(older);
        second.QuerySelectorAll("#accesses tbody tr").Select(r => long.Parse(r.GetAttribute("data-access-id")!)).ShouldBe([inserted[0].Id]);
        second.QuerySelector("#older-page").ShouldBeNull();
    }

    [Fact]
    public async Task The_CSV_export_lists_every_access_safe_against_formulas_and_is_itself_logged()
    {
        var (patientId, _) = await LoggedPatientAsync(count: 2);
        await App.InsertAsync(new AccessLogEntry
        {
            At = ClinicalData.Noon.UtcDateTime.AddMinutes(-1), UserName = "=HYPERLINK(\"http://x\",\"a, b\")", PatientId = patientId, Page = "/Patients/Details", Action = "View",
        });
        var client = await App.SignInAsync(Roles.PracticeManager);
        var response = await client.GetAsync($"/AccessLog/Patient?id={patientId}&handler=Csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe([
            "When (America/Chicago),Who,Page,Action",
            "2026-06-15 11:59:00,\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\",Patient record,View",
            "2026-06-15 11:01:00,clinician@test.clinic,Patient record,View",
            "2026-06-15 11:00:00,clinician@test.clinic,Visit,View",
        ]);

        var export = await App.InDbAsync(db => db.AccessLog.AsNoTracking().SingleAsync(a => a.Action == "Export"));
        export.UserId.ShouldBe(App.UserIdOf(Roles.PracticeManager));
        export.PatientId.ShouldBe(patientId);
        export.Page.ShouldBe("/AccessLog/Patient");
        // The report lists the export too, newest first.
        var doc = await client.GetDocumentAsync($"/AccessLog/Patient?id={patientId}");
        doc.QuerySelector("#accesses tbody tr .access-page")!.TextContent.ShouldBe("Access report export");
    }

    [Fact]
    public async Task Rows_cannot_be_changed_or_deleted_through_the_app_or_in_SQL()
    {
        var (_, inserted) = await LoggedPatientAsync(count: 1);
        var id = inserted[0].Id;
        await Should.ThrowAsync<InvalidOperationException>(() => App.InDbAsync(async db =>
        {
            (await db.AccessLog.SingleAsync(a => a.Id == id)).UserName = "someone else";
            await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<InvalidOperationException>(() => App.InDbAsync(async db =>
        {
            db.AccessLog.Remove(await db.AccessLog.SingleAsync(a => a.Id == id));
            await db.SaveChangesAsync();
        }));
        // The database refuses too (a trigger), whoever bypasses the app.
        await Should.ThrowAsync<DbException>(() => App.InDbAsync(db => db.AccessLog.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.UserName, "x"))));
        await Should.ThrowAsync<DbException>(() => App.InDbAsync(db => db.AccessLog.Where(a => a.Id == id).ExecuteDeleteAsync()));

        var after = await App.InDbAsync(db => db.AccessLog.AsNoTracking().ToListAsync());
        after.Count.ShouldBe(2);
        after.Single(a => a.Id == id).UserName.ShouldBe(ClinicApp.EmailOf[Roles.Clinician]);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class AccessLogTests_Sqlite(SqliteApp app) : AccessLogTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class AccessLogTests_PostgreSql(PostgreSqlApp app) : AccessLogTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class AccessLogTests_SqlServer(SqlServerApp app) : AccessLogTests(app);
