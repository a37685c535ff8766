using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Reports.Superbills;
using ClinicAdmin.Web.Features.Superbills;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features.Superbills;

public abstract class SuperbillTests(ClinicApp app) : PageTest(app)
{
    private async Task<(Clinic C, Visit V1, Visit V2)> SeedCourseAsync()
    {
        var c = await SeedAsync(App);
        var v1 = await AddVisitAsync(App, c, Today.AddDays(-7), session: 1, addOn: true);
        var v2 = await AddVisitAsync(App, c, Today.AddDays(-3), session: 2);
        await App.InsertAsync(new Payment { PatientId = c.Patient.Id, VisitId = v1.Id, Amount = 449m, Method = PaymentMethod.Card, ReceivedAt = Noon.UtcDateTime.AddDays(-7), RecordedBy = "desk" });
        return (c, v1, v2);
    }

    private async Task<SuperbillModel> BuildAsync(SuperbillScope scope)
    {
        using var s = App.Services.CreateScope();
        return (await s.ServiceProvider.GetRequiredService<SuperbillBuilder>().BuildAsync(scope, "SB-2026-000001", 1, Today))!;
    }

    private async Task<JobRun> WaitForRunAsync(Func<JobRun, bool> which, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = (await App.InDbAsync(db => db.JobRuns.AsNoTracking().ToListAsync())).Where(which).SingleOrDefault();
            if (run is { IsFinished: true }) return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Run is {run?.Status} after {seconds} s ({run?.Error}).");
            await Task.Delay(100);
        }
    }

    private Task<List<GeneratedDocument>> DocumentsAsync() => App.InDbAsync(db => db.Documents.AsNoTracking().OrderBy(d => d.Id).ToListAsync());

    private async Task<GeneratedDocument> IssueCourseBillAsync(Clinic c)
    {
        var response = await (await App.SignInAsync(Roles.FrontDesk)).SubmitAsync($"/Superbills/Request?patientId={c.Patient.Id}",
            new() { ["Input.Kind"] = "Course", ["Input.CourseId"] = c.Course.Id.ToString() });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith($"/Superbills/Request?patientId={c.Patient.Id}&job=");
        var run = await WaitForRunAsync(r => r.Kind == SuperbillJob.KindName);
        run.Status.ShouldBe(JobStatus.Succeeded, run.Error);
        return (await DocumentsAsync()).Single(d => d.Id == run.DocumentId);
    }

    [Fact]
    public async Task Requesting_returns_to_the_request_page_whose_box_shows_the_result_link_and_the_jobs_row_links_patient_and_document()
    {
        var (c, _, _) = await SeedCourseAsync();
        var desk = await App.SignInAsync(Roles.FrontDesk);
        var response = await desk.SubmitAsync($"/Superbills/Request?patientId={c.Patient.Id}",
            new() { ["Input.Kind"] = "Course", ["Input.CourseId"] = c.Course.Id.ToString() });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = response.Headers.Location!.ToString();
        var run = await WaitForRunAsync(r => r.Kind == SuperbillJob.KindName);
        back.ShouldBe($"/Superbills/Request?patientId={c.Patient.Id}&job={run.Id}");
        run.Status.ShouldBe(JobStatus.Succeeded, run.Error);
        var download = $"/Documents/Download?id={run.DocumentId}";

        // The page it was requested from, driven by the run's stored state (no flash): a polite live box with the result.
        var page = await desk.GetDocumentAsync(back);
        var box = page.QuerySelector("#job-box")!;
        box.GetAttribute("aria-live").ShouldBe("polite");
        box.GetAttribute("data-job-status-url").ShouldBe($"/Jobs/Status?id={run.Id}");
        box.QuerySelector("#job-result")!.GetAttribute("href").ShouldBe(download);
        box.QuerySelector(".job-refresh").ShouldBeNull(); // finished: nothing left to refresh
        page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ShouldContain(src => src.StartsWith("/js/jobprogress.js"));
        (await desk.GetDocumentAsync($"/Jobs/Status?id={run.Id}")).QuerySelector("#job-result")!.GetAttribute("href").ShouldBe(download);

        // The Jobs row links back to the patient and to the document.
        var row = (await desk.GetDocumentAsync("/Jobs")).QuerySelector($"tr[data-run='{run.Id}']")!;
        row.QuerySelector("a[data-field=patient]")!.GetAttribute("href").ShouldBe($"/Patients/Details?id={c.Patient.Id}");
        row.QuerySelector("a[data-field=patient]")!.TextContent.ShouldContain(c.Patient.Mrn);
        var doc = (await DocumentsAsync()).Single(d => d.Id == run.DocumentId);
        row.QuerySelector("a[data-field=document]")!.GetAttribute("href").ShouldBe(download);
        row.QuerySelector("a[data-field=document]")!.TextContent.ShouldBe(doc.DocumentNumber);

        // The practice manager sees every run but may not open patients: the document, no patient link.
        var managerRow = (await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Jobs")).QuerySelector($"tr[data-run='{run.Id}']")!;
        managerRow.QuerySelector("a[data-field=patient]").ShouldBeNull();
        managerRow.QuerySelector("a[data-field=document]").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_builder_maps_every_required_field_from_the_records()
    {
        var (c, v1, _) = await SeedCourseAsync();
        var m = await BuildAsync(SuperbillScope.ForVisit(c.Patient.Id, v1.Id));
        m.Problems().ShouldBeEmpty();
        (m.Clinic.Name, m.Clinic.TaxId, m.Clinic.GroupNpi, m.Clinic.Phone, m.Clinic.BillingAddress.CityLine)
            .ShouldBe(("Test Ketamine Clinic", "12-3456789", "1234567893", "(555) 010-2000", "Springfield, IL 62701"));
        m.Providers.ShouldHaveSingleItem().ShouldBe(new SuperbillProvider("Nora Provider", "MSN, PMHNP-BC", "1234567893"));
        (m.Patient.Name, m.Patient.DateOfBirth, m.Patient.InsuredMemberId, m.Patient.PayerName, m.Patient.AccountNumber, m.Patient.Address.StreetLine)
            .ShouldBe(("Ada Testpatient", new DateOnly(1980, 2, 3), "W123456789", "Aetna", "MRN-100001", "12 Elm Street"));
        m.Diagnoses.ShouldBe([new SuperbillDiagnosis("F33.2", "Major depressive disorder, recurrent, severe")]);
        m.Lines.Count.ShouldBe(2);
        var infusion = m.Lines[0];
        (infusion.ServiceDate, infusion.PlaceOfService, infusion.Code, infusion.DiagnosisPointers, infusion.Units, infusion.UnitCharge, infusion.Charge, infusion.RenderingProviderNpi, infusion.IsAddOn)
            .ShouldBe((Today.AddDays(-7), "11", "96365", "A", 1m, 399m, 399m, "1234567893", false));
        m.Lines[1].IsAddOn.ShouldBeTrue();
        m.Lines[1].Code.ShouldBe("J3475");
        m.Totals.ShouldBe(new SuperbillTotals(449m, 449m, 0m));
        m.Signature.ProviderName.ShouldBe("Nora Provider");
    }

    [Fact]
    public async Task Box_32_comes_from_the_visit_location_and_a_course_over_two_locations_lists_both()
    {
        var (c, v1, v2) = await SeedCourseAsync();
        var mid = new Domain.Clinic.Location
        {
            Code = "MID", Name = "Lakeshore Middleton", FacilityNpi = "1457381923",
            ServiceFacilityAddress = new() { Line1 = "7601 University Avenue", Line2 = "Suite 104", City = "Middleton", State = "WI", PostalCode = "53562" },
        };
        await App.InsertAsync(mid);
        await App.InDbAsync(db => db.Visits.Where(v => v.Id == v2.Id).ExecuteUpdateAsync(x => x.SetProperty(v => v.LocationId, mid.Id)));

        var one = await BuildAsync(SuperbillScope.ForVisit(c.Patient.Id, v2.Id));
        (one.Clinic.ServiceFacilityName, one.Clinic.ServiceFacilityAddress.StreetLine, one.Clinic.ServiceFacilityNpi)
            .ShouldBe(("Lakeshore Middleton", "7601 University Avenue, Suite 104", "1457381923"));
        one.Facilities.ShouldHaveSingleItem().Code.ShouldBe("MID");
        one.Problems().ShouldBeEmpty();

        var course = await BuildAsync(SuperbillScope.ForCourse(c.Patient.Id, c.Course.Id));
        course.Facilities.Select(f => f.Code).ShouldBe(["MAIN", "MID"]);
        course.Lines.Select(l => (l.ServiceDate, l.FacilityCode)).Distinct()
            .ShouldBe([(Today.AddDays(-7), "MAIN"), (Today.AddDays(-3), "MID")]);
        course.Problems().ShouldBeEmpty();

        var flat = System.Text.RegularExpressions.Regex.Replace(PdfText(new SuperbillGenerator().GeneratePdf(course)), @"\s+", " ");
        flat.ShouldContain("Service facility (32): Test Ketamine Clinic Springfield · 1 Test Street, Springfield, IL 62701");
        flat.ShouldContain("Service facility (32): Lakeshore Middleton · 7601 University Avenue, Suite 104, Middleton, WI 53562 · NPI (32a) 1457381923");
        flat.IndexOf("Service facility (32): Test Ketamine", StringComparison.Ordinal)
            .ShouldBeLessThan(flat.IndexOf("Service facility (32): Lakeshore Middleton", StringComparison.Ordinal));
    }

    /// <summary>poppler's pdftotext (an independent reader), raw order.</summary>
    private static string PdfText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sb-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-raw", "-enc", "UTF-8", file, "-" }) psi.ArgumentList.Add(arg);
            using var p = System.Diagnostics.Process.Start(psi)!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            p.ExitCode.ShouldBe(0, p.StandardError.ReadToEnd());
            return text;
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task A_course_superbill_lists_every_session_and_a_later_price_change_does_not_alter_it()
    {
        var (c, _, _) = await SeedCourseAsync();
        await App.InDbAsync(async db =>
        {
            var s = await db.Services.Include(x => x.Prices).SingleAsync(x => x.Id == c.Infusion.Id);
            s.SetPrice(499m, Today, Today, "pm", "New price list", Noon.UtcDateTime);
            await db.SaveChangesAsync();
        });
        var m = await BuildAsync(SuperbillScope.ForCourse(c.Patient.Id, c.Course.Id));
        m.Kind.ShouldBe(SuperbillKind.TreatmentCourse);
        m.Lines.Select(l => l.ServiceDate).Distinct().ShouldBe([Today.AddDays(-7), Today.AddDays(-3)]);
        m.Lines.Where(l => l.Code == "96365").Select(l => l.Charge).ShouldBe([399m, 399m]);
        m.Totals.Charges.ShouldBe(m.Lines.Sum(l => l.Charge));
        m.Totals.ShouldBe(new SuperbillTotals(848m, 449m, 399m));
    }

    [Fact]
    public async Task A_superbill_is_refused_before_queuing_with_the_list_of_what_is_missing()
    {
        var (c, _, _) = await SeedCourseAsync();
        await App.InDbAsync(async db =>
        {
            await db.Staff.ExecuteUpdateAsync(s => s.SetProperty(x => x.Npi, (string?)null));
            await db.ClinicSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.TaxId, ""));
            await db.CourseDiagnoses.ExecuteDeleteAsync();
            await db.PatientDiagnoses.ExecuteDeleteAsync();
        });
        var response = await (await App.SignInAsync(Roles.FrontDesk)).SubmitAsync($"/Superbills/Request?patientId={c.Patient.Id}",
            new() { ["Input.Kind"] = "Course", ["Input.CourseId"] = c.Course.Id.ToString() });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = (await ClinicClient.ReadAsync(response)).QuerySelector("#superbill-problems")!.TextContent;
        text.ShouldContain("has no NPI");
        text.ShouldContain("No diagnosis");
        text.ShouldContain("Tax ID");
        (await App.InDbAsync(db => db.JobRuns.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_request_submitted_twice_and_a_rerun_of_the_job_give_exactly_one_document()
    {
        var (c, _, _) = await SeedCourseAsync();
        var doc = await IssueCourseBillAsync(c);
        var again = await (await App.SignInAsync(Roles.Clinician)).SubmitAsync($"/Superbills/Request?patientId={c.Patient.Id}",
            new() { ["Input.Kind"] = "Course", ["Input.CourseId"] = c.Course.Id.ToString() });
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.JobRuns.CountAsync())).ShouldBe(1);

        // A re-run after a crash (document stored, run not yet marked done) links the stored document.
        using (var s = App.Services.CreateScope())
        {
            var id = await s.ServiceProvider.GetRequiredService<SuperbillIssuer>()
                .IssueAsync(SuperbillScope.ForCourse(c.Patient.Id, c.Course.Id), doc.RequestKey, 1, null, "rerun");
            id.ShouldBe(doc.Id);
        }
        var docs = await DocumentsAsync();
        docs.ShouldHaveSingleItem();
        (doc.RequestKey, doc.Version, doc.PatientId, doc.CreatedBy).ShouldBe(($"superbill:course:{c.Course.Id}:v1", 1, (int?)c.Patient.Id, ClinicApp.EmailOf[Roles.FrontDesk]));
        doc.DocumentNumber.ShouldBe("SB-2026-000001");
        doc.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(doc.Content)));
    }

    [Fact]
    public async Task A_corrected_version_voids_the_old_one_and_both_stay_downloadable_unchanged()
    {
        var (c, _, _) = await SeedCourseAsync();
        var v1 = await IssueCourseBillAsync(c);
        var client = await App.SignInAsync(Roles.FrontDesk);
        var details = await client.GetDocumentAsync($"/Patients/Details?id={c.Patient.Id}");
        details.QuerySelector("#superbill-list")!.TextContent.ShouldContain("SB-2026-000001");
        var response = await client.SubmitAsync(details, $"/Superbills/Request?handler=Correct&documentId={v1.Id}", [], $"form[action*='documentId={v1.Id}'][action*='Correct']");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var run = await WaitForRunAsync(r => r.RequestKey.EndsWith(":v2"));
        // The desk stays with the patient: the request page with the correction's progress box, not the Jobs list.
        response.Headers.Location!.ToString().ShouldBe($"/Superbills/Request?patientId={c.Patient.Id}&job={run.Id}");
        var back = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        back.QuerySelector("#job-box").ShouldNotBeNull();
        back.QuerySelector("#job-box #job-result").ShouldNotBeNull();

        var docs = await DocumentsAsync();
        docs.Count.ShouldBe(2);
        var (old, fresh) = (docs[0], docs[1]);
        (fresh.Version, fresh.DocumentNumber, fresh.RequestKey).ShouldBe((2, "SB-2026-000001-v2", $"superbill:course:{c.Course.Id}:v2"));
        old.VoidedAt.ShouldNotBeNull();
        (old.VoidedBy, old.SupersededById).ShouldBe((ClinicApp.EmailOf[Roles.FrontDesk], (int?)fresh.Id));
        old.Content.ShouldBe(v1.Content);
        old.Sha256.ShouldBe(v1.Sha256);
        foreach (var d in docs)
        {
            var file = await client.GetAsync($"/Documents/Download?id={d.Id}");
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await file.Content.ReadAsByteArrayAsync()).ShouldBe(d.Content);
        }
    }

    [Fact]
    public async Task A_download_streams_the_stored_file_as_an_attachment_and_is_audited()
    {
        var (c, _, _) = await SeedCourseAsync();
        var doc = await IssueCourseBillAsync(c);
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());
        var response = await (await App.SignInAsync(Roles.MedicalDirector)).GetAsync($"/Documents/Download?id={doc.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("superbill-SB-2026-000001-v1.pdf");
        var audit = (await App.InDbAsync(db => db.AuditEntries.ToListAsync())).ShouldHaveSingleItem();
        (audit.EntityType, audit.EntityId, audit.Action, audit.UserName, audit.UserId).ShouldBe(("GeneratedDocument", doc.Id.ToString(), "Downloaded", ClinicApp.EmailOf[Roles.MedicalDirector], App.UserIdOf(Roles.MedicalDirector)));
    }

    [Fact]
    public async Task Practice_managers_cannot_request_download_or_link_superbills()
    {
        var (c, _, _) = await SeedCourseAsync();
        var doc = await IssueCourseBillAsync(c);
        var pm = await App.SignInAsync(Roles.PracticeManager);
        foreach (var url in new[] { $"/Documents/Download?id={doc.Id}", $"/Superbills/Request?patientId={c.Patient.Id}", "/Superbills/Batch", $"/Superbills/Link?documentId={doc.Id}" })
        {
            var get = await pm.GetAsync(url);
            get.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            get.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
        var post = await pm.PostAsync($"/Superbills/Request?handler=Correct&documentId={doc.Id}", []);
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await DocumentsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_month_end_batch_issues_one_superbill_per_patient_with_paid_visits()
    {
        var (c, _, _) = await SeedCourseAsync();
        var other = Patient("Bo", "Unpaid", "MRN-100002");
        await App.InsertAsync(other);
        var course = new ClinicAdmin.Domain.Patients.TreatmentCourse { PatientId = other.Id, StartDate = Today.AddDays(-10) };
        await App.InsertAsync(course);
        await AddVisitAsync(App, c with { Patient = other, Course = course }, Today.AddDays(-5), session: 1);
        var response = await (await App.SignInAsync(Roles.FrontDesk)).SubmitAsync("/Superbills/Batch", new() { ["Input.Month"] = "2026-06" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var run = await WaitForRunAsync(r => r.Kind == SuperbillBatchJob.KindName);
        run.Status.ShouldBe(JobStatus.Succeeded, run.Error);
        (run.ProgressDone, run.ProgressTotal, run.ProgressText).ShouldBe((1, 1, "1 superbills issued"));
        var doc = (await DocumentsAsync()).ShouldHaveSingleItem();
        (doc.PatientId, doc.RequestKey).ShouldBe((c.Patient.Id, $"superbill:batch:2026-06:patient:{c.Patient.Id}:v1"));
    }

    private async Task<(GeneratedDocument Doc, string Token)> LinkAsync()
    {
        var (c, _, _) = await SeedCourseAsync();
        var doc = await IssueCourseBillAsync(c);
        var page = await (await App.SignInAsync(Roles.FrontDesk)).SubmitAsync($"/Superbills/Link?documentId={doc.Id}", [], "form[action*='Create']");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var url = (await ClinicClient.ReadAsync(page)).QuerySelector("#patient-link")!.GetAttribute("value")!;
        var token = url[(url.IndexOf("t=", StringComparison.Ordinal) + 2)..];
        (await App.InDbAsync(db => db.PatientLinks.SingleAsync())).TokenHash.ShouldBe(PatientLinks.HashOf(Uri.UnescapeDataString(token)));
        return (doc, Uri.UnescapeDataString(token));
    }

    [Fact]
    public async Task Emailing_a_patient_link_sends_a_message_whose_link_serves_the_pdf()
    {
        var (c, _, _) = await SeedCourseAsync();
        var doc = await IssueCourseBillAsync(c);
        await App.InDbAsync(db => db.Patients.Where(p => p.Id == c.Patient.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, "patient@example.com")));
        foreach (var f in Directory.GetFiles(App.MailDirectory)) File.Delete(f);

        var sent = await (await App.SignInAsync(Roles.FrontDesk)).SubmitAsync($"/Superbills/Link?documentId={doc.Id}", [], "form[action*='Email']");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = Directory.GetFiles(App.MailDirectory, "*.eml").ShouldHaveSingleItem();
        // The pickup file is MIME: undo quoted-printable soft breaks and "=3D" before reading the link.
        var text = File.ReadAllText(mail).Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");
        text.ShouldContain("patient@example.com");
        var token = System.Text.RegularExpressions.Regex.Match(text, @"PatientLink\?t=([A-Za-z0-9_\-%]+)").Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        var response = await OpenLinkAsync(App.Anonymous(), Uri.UnescapeDataString(token), "1980-02-03");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync())[..4].ShouldBe("%PDF"u8.ToArray());
    }

    private async Task<HttpResponseMessage> OpenLinkAsync(ClinicClient client, string token, string dob)
    {
        await OpenAsync(client, token);
        var posted = await client.SubmitAsync("/PatientLink", new() { ["Input.DateOfBirth"] = dob });
        if (posted.StatusCode != HttpStatusCode.Redirect) return posted;
        // The right date of birth: the success page, then its "Download again" link (what the page's refresh also opens).
        posted.Headers.Location!.ToString().ShouldStartWith("/PatientLink?");
        posted.Headers.Location!.ToString().ShouldContain("handler=Done");
        var done = await client.GetDocumentAsync(posted.Headers.Location!.ToString());
        done.QuerySelector("#link-success").ShouldNotBeNull();
        return await client.GetAsync(done.QuerySelector("#download-again")!.GetAttribute("href")!);
    }

    [Fact]
    public async Task The_right_date_of_birth_after_a_wrong_one_shows_the_success_state_without_the_error_and_the_clinic_name()
    {
        var (doc, token) = await LinkAsync();
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());
        var patient = App.Anonymous();
        var form = await OpenAsync(patient, token);
        form.QuerySelector("#clinic-name")!.TextContent.ShouldContain("Test Ketamine Clinic");
        form.QuerySelector("#main-nav").ShouldBeNull(); // the patient layout, not the staff one
        var wrong = await ClinicClient.ReadAsync(await patient.SubmitAsync(form, "/PatientLink", new() { ["Input.DateOfBirth"] = "1981-02-03" }));
        wrong.QuerySelector("#link-message")!.TextContent.ShouldContain("4 tries left");

        var right = await patient.SubmitAsync(wrong, "/PatientLink", new() { ["Input.DateOfBirth"] = "1980-02-03" });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect); // never the file as the answer to the form post
        var verified = right.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PatientLinkCookie.VerifiedName + "=", StringComparison.Ordinal)).ToLowerInvariant();
        verified.ShouldContain("httponly");
        verified.ShouldContain("path=/patientlink");
        verified.ShouldNotContain(token.ToLowerInvariant());

        var done = await patient.GetDocumentAsync(right.Headers.Location!.ToString());
        done.QuerySelector("#link-success").ShouldNotBeNull();
        done.QuerySelector("#link-message").ShouldBeNull();
        done.QuerySelector("input[name='Input.DateOfBirth']").ShouldBeNull();
        done.QuerySelector("#clinic-name")!.TextContent.ShouldContain("Test Ketamine Clinic");
        done.QuerySelector("meta[http-equiv='refresh']")!.GetAttribute("content")!.ShouldContain("url=/PatientLink?handler=Download");

        // "Download again" works for the rest of the verified session, each download audited.
        for (var i = 0; i < 2; i++)
        {
            var again = await patient.GetAsync(done.QuerySelector("#download-again")!.GetAttribute("href")!);
            again.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            (await again.Content.ReadAsByteArrayAsync()).ShouldBe(doc.Content);
        }
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Downloaded" && a.EntityId == doc.Id.ToString()))).ShouldBe(2);
        // A reload of the success page does not start another download.
        (await patient.GetDocumentAsync("/PatientLink?handler=Done")).QuerySelector("meta[http-equiv='refresh']").ShouldBeNull();
    }

    [Fact]
    public async Task The_success_page_and_download_need_the_verified_cookie_and_end_with_it()
    {
        var (_, token) = await LinkAsync();
        // The token cookie alone (date of birth not confirmed) gets neither.
        var unverified = App.Anonymous();
        await OpenAsync(unverified, token);
        foreach (var url in new[] { "/PatientLink?handler=Done", "/PatientLink?handler=Download" })
        {
            var r = await unverified.GetAsync(url);
            r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            r.Headers.Location!.ToString().ShouldBe("/PatientLink");
        }
        // Verified, then 31 minutes later: the cookie has expired and the download is refused.
        var patient = App.Anonymous();
        (await OpenLinkAsync(patient, token, "1980-02-03")).Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        App.Clock.Set(Noon.AddMinutes(31));
        (await patient.GetAsync("/PatientLink?handler=Download")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await patient.GetDocumentAsync("/PatientLink")).QuerySelector("#link-invalid").ShouldNotBeNull();
    }

    // ---------------------------------------------------------------- provider of record (box 31)

    private async Task<HttpResponseMessage> RequestCourseBillAsync(Clinic c, int? signerId = null)
    {
        var values = new Dictionary<string, string?> { ["Input.Kind"] = "Course", ["Input.CourseId"] = c.Course.Id.ToString() };
        if (signerId is { } s) values["Input.SignerId"] = s.ToString();
        return await (await App.SignInAsync(Roles.FrontDesk)).SubmitAsync($"/Superbills/Request?patientId={c.Patient.Id}", values);
    }

    private async Task<(GeneratedDocument Doc, JobRun Run)> IssuedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var run = await WaitForRunAsync(r => r.Kind == SuperbillJob.KindName);
        run.Status.ShouldBe(JobStatus.Succeeded, run.Error);
        return ((await DocumentsAsync()).Single(d => d.Id == run.DocumentId), run);
    }

    private static string FlatPdfText(byte[] pdf) => System.Text.RegularExpressions.Regex.Replace(PdfText(pdf), @"\s+", " ");

    [Fact]
    public async Task The_superbill_is_signed_by_the_provider_of_record_chosen_on_the_request()
    {
        var (c, _, _) = await SeedCourseAsync();
        var chosen = Provider("Iris", "Signer", npi: "1987654328");
        await App.InsertAsync(chosen);
        var form = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync($"/Superbills/Request?patientId={c.Patient.Id}");
        form.QuerySelectorAll("select[name='Input.SignerId'] option").Select(o => o.TextContent).ShouldContain("Iris Signer, MSN, PMHNP-BC · NPI 1987654328");

        var (doc, run) = await IssuedAsync(await RequestCourseBillAsync(c, chosen.Id));
        System.Text.Json.JsonSerializer.Deserialize<SuperbillJob.Parameters>(run.Parameters)!.Scope.SignerId.ShouldBe(chosen.Id);
        var text = FlatPdfText(doc.Content);
        text.ShouldContain("Iris Signer, MSN, PMHNP-BC · NPI 1987654328");
        text.ShouldNotContain("Nora Provider, MSN, PMHNP-BC · NPI");
    }

    [Fact]
    public async Task Without_a_choice_the_course_supervising_provider_signs()
    {
        var (c, _, _) = await SeedCourseAsync();
        var supervisor = Provider("Helena", "Marsh", npi: "1987654328");
        await App.InsertAsync(supervisor);
        await App.InDbAsync(db => db.Courses.Where(x => x.Id == c.Course.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SupervisingProviderId, supervisor.Id)));

        var (doc, run) = await IssuedAsync(await RequestCourseBillAsync(c));
        System.Text.Json.JsonSerializer.Deserialize<SuperbillJob.Parameters>(run.Parameters)!.Scope.SignerId.ShouldBe(supervisor.Id);
        FlatPdfText(doc.Content).ShouldContain("Helena Marsh, MSN, PMHNP-BC · NPI 1987654328");
    }

    [Fact]
    public async Task Without_a_supervising_provider_the_last_rendering_provider_signs_and_old_parameters_still_read()
    {
        var (c, _, _) = await SeedCourseAsync();
        using (var s = App.Services.CreateScope())
            (await s.ServiceProvider.GetRequiredService<SuperbillBuilder>().DefaultSignerIdAsync(SuperbillScope.ForCourse(c.Patient.Id, c.Course.Id))).ShouldBe(c.Provider.Id);
        // Parameters stored before the signer existed: no SignerId, read back as none, signed the old way.
        var old = "{\"Scope\":{\"Kind\":" + (int)SuperbillKind.TreatmentCourse + ",\"PatientId\":" + c.Patient.Id + ",\"VisitId\":null,\"CourseId\":" + c.Course.Id +
                  ",\"From\":null,\"To\":null,\"VisitIds\":null},\"Version\":1,\"ReplacesDocumentId\":null}";
        var parameters = System.Text.Json.JsonSerializer.Deserialize<SuperbillJob.Parameters>(old)!;
        parameters.Scope.SignerId.ShouldBeNull();
        var m = await BuildAsync(parameters.Scope);
        m.Signature.ProviderName.ShouldBe("Nora Provider");
        m.Problems().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signer_without_an_npi_or_not_a_rendering_provider_is_refused_and_nothing_is_queued()
    {
        var (c, _, _) = await SeedCourseAsync();
        var nurse = Provider("Rita", "Nurse", npi: "", rendering: false);
        nurse.Npi = null;
        var lapsed = Provider("Ned", "Nonpi", npi: "1987654328");
        await App.InsertAsync(nurse);
        await App.InsertAsync(lapsed);
        await App.InDbAsync(db => db.Staff.Where(x => x.Id == lapsed.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Npi, (string?)null)));

        foreach (var (who, says) in new[] { (nurse.Id, "Rita Nurse cannot sign the superbill: only a rendering provider"), (lapsed.Id, "Ned Nonpi cannot sign the superbill: no NPI") })
        {
            var response = await RequestCourseBillAsync(c, who);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ClinicClient.ReadAsync(response)).QuerySelector("#superbill-problems")!.TextContent.ShouldContain(says);
        }
        (await App.InDbAsync(db => db.JobRuns.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_supervising_provider_is_set_on_the_course_form_and_audited()
    {
        var (c, _, _) = await SeedCourseAsync();
        var supervisor = Provider("Helena", "Marsh", npi: "1987654328");
        var nurse = Provider("Rita", "Nurse", npi: "", rendering: false);
        nurse.Npi = null;
        await App.InsertAsync(supervisor);
        await App.InsertAsync(nurse);
        var clinician = await App.SignInAsync(Roles.Clinician);
        var form = await clinician.GetDocumentAsync($"/Courses/Edit?id={c.Course.Id}");
        form.QuerySelectorAll("select[name='Input.SupervisingProviderId'] option").Select(o => o.TextContent).ShouldContain("Helena Marsh, MSN, PMHNP-BC");
        form.QuerySelectorAll("select[name='Input.SupervisingProviderId'] option").Select(o => o.TextContent).ShouldNotContain(t => t.Contains("Rita"));

        var refused = await clinician.SubmitAsync(form, $"/Courses/Edit?id={c.Course.Id}", new() { ["Input.SupervisingProviderId"] = nurse.Id.ToString() }, "#course-form");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(refused)).QuerySelector("[data-valmsg-for='Input.SupervisingProviderId']")!.TextContent.ShouldContain("only a rendering provider");

        var saved = await clinician.SubmitAsync(form, $"/Courses/Edit?id={c.Course.Id}", new() { ["Input.SupervisingProviderId"] = supervisor.Id.ToString() }, "#course-form");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Courses.Where(x => x.Id == c.Course.Id).Select(x => x.SupervisingProviderId).SingleAsync())).ShouldBe(supervisor.Id);
        var audit = await App.InDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "TreatmentCourse" && a.EntityId == c.Course.Id.ToString() && a.Action == "Updated").ToListAsync());
        audit.ShouldHaveSingleItem().After!.ShouldContain($"\"SupervisingProviderId\":{supervisor.Id}");
    }

    /// <summary>Follows the link as a browser does: the token is swapped for a cookie and the page is the bare /PatientLink.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> OpenAsync(ClinicClient client, string token)
    {
        var exchange = await client.GetAsync($"/PatientLink?t={Uri.EscapeDataString(token)}");
        exchange.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await client.GetDocumentAsync(exchange.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_patient_link_serves_the_pdf_after_the_right_date_of_birth_and_audits_it()
    {
        var (doc, token) = await LinkAsync();
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());
        var patient = App.Anonymous();
        var response = await OpenLinkAsync(patient, token, "1980-02-03");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 4).ShouldBe("%PDF");
        bytes.ShouldBe(doc.Content);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Downloaded" && a.UserName == "patient link" && a.EntityId == doc.Id.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_date_of_birth_is_refused_and_five_wrong_tries_lock_the_link()
    {
        var (_, token) = await LinkAsync();
        var patient = App.Anonymous();
        for (var i = 1; i <= 4; i++)
        {
            var wrong = await ClinicClient.ReadAsync(await OpenLinkAsync(patient, token, "1981-02-03"));
            wrong.QuerySelector("#link-message")!.TextContent.ShouldContain("does not match");
        }
        var fifth = await ClinicClient.ReadAsync(await OpenLinkAsync(patient, token, "1981-02-03"));
        fifth.QuerySelector("#link-invalid").ShouldNotBeNull();
        (await App.InDbAsync(db => db.PatientLinks.SingleAsync())).LockedAt.ShouldNotBeNull();
        // Locked for good: even the right date of birth gets the neutral page now.
        var right = await OpenAsync(patient, token);
        right.QuerySelector("#link-invalid").ShouldNotBeNull();
        var post = await patient.PostAsync("/PatientLink", new() { ["Input.DateOfBirth"] = "1980-02-03" });
        post.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await ClinicClient.ReadAsync(post)).QuerySelector("#link-invalid").ShouldNotBeNull();
    }

    [Fact]
    public async Task Expired_unknown_and_missing_tokens_get_the_same_neutral_page()
    {
        var (_, token) = await LinkAsync();
        var patient = App.Anonymous();
        (await OpenAsync(patient, token)).QuerySelector("input[name='Input.DateOfBirth']").ShouldNotBeNull();
        App.Clock.Set(Noon.AddDays(15));
        var pages = new[]
        {
            await OpenAsync(patient, token),
            await OpenAsync(patient, "not-a-real-token"),
            await App.Anonymous().GetDocumentAsync("/PatientLink"),
        };
        foreach (var p in pages)
        {
            p.QuerySelector("#link-invalid").ShouldNotBeNull();
            p.QuerySelector("input[name='Input.DateOfBirth']").ShouldBeNull();
            p.Body!.TextContent.ShouldNotContain("Ada");
            p.Body!.TextContent.ShouldNotContain("SB-");
        }
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class SuperbillTests_Sqlite(SqliteApp app) : SuperbillTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class SuperbillTests_PostgreSql(PostgreSqlApp app) : SuperbillTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class SuperbillTests_SqlServer(SqlServerApp app) : SuperbillTests(app);
