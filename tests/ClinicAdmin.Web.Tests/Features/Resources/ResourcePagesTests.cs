using System.Net;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Scheduling;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Resources;

public abstract class ResourcePagesTests(ClinicApp app) : PageTest(app)
{
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 17, 0, 0, TimeSpan.Zero);

    private string AddUrl(int? locationId = null) => $"/Resources/Edit?locationId={locationId ?? App.MainLocationId}";

    private Task<List<Resource>> ResourcesAsync() => App.InDbAsync(db => db.Resources.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    private async Task<Resource> AddResourceAsync(string name, int? locationId = null, ResourceKind kind = ResourceKind.InfusionChair, int capacity = 1)
    {
        var r = new Resource { LocationId = locationId ?? App.MainLocationId, Name = name, Kind = kind, Capacity = capacity };
        r.SetTakes(Resource.UsualTakes(kind));
        await App.InsertAsync(r);
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());
        return r;
    }

    private async Task<int> AddSiteAsync(string code, string name)
    {
        var l = new Location { Code = code, Name = name, ServiceFacilityAddress = new() { Line1 = "1 Site Road", City = "Middleton", State = "WI", PostalCode = "53562" } };
        await App.InsertAsync(l);
        return l.Id;
    }

    /// <summary>An appointment holding the chair's first place at <paramref name="startUtc"/> (cancelled ones free it).</summary>
    private async Task<Appointment> BookAsync(Resource chair, DateTime startUtc, bool cancelled = false)
    {
        var patient = new Patient { Mrn = $"MRN-RES-{Guid.NewGuid():N}"[..16], FirstName = "Ada", LastName = "Testpatient", DateOfBirth = new DateOnly(1980, 2, 3) };
        var provider = new StaffMember { FirstName = "Nora", LastName = "Provider", Title = "NP", IsRenderingProvider = true, StartDate = new DateOnly(2024, 1, 1) };
        var service = new Service { Name = $"IV ketamine infusion {Guid.NewGuid():N}"[..30], Category = ServiceCategory.Infusion, BillingCode = "96365", DefaultDurationMinutes = 50 };
        await App.InsertAsync(patient, provider, service);
        var a = new Appointment
        {
            PatientId = patient.Id, ServiceId = service.Id, ProviderId = provider.Id, LocationId = chair.LocationId, ResourceId = chair.Id, Place = 1,
            StartUtc = startUtc, EndUtc = startUtc.AddMinutes(90), BookedBy = "Test Front desk", BookedAt = Now.UtcDateTime.AddDays(-10),
        };
        if (cancelled) a.Cancel("Patient unwell", "Test Front desk", Now.UtcDateTime.AddDays(-1));
        await App.InsertAsync(a);
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());
        return a;
    }

    [Fact]
    public async Task The_practice_manager_adds_a_chair_normalized_and_audited()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var form = await client.GetDocumentAsync(AddUrl());
        // A new chair starts with what an infusion chair usually takes.
        form.QuerySelectorAll("input[name='Input.Takes'][checked]").Select(e => e.GetAttribute("value")).ShouldBe(["Infusion", "Intramuscular"], ignoreOrder: true);
        form.QuerySelector("input[name='Input.Takes'][value='AddOnTherapy']").ShouldBeNull();
        form.QuerySelector("input[name='Input.Name']")!.GetAttribute("maxlength").ShouldBe(ResourceRules.MaxNameLength.ToString());

        var response = await client.SubmitAsync(form, AddUrl(), new() { ["Input.Name"] = "  Chair   3 ", ["Input.Capacity"] = "1" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Resources");
        var r = (await ResourcesAsync()).ShouldHaveSingleItem();
        (r.LocationId, r.Name, r.Kind, r.Capacity, r.Takes, r.IsActive).ShouldBe((App.MainLocationId, "Chair 3", ResourceKind.InfusionChair, 1, "Infusion,Intramuscular", true));
        var audit = await App.InDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Resource").ToListAsync());
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(a => a.Action.ShouldBe("Created"), a => a.UserName.ShouldBe(Manager), a => a.After!.ShouldContain("Chair 3"));

        var list = await client.GetDocumentAsync("/Resources");
        var row = list.QuerySelector($"tr[data-resource='{r.Id}']")!;
        row.QuerySelector(".resource-kind")!.TextContent.Trim().ShouldBe(Vocabulary.Label(ResourceKind.InfusionChair));
        row.QuerySelector(".resource-takes")!.TextContent.Trim().ShouldBe($"{Vocabulary.Label(ServiceCategory.Infusion)}, {Vocabulary.Label(ServiceCategory.Intramuscular)}");
        row.QuerySelector($"a[href='/Resources/Edit?id={r.Id}']").ShouldNotBeNull();
        list.QuerySelector("a[href='/Audit?EntityType=Resource']").ShouldNotBeNull();

        // The audit trail names it in the page's words, with its location (chair names repeat across sites).
        var trail = await client.GetDocumentAsync("/Audit/Index?EntityType=Resource");
        var entry = trail.QuerySelectorAll("#audit-entries > tbody > tr").ShouldHaveSingleItem();
        entry.QuerySelector(".audit-record a")!.TextContent.ShouldBe("Chair or room Chair 3 at MAIN");
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_nothing_is_stored_and_what_was_typed_stays()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync(AddUrl(), new()
        {
            ["Input.Name"] = "   ", ["Input.Capacity"] = "0", ["Input.Kind"] = "SpravatoRoom", ["Input.Takes"] = null,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Name").ShouldNotBeNull().ShouldContain("Name the chair or room");
        ClinicClient.ErrorFor(doc, "Input.Capacity").ShouldNotBeNull().ShouldContain("1 to 12");
        ClinicClient.ErrorFor(doc, "Input.Takes").ShouldNotBeNull().ShouldContain("at least one");
        ClinicClient.ValueOf(doc, "Input.Capacity").ShouldBe("0");
        ClinicClient.ValueOf(doc, "Input.Kind").ShouldBe("SpravatoRoom");
        ClinicClient.ValueOf(doc, "Input.LocationId").ShouldBe(App.MainLocationId.ToString());
        doc.QuerySelectorAll("input[name='Input.Takes'][checked]").ShouldBeEmpty();
        (await ResourcesAsync()).ShouldBeEmpty();
        (await App.InDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Input.Capacity", "-3", "1 to 12" },
        { "Input.Capacity", "13", "1 to 12" },
        { "Input.Capacity", "many", "1 to 12" },
        { "Input.Name", new string('x', 5000), "at most 60" },
        { "Input.Name", "<script>alert(1)</script>", "cannot contain" },
        { "Input.Kind", "<script>", "Choose whether" },
        { "Input.Kind", "7", "Choose whether" },
        { "Input.Takes", "AddOnTherapy", "ride on a visit" },
        { "Input.Takes", "<script>", "only the kinds" },
        { "Input.LocationId", "999999", "active locations" },
        { "Input.LocationId", "", "Choose the location" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_never_an_error_page_or_a_row(string field, string value, string message)
    {
        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync(AddUrl(), new() { ["Input.Name"] = "Chair 1", [field] = value });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, field).ShouldNotBeNull().ShouldContain(message);
        if (field is "Input.Name" or "Input.Capacity") ClinicClient.ValueOf(doc, field).ShouldBe(value);
        (await ResourcesAsync()).ShouldBeEmpty();
        (await App.InDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_name_is_unique_within_its_location_whatever_the_case_but_another_location_may_use_it()
    {
        await AddResourceAsync("Chair 3");
        var mid = await AddSiteAsync("MID", "Lakeshore Middleton");
        var client = await App.SignInAsync(Roles.PracticeManager);

        var refused = await client.SubmitAsync(AddUrl(), new() { ["Input.Name"] = "chair 3" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(refused);
        ClinicClient.ErrorFor(doc, "Input.Name").ShouldNotBeNull().ShouldContain("already has a chair or room called chair 3");
        ClinicClient.ValueOf(doc, "Input.Name").ShouldBe("chair 3");
        (await ResourcesAsync()).Count.ShouldBe(1);

        (await client.SubmitAsync(AddUrl(mid), new() { ["Input.Name"] = "Chair 3" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ResourcesAsync()).Select(r => (r.LocationId, r.Name)).ShouldBe([(App.MainLocationId, "Chair 3"), (mid, "Chair 3")]);
    }

    [Fact]
    public async Task Editing_saves_keeps_the_location_and_refuses_another_ones_name()
    {
        var chair = await AddResourceAsync("Chair 1");
        await AddResourceAsync("Chair 2");
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Resources/Edit?id={chair.Id}";

        var clash = await client.SubmitAsync(url, new() { ["Input.Name"] = "CHAIR 2" });
        clash.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(clash), "Input.Name").ShouldNotBeNull().ShouldContain("already has");

        var saved = await client.SubmitAsync(url, new()
        {
            ["Input.Name"] = "Spravato room A", ["Input.Kind"] = "SpravatoRoom", ["Input.Capacity"] = "3", ["Input.Takes"] = "Spravato", ["Input.LocationId"] = "999",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var r = (await ResourcesAsync()).First(x => x.Id == chair.Id);
        (r.LocationId, r.Name, r.Kind, r.Capacity, r.Takes).ShouldBe((App.MainLocationId, "Spravato room A", ResourceKind.SpravatoRoom, 3, "Spravato"));
        var audit = await App.InDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Resource").ToListAsync());
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(a => a.Action.ShouldBe("Updated"), a => a.UserName.ShouldBe(Manager));
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_nothing_is_overwritten()
    {
        var chair = await AddResourceAsync("Chair 1");
        var url = $"/Resources/Edit?id={chair.Id}";
        var alice = await App.SignInAsync(Roles.PracticeManager);
        var bob = await App.SignInAsync(Roles.PracticeManager);
        var alicesForm = await alice.GetDocumentAsync(url);
        var bobsForm = await bob.GetDocumentAsync(url);

        (await alice.SubmitAsync(alicesForm, url, new() { ["Input.Capacity"] = "2" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await bob.SubmitAsync(bobsForm, url, new() { ["Input.Name"] = "Bob's chair" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(refused);
        doc.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Someone else saved this chair or room");
        ClinicClient.ValueOf(doc, "Input.Name").ShouldBe("Bob's chair");
        var r = (await ResourcesAsync()).Single();
        (r.Name, r.Capacity).ShouldBe(("Chair 1", 2));
    }

    [Fact]
    public async Task The_front_desk_sees_the_list_but_cannot_open_or_post_the_form()
    {
        var chair = await AddResourceAsync("Chair 1");
        var mid = await AddSiteAsync("MID", "Lakeshore Middleton");
        var desk = await App.SignInAsync(Roles.FrontDesk);

        var list = await desk.GetDocumentAsync("/Resources");
        list.QuerySelector($"tr[data-resource='{chair.Id}'] .resource-name")!.TextContent.ShouldContain("Chair 1");
        list.QuerySelector(".add-resource").ShouldBeNull();
        list.QuerySelector("a[href^='/Resources/Edit']").ShouldBeNull();
        list.QuerySelector("a[href='/Audit?EntityType=Resource']").ShouldBeNull();
        var empty = list.QuerySelector($"#no-resources-{mid}.empty-state")!;   // the new site has none: no dead-end button for the desk
        empty.QuerySelector(".empty-state-text")!.TextContent.ShouldBe("No chairs or rooms yet.");
        empty.QuerySelector("a").ShouldBeNull();

        (await desk.GetAsync(AddUrl())).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await desk.GetAsync($"/Resources/Edit?id={chair.Id}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await desk.PostAsync(AddUrl(), new() { ["Input.Name"] = "Desk chair", ["Input.Kind"] = "InfusionChair", ["Input.Capacity"] = "1", ["Input.Takes"] = "Infusion" });
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var deactivate = await desk.PostAsync($"/Resources/Edit?id={chair.Id}&handler=Deactivate", new() { ["Input.ConcurrencyStamp"] = chair.ConcurrencyStamp.ToString() });
        deactivate.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await ResourcesAsync()).ShouldHaveSingleItem().IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task The_manager_is_offered_the_first_chair_of_an_empty_location()
    {
        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Resources");
        var empty = doc.QuerySelector($"#no-resources-{App.MainLocationId}.empty-state")!;
        empty.QuerySelector(".empty-state-text")!.TextContent.ShouldBe("No chairs or rooms yet.");
        empty.QuerySelector("a.empty-state-action")!.GetAttribute("href").ShouldBe($"/Resources/Edit?locationId={App.MainLocationId}");
        doc.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ShouldContain("/Resources");
    }

    [Fact]
    public async Task Wrong_ids_are_not_found()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        (await client.GetAsync("/Resources/Edit?id=999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Resources/Edit?locationId=999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/Resources/Edit?id=999999", new() { ["Input.Name"] = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/Resources/Edit?id=999999&handler=Deactivate", new() { ["Input.ConcurrencyStamp"] = Guid.NewGuid().ToString() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_chair_with_upcoming_appointments_cannot_be_deactivated_one_without_can_and_comes_back()
    {
        App.Clock.Set(Now);
        var busy = await AddResourceAsync("Chair 1");
        var free = await AddResourceAsync("Chair 2");
        await BookAsync(busy, Now.UtcDateTime.AddDays(1));
        await BookAsync(busy, Now.UtcDateTime.AddDays(2).AddHours(3));
        await BookAsync(free, Now.UtcDateTime.AddDays(-3));                  // past
        await BookAsync(free, Now.UtcDateTime.AddDays(3), cancelled: true);  // cancelled: holds no time
        var client = await App.SignInAsync(Roles.PracticeManager);

        var list = await client.GetDocumentAsync("/Resources");
        list.QuerySelector($"tr[data-resource='{busy.Id}'] .resource-upcoming")!.TextContent.Trim().ShouldBe("2");
        list.QuerySelector($"tr[data-resource='{free.Id}'] .resource-upcoming")!.TextContent.Trim().ShouldBe("0");

        var refused = await client.SubmitAsync($"/Resources/Edit?id={busy.Id}", new(), "#resource-status-form");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("holds 2 upcoming appointments");
        (await ResourcesAsync()).First(r => r.Id == busy.Id).IsActive.ShouldBeTrue();

        var freeUrl = $"/Resources/Edit?id={free.Id}";
        (await client.SubmitAsync(freeUrl, new(), "#resource-status-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ResourcesAsync()).First(r => r.Id == free.Id).IsActive.ShouldBeFalse();
        var audit = await App.InDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Resource" && a.Action == "Updated").ToListAsync());
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(a => a.After!.ShouldContain("IsActive"), a => a.UserName.ShouldBe(Manager));
        (await client.GetDocumentAsync("/Resources")).QuerySelector($"tr[data-resource='{free.Id}'] .badge")!.TextContent.ShouldBe("inactive");

        var page = await client.GetDocumentAsync(freeUrl);
        page.QuerySelector("#reactivate-resource").ShouldNotBeNull();
        (await client.SubmitAsync(page, freeUrl, new(), "#resource-status-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ResourcesAsync()).First(r => r.Id == free.Id).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_room_cannot_shrink_below_a_place_an_upcoming_appointment_holds()
    {
        App.Clock.Set(Now);
        var room = await AddResourceAsync("Spravato room", kind: ResourceKind.SpravatoRoom, capacity: 3);
        var a = await BookAsync(room, Now.UtcDateTime.AddDays(1));
        await App.InDbAsync(db => db.Appointments.Where(x => x.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Place, 3)));
        var client = await App.SignInAsync(Roles.PracticeManager);

        var refused = await client.SubmitAsync($"/Resources/Edit?id={room.Id}", new() { ["Input.Capacity"] = "2" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(refused), "Input.Capacity").ShouldNotBeNull().ShouldContain("1 upcoming appointment holds a place above 2");
        (await ResourcesAsync()).Single().Capacity.ShouldBe(3);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class ResourcePagesTests_Sqlite(SqliteApp app) : ResourcePagesTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class ResourcePagesTests_PostgreSql(PostgreSqlApp app) : ResourcePagesTests(app);
