using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Incidents;

public abstract class SignOffTests(ClinicApp app) : PageTest(app)
{
    private async Task<Incident> Grade3Async()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var v = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 15, 9), session: 4);
        return await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 15, 9, 40), 3, v.Id, IncidentType.Desaturation);
    }

    private Task<Incident> LoadAsync(int id) => App.InDbAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id));

    [Fact]
    public async Task The_medical_director_signs_off_a_grade_3_incident_and_it_is_locked()
    {
        var incident = await Grade3Async();
        var client = await App.SignInAsync(Roles.MedicalDirector);
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());

        var response = await client.SubmitAsync($"/Incidents/SignOff?id={incident.Id}", new() { ["Input.ReviewNotes"] = "Airway managed per protocol." });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Incidents/Details?id={incident.Id}");
        var saved = await LoadAsync(incident.Id);
        saved.IsLocked.ShouldBeTrue();
        (saved.ReviewedBy, saved.ReviewNotes, saved.SignedOffAt).ShouldBe(("Test Medical director", "Airway managed per protocol.", ClinicalData.Noon.UtcDateTime));
        var audit = await App.InDbAsync(db => db.AuditEntries.SingleAsync());
        (audit.EntityType, audit.Action, audit.UserName).ShouldBe(("Incident", "Updated", ClinicApp.EmailOf[Roles.MedicalDirector]));
        audit.After!.ShouldContain("Airway managed per protocol.");
        var details = await client.GetDocumentAsync(response.Headers.Location.ToString());
        details.QuerySelector("#incident-review-state")!.TextContent.ShouldContain("Signed off");
        details.QuerySelector("#incident-review")!.TextContent.ShouldContain("Test Medical director");
        details.QuerySelector("#sign-off-incident").ShouldBeNull();
        (await client.GetDocumentAsync("/Incidents/Index")).QuerySelector("#awaiting-review").ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.PracticeManager)]
    public async Task Nobody_but_the_medical_director_can_sign_off(string role)
    {
        var incident = await Grade3Async();
        var client = await App.SignInAsync(role);

        var get = await client.GetAsync($"/Incidents/SignOff?id={incident.Id}");
        get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        get.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await client.PostAsync($"/Incidents/SignOff?id={incident.Id}",
            new() { ["Input.ReviewNotes"] = "Self-approved.", ["Input.ConcurrencyStamp"] = incident.ConcurrencyStamp.ToString() });
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await LoadAsync(incident.Id)).IsLocked.ShouldBeFalse();
    }

    [Fact]
    public async Task The_clinician_sees_no_sign_off_button_and_the_director_no_edit_button()
    {
        var incident = await Grade3Async();

        var asClinician = await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Incidents/Details?id={incident.Id}");
        asClinician.QuerySelector("#sign-off-incident").ShouldBeNull();
        asClinician.QuerySelector("#edit-incident").ShouldNotBeNull();
        var asDirector = await (await App.SignInAsync(Roles.MedicalDirector)).GetDocumentAsync($"/Incidents/Details?id={incident.Id}");
        asDirector.QuerySelector("#sign-off-incident").ShouldNotBeNull();
        asDirector.QuerySelector("#edit-incident").ShouldBeNull();
    }

    [Fact]
    public async Task Signing_a_second_time_is_refused_and_keeps_the_first_review()
    {
        var incident = await Grade3Async();
        var client = await App.SignInAsync(Roles.MedicalDirector);
        var url = $"/Incidents/SignOff?id={incident.Id}";
        var form = await client.GetDocumentAsync(url);
        (await client.SubmitAsync(form, url, new() { ["Input.ReviewNotes"] = "First." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var again = await client.SubmitAsync(form, url, new() { ["Input.ReviewNotes"] = "Second." });

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(again)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Already signed off");
        (await LoadAsync(incident.Id)).ReviewNotes.ShouldBe("First.");
        (await client.GetDocumentAsync(url)).QuerySelector("#already-signed").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_change_made_after_the_director_opened_the_review_must_be_reviewed_first()
    {
        var incident = await Grade3Async();
        var director = await App.SignInAsync(Roles.MedicalDirector);
        var url = $"/Incidents/SignOff?id={incident.Id}";
        var form = await director.GetDocumentAsync(url);
        var clinician = await App.SignInAsync(Roles.Clinician);
        (await clinician.SubmitAsync($"/Incidents/Edit?id={incident.Id}", new() { ["Input.Grade"] = "4" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var refused = await director.SubmitAsync(form, url, new() { ["Input.ReviewNotes"] = "Looks fine." });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(refused);
        doc.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Another user saved changes to this incident");
        doc.QuerySelector("#signoff-summary")!.TextContent.ShouldContain("Grade 4");
        (await LoadAsync(incident.Id)).IsLocked.ShouldBeFalse();
        (await director.SubmitAsync(doc, url, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoadAsync(incident.Id)).IsLocked.ShouldBeTrue();
    }

    [Fact]
    public async Task Overlong_review_notes_are_refused()
    {
        var incident = await Grade3Async();
        var client = await App.SignInAsync(Roles.MedicalDirector);

        var response = await client.SubmitAsync($"/Incidents/SignOff?id={incident.Id}", new() { ["Input.ReviewNotes"] = new string('n', 4001) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.ReviewNotes").ShouldNotBeNull();
        (await LoadAsync(incident.Id)).IsLocked.ShouldBeFalse();
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class SignOffTests_Sqlite(SqliteApp app) : SignOffTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class SignOffTests_PostgreSql(PostgreSqlApp app) : SignOffTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class SignOffTests_SqlServer(SqlServerApp app) : SignOffTests(app);
