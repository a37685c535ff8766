using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Incidents;

public abstract class AddendumTests(ClinicApp app) : PageTest(app)
{
    private async Task<Incident> SignedAsync()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        return await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 14, 10), 3, signedBy: "Dr. Helen Director");
    }

    [Theory]
    [InlineData(Roles.Clinician, "Test Clinician")]
    [InlineData(Roles.MedicalDirector, "Test Medical director")]
    public async Task An_addendum_is_added_to_a_signed_incident_which_stays_unchanged(string role, string author)
    {
        var incident = await SignedAsync();
        var client = await App.SignInAsync(role);
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());

        var response = await client.SubmitAsync($"/Incidents/Addendum?id={incident.Id}", new() { ["Input.Text"] = "Phone call next day: <b>fully recovered</b>." });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var a = await App.InDbAsync(db => db.IncidentAddenda.SingleAsync());
        (a.IncidentId, a.Text, a.Author, a.WrittenAt).ShouldBe((incident.Id, "Phone call next day: <b>fully recovered</b>.", author, ClinicalData.Noon.UtcDateTime));
        var saved = await App.InDbAsync(db => db.Incidents.AsNoTracking().SingleAsync());
        (saved.IsLocked, saved.Description, saved.Grade, saved.ConcurrencyStamp).ShouldBe((true, incident.Description, 3, incident.ConcurrencyStamp));
        var audit = await App.InDbAsync(db => db.AuditEntries.SingleAsync());
        (audit.EntityType, audit.Action, audit.UserName).ShouldBe(("IncidentAddendum", "Created", ClinicApp.EmailOf[role]));
        var details = await client.GetDocumentAsync($"/Incidents/Details?id={incident.Id}");
        var shown = details.QuerySelector("#incident-addenda")!;
        shown.TextContent.ShouldContain("Phone call next day: <b>fully recovered</b>.");
        shown.QuerySelector("b").ShouldBeNull(); // shown as typed, never as markup
        shown.TextContent.ShouldContain(author);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_addendum_is_refused(string text)
    {
        var incident = await SignedAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Incidents/Addendum?id={incident.Id}", new() { ["Input.Text"] = text });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.Text").ShouldBe("Write the addendum.");
        (await App.InDbAsync(db => db.IncidentAddenda.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_overlong_addendum_is_refused_and_kept_in_the_form()
    {
        var incident = await SignedAsync();
        var client = await App.SignInAsync(Roles.Clinician);
        var text = new string('a', 4001);

        var response = await client.SubmitAsync($"/Incidents/Addendum?id={incident.Id}", new() { ["Input.Text"] = text });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Text").ShouldBe("Addendum can be at most 4000 characters.");
        ClinicClient.ValueOf(doc, "Input.Text").ShouldBe(text);
        (await App.InDbAsync(db => db.IncidentAddenda.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.PracticeManager)]
    public async Task Front_desk_and_practice_manager_cannot_add_addenda(string role)
    {
        var incident = await SignedAsync();
        var client = await App.SignInAsync(role);

        (await client.GetAsync($"/Incidents/Addendum?id={incident.Id}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await client.PostAsync($"/Incidents/Addendum?id={incident.Id}", new() { ["Input.Text"] = "x" })).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await App.InDbAsync(db => db.IncidentAddenda.CountAsync())).ShouldBe(0);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class AddendumTests_Sqlite(SqliteApp app) : AddendumTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class AddendumTests_PostgreSql(PostgreSqlApp app) : AddendumTests(app);
