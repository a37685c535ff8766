using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Incidents;

public abstract class EditTests(ClinicApp app) : PageTest(app)
{
    private async Task<Incident> IncidentAsync(string? signedBy = null, int grade = 2)
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var v = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 15, 9), session: 2);
        return await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 15, 9, 30), grade, v.Id, signedBy: signedBy);
    }

    private Task<Incident> LoadAsync(int id) => App.InDbAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id));

    [Fact]
    public async Task A_clinician_corrects_an_unsigned_incident()
    {
        var incident = await IncidentAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        var doc = await client.GetDocumentAsync($"/Incidents/Edit?id={incident.Id}");
        ClinicClient.ValueOf(doc, "Input.OccurredAt").ShouldBe("2026-06-15T09:30");
        ClinicClient.ValueOf(doc, "Input.Vitals.SpO2").ShouldBe("97");
        var response = await client.SubmitAsync(doc, $"/Incidents/Edit?id={incident.Id}", new() { ["Input.Grade"] = "3", ["Input.Description"] = "Vomited twice; needed IV fluids." });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await LoadAsync(incident.Id);
        (saved.Grade, saved.Description, saved.NeedsReview).ShouldBe((3, "Vomited twice; needed IV fluids.", true));
        saved.OccurredAt.ShouldBe(incident.OccurredAt);
        saved.ReportedBy.ShouldBe(incident.ReportedBy);
    }

    [Fact]
    public async Task Editing_writes_an_audit_row_with_before_and_after()
    {
        var incident = await IncidentAsync();
        var client = await App.SignInAsync(Roles.Clinician);
        var doc = await client.GetDocumentAsync($"/Incidents/Edit?id={incident.Id}");
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());

        await client.SubmitAsync(doc, $"/Incidents/Edit?id={incident.Id}", new() { ["Input.Grade"] = "3" });

        var row = await App.InDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "Incident"));
        (row.Action, row.UserName, row.EntityId).ShouldBe(("Updated", ClinicApp.EmailOf[Roles.Clinician], incident.Id.ToString()));
        row.Before!.ShouldContain("\"Grade\":2");
        row.After!.ShouldContain("\"Grade\":3");
    }

    [Fact]
    public async Task A_signed_off_incident_is_locked_the_edit_form_explains_and_a_post_changes_nothing()
    {
        var incident = await IncidentAsync(signedBy: "Dr. Helen Director", grade: 3);
        var client = await App.SignInAsync(Roles.Clinician);

        var doc = await client.GetDocumentAsync($"/Incidents/Edit?id={incident.Id}");
        doc.QuerySelector("#incident-locked")!.TextContent.ShouldContain("signed off by Dr. Helen Director");
        doc.QuerySelector("#incident-form").ShouldBeNull();

        var fields = new Dictionary<string, string?>
        {
            ["id"] = incident.Id.ToString(), ["Input.Type"] = "Headache", ["Input.OccurredAt"] = "2026-06-15T09:30", ["Input.Description"] = "Changed.",
            ["Input.Grade"] = "1", ["Input.ReportedBy"] = "Someone", ["Input.Route"] = "IV", ["Input.Outcome"] = "Unknown",
            ["Input.ConcurrencyStamp"] = incident.ConcurrencyStamp.ToString(),
        };
        var response = await client.PostAsync($"/Incidents/Edit?id={incident.Id}", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ClinicClient.ReadAsync(response);
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("locked: nothing was changed");
        ClinicClient.ValueOf(page, "Input.Description").ShouldBe("Changed.");
        var saved = await LoadAsync(incident.Id);
        (saved.Type, saved.Grade, saved.Description).ShouldBe((incident.Type, 3, incident.Description));
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Incident" && a.Action == "Updated"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_second_save_over_someone_elses_change_is_refused_and_names_the_field()
    {
        var incident = await IncidentAsync();
        var first = await App.SignInAsync(Roles.Clinician);
        var second = await App.SignInAsync(Roles.Clinician);
        var url = $"/Incidents/Edit?id={incident.Id}";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        (await first.SubmitAsync(firstForm, url, new() { ["Input.Vitals.SpO2"] = "91" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await second.SubmitAsync(secondForm, url, new() { ["Input.Vitals.SpO2"] = "95" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(refused);
        var summary = doc.QuerySelector(".validation-summary-errors")!.TextContent;
        summary.ShouldContain("Another user saved changes");
        summary.ShouldContain("SpO2: now “91” (you typed “95”)");
        ClinicClient.ValueOf(doc, "Input.Vitals.SpO2").ShouldBe("95");
        (await LoadAsync(incident.Id)).Vitals.SpO2.ShouldBe(91);

        // A deliberate second save overwrites.
        (await second.SubmitAsync(doc, url, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoadAsync(incident.Id)).Vitals.SpO2.ShouldBe(95);
    }

    [Fact]
    public async Task Impossible_values_are_refused_and_nothing_changes()
    {
        var incident = await IncidentAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Incidents/Edit?id={incident.Id}", new() { ["Input.Vitals.SpO2"] = "120", ["Input.Grade"] = "6" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Vitals.SpO2").ShouldNotBeNull();
        ClinicClient.ErrorFor(doc, "Input.Grade").ShouldNotBeNull();
        var saved = await LoadAsync(incident.Id);
        (saved.Vitals.SpO2, saved.Grade).ShouldBe((97, 2));
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.PracticeManager)]
    [InlineData(Roles.MedicalDirector)]
    public async Task Only_clinicians_may_edit(string role)
    {
        var incident = await IncidentAsync();
        var client = await App.SignInAsync(role);

        var get = await client.GetAsync($"/Incidents/Edit?id={incident.Id}");
        get.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await client.PostAsync($"/Incidents/Edit?id={incident.Id}", new() { ["Input.Grade"] = "5", ["Input.Description"] = "x" });
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await LoadAsync(incident.Id)).Grade.ShouldBe(2);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EditTests_PostgreSql(PostgreSqlApp app) : EditTests(app);
