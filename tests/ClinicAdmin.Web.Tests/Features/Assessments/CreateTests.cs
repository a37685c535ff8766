using System.Net;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Assessments;

public abstract class CreateTests(ClinicApp app) : PageTest(app)
{
    private static Dictionary<string, string?> Answers(params int?[] items)
    {
        var form = new Dictionary<string, string?> { ["Input.TakenAt"] = "2026-06-15T09:30" };
        for (var k = 0; k < items.Length; k++) form[$"Input.Items[{k}]"] = items[k]?.ToString();
        return form;
    }

    private Task<int> CountAsync() => App.InDbAsync(db => db.Assessments.CountAsync());

    [Fact]
    public async Task A_clinician_records_a_PHQ9_item_by_item_and_the_server_computes_total_and_band()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Assessments/Create?patientId={s.Patient.Id}", Answers(1, 2, 0, 3, 1, 1, 0, 2, 0));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Assessments?patientId={s.Patient.Id}");
        var a = await App.InDbAsync(db => db.Assessments.SingleAsync());
        a.Instrument.ShouldBe(Instrument.Phq9);
        a.TotalScore.ShouldBe(10);
        a.Band.ShouldBe("Moderate");
        a.Items.ShouldBe("1,2,0,3,1,1,0,2,0");
        a.PatientId.ShouldBe(s.Patient.Id);
        a.TreatmentCourseId.ShouldBe(s.Course.Id); // the patient's current course is preselected
        a.TakenAt.ShouldBe(ClinicalData.Local(6, 15, 9, 30));
        var page = await client.GetDocumentAsync(response.Headers.Location.ToString());
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain("PHQ-9 recorded: 10 (Moderate)");
    }

    [Fact]
    public async Task A_posted_total_is_ignored_the_total_is_always_recomputed()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        var form = Answers(0, 0, 0, 0, 0, 0, 0, 0, 1);
        form["Total"] = "27"; form["Input.Total"] = "27"; form["Input.TotalScore"] = "27"; form["TotalScore"] = "27"; form["Input.Band"] = "Severe";

        (await client.SubmitAsync($"/Assessments/Create?patientId={s.Patient.Id}", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var a = await App.InDbAsync(db => db.Assessments.SingleAsync());
        a.TotalScore.ShouldBe(1);
        a.Band.ShouldBe("Minimal");
    }

    [Fact]
    public async Task PHQ9_item_9_above_0_is_saved_with_a_safety_warning()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Assessments/Create?patientId={s.Patient.Id}", Answers(0, 0, 0, 0, 0, 0, 0, 0, 1));

        var page = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain("suicide-risk protocol");
        page.QuerySelector("#phq9-safety-alert").ShouldNotBeNull();
    }

    [Fact]
    public async Task PHQ9_item_4_answered_4_is_refused_with_a_message_and_the_answers_are_kept()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Assessments/Create?patientId={s.Patient.Id}", Answers(1, 2, 0, 4, 1, 1, 0, 2, 0));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Items[3]").ShouldBe("Item 4 must be between 0 and 3.");
        doc.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Item 4 must be between 0 and 3");
        ((AngleSharp.Html.Dom.IHtmlInputElement)doc.QuerySelector("#item-1-2")!).IsChecked.ShouldBeTrue();
        ((AngleSharp.Html.Dom.IHtmlInputElement)doc.QuerySelector("#item-7-2")!).IsChecked.ShouldBeTrue();
        ClinicClient.ValueOf(doc, "Input.TakenAt").ShouldBe("2026-06-15T09:30");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_item_is_refused_and_named()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Assessments/Create?patientId={s.Patient.Id}", Answers(1, 2, 0, 3, null, 1, 0, 2, 0));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Items[4]").ShouldBe("Answer item 5.");
        doc.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("5 missing");
        ((AngleSharp.Html.Dom.IHtmlInputElement)doc.QuerySelector("#item-3-3")!).IsChecked.ShouldBeTrue();
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_time_in_the_future_is_refused()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        var form = Answers(1, 1, 1, 1, 1, 1, 1, 1, 1);
        form["Input.TakenAt"] = "2026-06-15T13:00"; // now is 12:00 clinic time

        var response = await client.SubmitAsync($"/Assessments/Create?patientId={s.Patient.Id}", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.TakenAt").ShouldBe("The time taken cannot be in the future.");
        (await CountAsync()).ShouldBe(0);
    }

    public static TheoryData<string, int[], int, string> OtherInstruments => new()
    {
        { "Gad7", [2, 1, 3, 0, 1, 2, 1], 10, "Moderate" },
        { "PainNrs", [7], 7, "Severe" },
        { "Pcl5", Enumerable.Range(0, 20).Select(i => i % 5).ToArray(), 40, "Probable PTSD" },
    };

    [Theory]
    [MemberData(nameof(OtherInstruments))]
    public async Task GAD7_pain_and_PCL5_are_recorded_with_computed_totals(string instrument, int[] items, int total, string band)
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);

        var url = $"/Assessments/Create?patientId={s.Patient.Id}&instrument={instrument}";
        var form = await client.GetDocumentAsync(url);
        form.QuerySelectorAll("#score-items tbody tr").Length.ShouldBe(items.Length);
        var response = await client.SubmitAsync(url, Answers(items.Select(i => (int?)i).ToArray()));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var a = await App.InDbAsync(db => db.Assessments.SingleAsync());
        a.Instrument.ToString().ShouldBe(instrument);
        a.TotalScore.ShouldBe(total);
        a.Band.ShouldBe(band);
    }

    [Fact]
    public async Task From_a_visit_the_course_visit_and_time_of_the_visit_are_prefilled()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var visit = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 12, 10, 0), session: 3);
        var client = await App.SignInAsync(Roles.Clinician);

        var doc = await client.GetDocumentAsync($"/Assessments/Create?visitId={visit.Id}");

        ClinicClient.ValueOf(doc, "Input.VisitId").ShouldBe(visit.Id.ToString());
        ClinicClient.ValueOf(doc, "Input.CourseId").ShouldBe(s.Course.Id.ToString());
        ClinicClient.ValueOf(doc, "Input.TakenAt").ShouldBe("2026-06-12T10:00");
        doc.QuerySelector("#score-patient")!.TextContent.ShouldContain("MRN-000101");

        (await client.SubmitAsync($"/Assessments/Create?visitId={visit.Id}", Answers(0, 1, 0, 1, 0, 1, 0, 1, 0))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var a = await App.InDbAsync(db => db.Assessments.SingleAsync());
        (a.VisitId, a.TreatmentCourseId, a.PatientId).ShouldBe((visit.Id, s.Course.Id, s.Patient.Id));
    }

    [Fact]
    public async Task A_visit_of_another_patient_cannot_be_attached()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var other = await ClinicalData.PatientWithCourseAsync(App, "Otherpatient", "MRN-000202", s.Provider);
        var theirVisit = await ClinicalData.VisitAsync(App, other, ClinicalData.Local(6, 12, 10, 0), session: 1);
        var client = await App.SignInAsync(Roles.Clinician);
        var form = Answers(1, 1, 1, 1, 1, 1, 1, 1, 1);
        form["Input.VisitId"] = theirVisit.Id.ToString();

        var response = await client.SubmitAsync($"/Assessments/Create?patientId={s.Patient.Id}", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.VisitId").ShouldNotBeNull();
        (await CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("/Patients/Details?id=1", "/Patients/Details?id=1")]
    [InlineData("https://evil.example/", null)]
    public async Task After_saving_the_clinician_returns_to_the_page_they_came_from_if_it_is_local(string returnUrl, string? expected)
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Assessments/Create?patientId={s.Patient.Id}&returnUrl={Uri.EscapeDataString(returnUrl)}", Answers(1, 1, 1, 1, 1, 1, 1, 1, 1));

        response.Headers.Location!.ToString().ShouldBe(expected ?? $"/Assessments?patientId={s.Patient.Id}");
    }

    [Fact]
    public async Task A_double_submitted_form_stores_one_score()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        var url = $"/Assessments/Create?patientId={s.Patient.Id}";
        var doc = await client.GetDocumentAsync(url);

        (await client.SubmitAsync(doc, url, Answers(2, 2, 2, 2, 2, 2, 2, 2, 0))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SubmitAsync(doc, url, Answers(2, 2, 2, 2, 2, 2, 2, 2, 0))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Recording_a_score_writes_an_audit_row_for_the_clinician()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());

        await client.SubmitAsync($"/Assessments/Create?patientId={s.Patient.Id}", Answers(1, 1, 1, 1, 1, 1, 1, 1, 1));

        var row = await App.InDbAsync(db => db.AuditEntries.SingleAsync());
        (row.EntityType, row.Action, row.UserName).ShouldBe(("Assessment", "Created", ClinicApp.EmailOf[Roles.Clinician]));
        row.After!.ShouldContain("\"TotalScore\":9");
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.PracticeManager)]
    [InlineData(Roles.MedicalDirector)]
    public async Task Only_clinicians_may_open_or_post_the_score_form(string role)
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var client = await App.SignInAsync(role);
        var url = $"/Assessments/Create?patientId={s.Patient.Id}";

        var get = await client.GetAsync(url);
        get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        get.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await client.PostAsync(url, Answers(1, 1, 1, 1, 1, 1, 1, 1, 1));
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_patient_is_not_found()
    {
        var client = await App.SignInAsync(Roles.Clinician);
        (await client.GetAsync("/Assessments/Create?patientId=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Assessments/Create")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class CreateTests_Sqlite(SqliteApp app) : CreateTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class CreateTests_PostgreSql(PostgreSqlApp app) : CreateTests(app);
