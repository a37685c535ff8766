using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features.Courses;

public abstract class EditTests(ClinicApp app) : PageTest(app)
{
    private async Task<Patient> PatientAsync()
    {
        FreezeClock(App);
        var p = Patient();
        p.Diagnoses.Add(new PatientDiagnosis { Code = "R45.851", Description = "Suicidal ideations" });
        await App.InsertAsync(p);
        return p;
    }

    [Fact]
    public async Task A_clinician_starts_a_course_with_six_planned_sessions_and_its_diagnoses_lettered_in_list_order()
    {
        var p = await PatientAsync();
        var client = await App.SignInAsync(Roles.Clinician);
        var form = await client.GetDocumentAsync($"/Courses/Edit?patientId={p.Id}");
        ClinicClient.ValueOf(form, "Input.PlannedSessions").ShouldBe("6");
        ClinicClient.ValueOf(form, "Input.StartDate").ShouldBe("2026-06-15");

        // F33.2 (primary) is ticked already; tick the suicidal-ideation code too. Letters follow the patient's list, primary first.
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[value='R45.851']")!).IsChecked = true;
        var response = await client.SubmitAsync(form, $"/Courses/Edit?patientId={p.Id}", new() { ["Input.Indication"] = "TreatmentResistantDepression", ["Input.Status"] = "Active" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var course = await App.InDbAsync(db => db.Courses.Include(c => c.Diagnoses).OrderBy(c => c.Id).LastAsync());
        response.Headers.Location!.ToString().ShouldBe($"/Courses/Details?id={course.Id}");
        course.PlannedSessions.ShouldBe(6);
        course.Status.ShouldBe(CourseStatus.Active);
        course.Diagnoses.OrderBy(d => d.Position).Select(d => d.Code).ShouldBe(["F33.2", "R45.851"]);
        var details = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        details.QuerySelector("#course-diagnoses")!.TextContent.ShouldContain("A F33.2");
        details.QuerySelector("#course-diagnoses")!.TextContent.ShouldContain("B R45.851");
    }

    [Theory]
    [InlineData("Input.PlannedSessions", "0", "between 1 and 30")]
    [InlineData("Input.PlannedSessions", "31", "between 1 and 30")]
    [InlineData("Input.PlannedSessions", "six", "not valid")]
    [InlineData("Input.Indication", "", "Choose the indication")]
    [InlineData("Input.EndDate", "2026-06-20", "Only a completed or stopped course has an end date")]
    public async Task Bad_course_input_is_refused_with_a_message_and_kept(string field, string value, string message)
    {
        var p = await PatientAsync();
        var response = await (await App.SignInAsync(Roles.Clinician)).SubmitAsync($"/Courses/Edit?patientId={p.Id}",
            new() { ["Input.Indication"] = "Ptsd", ["Input.Status"] = "Active", [field] = value });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, field)!.ShouldContain(message);
        ClinicClient.ValueOf(doc, field).ShouldBe(value);
        (await App.InDbAsync(db => db.Courses.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_course_needs_a_diagnosis()
    {
        var p = await PatientAsync();
        var client = await App.SignInAsync(Roles.Clinician);
        var doc = await client.GetDocumentAsync($"/Courses/Edit?patientId={p.Id}");
        ((AngleSharp.Html.Dom.IHtmlInputElement)doc.QuerySelector("input[value='F33.2']")!).IsChecked = false;
        var response = await client.SubmitAsync(doc, $"/Courses/Edit?patientId={p.Id}", new() { ["Input.Indication"] = "Ptsd" });
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.DiagnosisCodes")!.ShouldContain("at least one diagnosis");
    }

    [Fact]
    public async Task Completing_a_course_without_an_end_date_ends_it_today()
    {
        var c = await SeedAsync(App);
        var response = await (await App.SignInAsync(Roles.Clinician)).SubmitAsync($"/Courses/Edit?id={c.Course.Id}", new() { ["Input.Status"] = "Completed" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Courses.Select(x => x.EndDate).SingleAsync())).ShouldBe(Today);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.PracticeManager)]
    public async Task Only_clinicians_start_or_edit_courses(string role)
    {
        var p = await PatientAsync();
        var client = await App.SignInAsync(role);
        (await client.GetAsync($"/Courses/Edit?patientId={p.Id}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await client.PostAsync($"/Courses/Edit?patientId={p.Id}", new() { ["Input.Indication"] = "Ptsd", ["Input.DiagnosisCodes"] = "F33.2" }))
            .Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await App.InDbAsync(db => db.Courses.CountAsync())).ShouldBe(0);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EditTests_PostgreSql(PostgreSqlApp app) : EditTests(app);
