using System.Net;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features.Visits;

/// <summary>The visit form's location: its default, the place of service it brings, and what it refuses.</summary>
public abstract class VisitLocationTests(ClinicApp app) : PageTest(app)
{
    private async Task<int> AddSiteAsync(string code, string pos, bool active = true)
    {
        var l = new Location { Code = code, Name = $"Site {code}", DefaultPlaceOfService = pos, IsActive = active,
            ServiceFacilityAddress = new() { Line1 = "7601 University Avenue", City = "Middleton", State = "WI", PostalCode = "53562" } };
        await App.InsertAsync(l);
        return l.Id;
    }

    [Fact]
    public async Task A_new_visit_starts_at_the_only_location_with_its_place_of_service()
    {
        var c = await SeedAsync(App);
        await App.InDbAsync(db => db.Locations.ExecuteUpdateAsync(s => s.SetProperty(l => l.DefaultPlaceOfService, "49")));
        var doc = await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Visits/Edit?patientId={c.Patient.Id}");

        ClinicClient.ValueOf(doc, "Input.LocationId").ShouldBe(App.MainLocationId.ToString());
        ClinicClient.ValueOf(doc, "Input.PlaceOfService").ShouldBe("49");
        doc.QuerySelector($"select[name='Input.LocationId'] option[value='{App.MainLocationId}']")!.GetAttribute("data-pos").ShouldBe("49");
    }

    [Fact]
    public async Task A_new_visit_starts_where_the_patient_was_last_seen_and_inactive_sites_are_not_offered()
    {
        var c = await SeedAsync(App);
        var mid = await AddSiteAsync("MID", "22");
        var old = await AddSiteAsync("OLD", "11", active: false);
        var v = await AddVisitAsync(App, c, new DateOnly(2026, 6, 1));
        await App.InDbAsync(db => db.Visits.Where(x => x.Id == v.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LocationId, mid)));

        var doc = await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Visits/Edit?patientId={c.Patient.Id}");

        ClinicClient.ValueOf(doc, "Input.LocationId").ShouldBe(mid.ToString());
        ClinicClient.ValueOf(doc, "Input.PlaceOfService").ShouldBe("22");
        var offered = doc.QuerySelectorAll("select[name='Input.LocationId'] option").Select(o => o.GetAttribute("value")).Where(x => x != "").ToList();
        offered.ShouldBe([App.MainLocationId.ToString(), mid.ToString()], ignoreOrder: true);
        offered.ShouldNotContain(old.ToString());
    }

    [Fact]
    public async Task The_chosen_location_is_stored_and_an_empty_place_of_service_takes_its_default_and_details_show_it()
    {
        var c = await SeedAsync(App);
        var mid = await AddSiteAsync("MID", "49");
        var client = await App.SignInAsync(Roles.Clinician);
        var url = $"/Visits/Edit?patientId={c.Patient.Id}";
        var doc = await client.GetDocumentAsync(url);

        var response = await client.SubmitAsync(doc, url, ValidVisit(doc, c, new() { ["Input.LocationId"] = mid.ToString(), ["Input.PlaceOfService"] = "" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var visit = await App.InDbAsync(db => db.Visits.AsNoTracking().SingleAsync());
        (visit.LocationId, visit.PlaceOfService).ShouldBe((mid, "49"));
        var details = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        details.QuerySelector("#visit-location")!.TextContent.ShouldBe("MID · Site MID");
    }

    [Theory]
    [InlineData("inactive")]
    [InlineData("unknown")]
    [InlineData("")]
    public async Task A_location_that_is_not_offered_is_refused_keeping_the_form(string which)
    {
        var c = await SeedAsync(App);
        var old = await AddSiteAsync("OLD", "11", active: false);
        var value = which switch { "inactive" => old.ToString(), "unknown" => "999999", _ => "" };
        var client = await App.SignInAsync(Roles.Clinician);
        var url = $"/Visits/Edit?patientId={c.Patient.Id}";
        var doc = await client.GetDocumentAsync(url);

        var response = await client.SubmitAsync(doc, url, ValidVisit(doc, c, new() { ["Input.LocationId"] = value }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(page, "Input.LocationId").ShouldNotBeNull().ShouldContain(which == "" ? "Choose the location" : "active location");
        ClinicClient.ValueOf(page, "Input.Notes").ShouldBe("Calm throughout; mild dissociation at 20 min.");
        (await App.InDbAsync(db => db.Visits.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Editing_a_visit_at_a_location_deactivated_since_keeps_it()
    {
        var c = await SeedAsync(App);
        var old = await AddSiteAsync("OLD", "11");
        var v = await AddVisitAsync(App, c, new DateOnly(2026, 6, 1));
        await App.InDbAsync(db => db.Visits.Where(x => x.Id == v.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LocationId, old)));
        await App.InDbAsync(db => db.Locations.Where(l => l.Id == old).ExecuteUpdateAsync(s => s.SetProperty(l => l.IsActive, false)));
        var client = await App.SignInAsync(Roles.Clinician);
        var url = $"/Visits/Edit?id={v.Id}";

        var doc = await client.GetDocumentAsync(url);
        ClinicClient.ValueOf(doc, "Input.LocationId").ShouldBe(old.ToString());
        doc.QuerySelector($"select[name='Input.LocationId'] option[value='{old}']")!.TextContent.ShouldContain("(inactive)");
        (await client.SubmitAsync(doc, url, new() { ["Input.Notes"] = "Corrected note." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Visits.AsNoTracking().SingleAsync(x => x.Id == v.Id))).LocationId.ShouldBe(old);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class VisitLocationTests_Sqlite(SqliteApp app) : VisitLocationTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class VisitLocationTests_PostgreSql(PostgreSqlApp app) : VisitLocationTests(app);
