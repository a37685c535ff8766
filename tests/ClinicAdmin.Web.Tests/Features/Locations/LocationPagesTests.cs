using System.Net;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Locations;

public abstract class LocationPagesTests(ClinicApp app) : PageTest(app)
{
    private const string Add = "/Locations/Edit";
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];

    private static Dictionary<string, string?> NewSite(Action<Dictionary<string, string?>>? change = null)
    {
        var f = new Dictionary<string, string?>
        {
            ["Input.Code"] = "mid", ["Input.Name"] = "Lakeshore Middleton",
            ["Input.ServiceFacilityAddress.Line1"] = "7601 University Avenue", ["Input.ServiceFacilityAddress.Line2"] = "Suite 104",
            ["Input.ServiceFacilityAddress.City"] = "Middleton", ["Input.ServiceFacilityAddress.State"] = "wi", ["Input.ServiceFacilityAddress.PostalCode"] = "53562",
            ["Input.Phone"] = "(608) 555-0187", ["Input.FacilityNpi"] = "1457381923", ["Input.DefaultPlaceOfService"] = "49",
        };
        change?.Invoke(f);
        return f;
    }

    private Task<Location> LocationAsync(string code) => App.InDbAsync(db => db.Locations.AsNoTracking().SingleAsync(l => l.Code == code));

    [Fact]
    public async Task The_practice_manager_adds_a_location_normalized_and_audited()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync(Add, NewSite());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Locations");
        var l = await LocationAsync("MID");
        (l.Name, l.Phone, l.FacilityNpi, l.DefaultPlaceOfService, l.IsActive).ShouldBe(("Lakeshore Middleton", "(608) 555-0187", "1457381923", "49", true));
        l.ServiceFacilityAddress.ToString().ShouldBe("7601 University Avenue, Suite 104, Middleton, WI 53562");
        var audit = await App.InDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Location").ToListAsync());
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(a => a.Action.ShouldBe("Created"), a => a.UserName.ShouldBe(Manager), a => a.After!.ShouldContain("MID"));
    }

    [Fact]
    public async Task The_list_shows_every_location_with_its_visits_this_month()
    {
        App.Clock.Set(new DateTimeOffset(2026, 6, 15, 17, 0, 0, TimeSpan.Zero));
        var mid = await AddSiteAsync("MID", "Lakeshore Middleton");
        await AddVisitsAsync((App.MainLocationId, new DateTime(2026, 6, 2, 15, 0, 0, DateTimeKind.Utc)), (App.MainLocationId, new DateTime(2026, 6, 10, 15, 0, 0, DateTimeKind.Utc)),
            (mid, new DateTime(2026, 6, 11, 15, 0, 0, DateTimeKind.Utc)),
            (mid, new DateTime(2026, 5, 31, 15, 0, 0, DateTimeKind.Utc)),   // May
            (mid, new DateTime(2026, 6, 1, 4, 30, 0, DateTimeKind.Utc)));   // May 31 23:30 in Chicago: still May

        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/Locations");

        string Count(string code) => doc.QuerySelector($"tr[data-location='{code}'] .visits-this-month")!.TextContent.Trim();
        Count("MAIN").ShouldBe("2");
        Count("MID").ShouldBe("1");
        doc.QuerySelector("#add-location").ShouldBeNull(); // front desk reads, does not edit
        doc.QuerySelector("#locations-table")!.TextContent.ShouldContain("Lakeshore Middleton");
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Input.Code", "", "short code" },
        { "Input.Code", "M", "2 to 10" },
        { "Input.Code", "MAD MAX", "2 to 10" },
        { "Input.Code", "main", "already used" },              // the baseline's MAIN, whatever the case
        { "Input.Name", "", "location's name" },
        { "Input.Name", "test ketamine clinic springfield", "already called" },
        { "Input.ServiceFacilityAddress.Line1", "", "street address" },
        { "Input.ServiceFacilityAddress.State", "ZZ", "2-letter state code" },
        { "Input.ServiceFacilityAddress.PostalCode", "5356", "ZIP" },
        { "Input.Phone", "555-0187", "at least 10 digits" },
        { "Input.FacilityNpi", "1457381924", "check digit" },
        { "Input.FacilityNpi", "12345", "10 digits" },
        { "Input.DefaultPlaceOfService", "1", "two-digit" },
        { "Input.DefaultPlaceOfService", "", "default place of service" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_keeping_what_was_typed(string field, string value, string message)
    {
        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync(Add, NewSite(f => f[field] = value));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, field).ShouldNotBeNull().ShouldContain(message);
        ClinicClient.ValueOf(doc, field).ShouldBe(value);
        ClinicClient.ValueOf(doc, "Input.ServiceFacilityAddress.City").ShouldBe("Middleton");
        (await App.InDbAsync(db => db.Locations.CountAsync())).ShouldBe(1);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Editing_saves_and_audits_the_address_and_the_list_shows_it()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Locations/Edit?id={App.MainLocationId}";

        var response = await client.SubmitAsync(url, new() { ["Input.Name"] = "Springfield Main", ["Input.ServiceFacilityAddress.Line1"] = "9 New Street" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var l = await LocationAsync("MAIN");
        (l.Name, l.ServiceFacilityAddress.Line1).ShouldBe(("Springfield Main", "9 New Street"));
        var types = await App.InDbAsync(db => db.AuditEntries.Select(a => a.EntityType).ToListAsync());
        types.ShouldBe(["Location", "Location.ServiceFacilityAddress"], ignoreOrder: true);
        (await client.GetDocumentAsync("/Locations")).QuerySelector("tr[data-location='MAIN']")!.TextContent.ShouldContain("9 New Street");
    }

    [Fact]
    public async Task A_stale_form_is_refused_naming_what_changed_and_can_then_overwrite()
    {
        var url = $"/Locations/Edit?id={App.MainLocationId}";
        var alice = await App.SignInAsync(Roles.PracticeManager);
        var bob = await App.SignInAsync(Roles.PracticeManager);
        var alicesForm = await alice.GetDocumentAsync(url);
        var bobsForm = await bob.GetDocumentAsync(url);

        (await alice.SubmitAsync(alicesForm, url, new() { ["Input.Phone"] = "(555) 010-7777" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await bob.SubmitAsync(bobsForm, url, new() { ["Input.Name"] = "Bob's name" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(refused);
        var message = doc.QuerySelector(".validation-summary-errors")!.TextContent;
        message.ShouldContain("Another user saved changes to this location");
        message.ShouldContain("Phone: now “(555) 010-7777”");
        ClinicClient.ValueOf(doc, "Input.Name").ShouldBe("Bob's name");
        (await LocationAsync("MAIN")).Name.ShouldBe("Test Ketamine Clinic Springfield");

        (await bob.SubmitAsync(doc, url, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LocationAsync("MAIN")).Name.ShouldBe("Bob's name");
    }

    [Fact]
    public async Task The_only_active_location_cannot_be_deactivated_another_can_and_comes_back()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var mainUrl = $"/Locations/Edit?id={App.MainLocationId}";

        var refused = await client.SubmitAsync(mainUrl, new(), "#location-status-form");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("only active location");
        (await LocationAsync("MAIN")).IsActive.ShouldBeTrue();

        var mid = await AddSiteAsync("MID", "Lakeshore Middleton");
        var midUrl = $"/Locations/Edit?id={mid}";
        (await client.SubmitAsync(midUrl, new(), "#location-status-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LocationAsync("MID")).IsActive.ShouldBeFalse();
        var audit = await App.InDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Location" && a.Action == "Updated").ToListAsync());
        audit.ShouldHaveSingleItem().After!.ShouldContain("IsActive");

        var page = await client.GetDocumentAsync(midUrl);
        page.QuerySelector("#reactivate-location").ShouldNotBeNull();
        (await client.SubmitAsync(page, midUrl, new(), "#location-status-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LocationAsync("MID")).IsActive.ShouldBeTrue();
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_can_neither_open_nor_post_the_location_form(string role)
    {
        var client = await App.SignInAsync(role);
        (await client.GetAsync(Add)).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await client.PostAsync(Add, NewSite());
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var deactivate = await client.PostAsync($"/Locations/Edit?id={App.MainLocationId}&handler=Deactivate", new() { ["Input.ConcurrencyStamp"] = Guid.NewGuid().ToString() });
        deactivate.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await App.InDbAsync(db => db.Locations.CountAsync())).ShouldBe(1);
        (await LocationAsync("MAIN")).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task The_settings_page_links_to_locations_and_the_nav_lists_them()
    {
        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Settings");
        doc.QuerySelector("#locations-link a[href='/Locations']").ShouldNotBeNull();
        doc.QuerySelector("#locations-link")!.TextContent.ShouldContain("1 active location");
        doc.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ShouldContain("/Locations");
    }

    private async Task<int> AddSiteAsync(string code, string name)
    {
        var l = new Location { Code = code, Name = name, ServiceFacilityAddress = new() { Line1 = "1 Site Road", City = "Middleton", State = "WI", PostalCode = "53562" } };
        await App.InsertAsync(l);
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());
        return l.Id;
    }

    private async Task AddVisitsAsync(params (int Location, DateTime At)[] visits)
    {
        var patient = new Patient { Mrn = "MRN-LOC-1", FirstName = "Ada", LastName = "Testpatient", DateOfBirth = new DateOnly(1980, 2, 3) };
        var provider = new StaffMember { FirstName = "Nora", LastName = "Provider", Title = "NP", IsRenderingProvider = true, StartDate = new DateOnly(2024, 1, 1) };
        await App.InsertAsync(patient, provider);
        foreach (var (location, at) in visits)
            await App.InsertAsync(new Visit { PatientId = patient.Id, RenderingProviderId = provider.Id, LocationId = location, StartedAt = at, Route = Route.IV });
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class LocationPagesTests_Sqlite(SqliteApp app) : LocationPagesTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class LocationPagesTests_PostgreSql(PostgreSqlApp app) : LocationPagesTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class LocationPagesTests_SqlServer(SqlServerApp app) : LocationPagesTests(app);
