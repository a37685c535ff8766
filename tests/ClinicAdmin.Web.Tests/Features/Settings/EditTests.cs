using System.Net;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Settings;

public abstract class EditTests(ClinicApp app) : PageTest(app)
{
    private const string Url = "/Settings/Edit";
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];

    private Task<ClinicSettings> SettingsAsync() => App.InDbAsync(db => db.ClinicSettings.AsNoTracking().SingleAsync());

    private static Dictionary<string, string?> Complete() => new()
    {
        ["Input.Name"] = "Lakeside Ketamine Center",
        ["Input.BillingAddress.Line1"] = "2150 Harbor View Drive", ["Input.BillingAddress.Line2"] = "Suite 310",
        ["Input.BillingAddress.City"] = "Madison", ["Input.BillingAddress.State"] = "wi", ["Input.BillingAddress.PostalCode"] = "53703",
        ["Input.Phone"] = "(608) 555-0142", ["Input.TaxId"] = "394817265", ["Input.GroupNpi"] = "1245319599",
        ["Input.TimeZoneId"] = "America/Denver",
        ["Input.SuperbillFooter"] = "Self-pay: keep this statement for your insurer.", ["Input.ShowPatientNamesInReports"] = "true",
    };

    [Fact]
    public async Task The_practice_manager_saves_every_setting_normalized()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync(Url, Complete());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Settings");
        var s = await SettingsAsync();
        s.Name.ShouldBe("Lakeside Ketamine Center");
        s.BillingAddress.ToString().ShouldBe("2150 Harbor View Drive, Suite 310, Madison, WI 53703");
        s.Phone.ShouldBe("(608) 555-0142");
        s.TaxId.ShouldBe("39-4817265");
        s.GroupNpi.ShouldBe("1245319599");
        s.TimeZoneId.ShouldBe("America/Denver");
        s.SuperbillFooter.ShouldBe("Self-pay: keep this statement for your insurer.");
        s.ShowPatientNamesInReports.ShouldBeTrue();
    }

    [Fact]
    public async Task The_facility_is_no_longer_a_setting_the_form_links_to_locations_and_leaves_them_alone()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var html = await (await client.GetAsync(Url)).Content.ReadAsStringAsync();
        html.ShouldNotContain("Input.ServiceFacilityAddress");
        html.ShouldNotContain("Input.DefaultPlaceOfService");
        html.ShouldContain("href=\"/Locations\"");
        var before = await App.InDbAsync(db => db.Locations.AsNoTracking().SingleAsync());

        var form = Complete();
        form["Input.ServiceFacilityAddress.Line1"] = "9 Elsewhere Road"; // an old form's field: not bound to anything
        (await client.SubmitAsync(Url, form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await App.InDbAsync(db => db.Locations.AsNoTracking().SingleAsync());
        after.ServiceFacilityAddress.ToString().ShouldBe(before.ServiceFacilityAddress.ToString());
        after.ConcurrencyStamp.ShouldBe(before.ConcurrencyStamp);
    }

    [Fact]
    public async Task Saving_writes_audit_rows_with_before_and_after_values()
    {
        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync(Url, Complete());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var rows = await App.InDbAsync(db => db.AuditEntries.ToListAsync());
        rows.ShouldAllBe(r => r.UserName == Manager && r.Action == "Updated");
        var main = rows.Single(r => r.EntityType == "ClinicSettings");
        main.Before!.ShouldContain("Test Ketamine Clinic");
        main.After!.ShouldContain("Lakeside Ketamine Center");
        main.After!.ShouldNotContain("ConcurrencyStamp");
        rows.Single(r => r.EntityType == "ClinicSettings.BillingAddress").After!.ShouldContain("Harbor View");
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Input.Name", "", "Enter the practice name" },
        { "Input.Name", new string('x', 201), "maximum length of 200" },
        { "Input.TaxId", "12-345678", "NN-NNNNNNN" },
        { "Input.TaxId", "AB-3456789", "NN-NNNNNNN" },
        { "Input.GroupNpi", "1234567890", "check digit" },
        { "Input.GroupNpi", "12345", "10 digits" },
        { "Input.TimeZoneId", "Mars/Olympus_Mons", "Unknown time zone" },
        { "Input.TimeZoneId", "", "Choose the clinic's time zone" },
        { "Input.Phone", "555-0142", "at least 10 digits" },
        { "Input.Phone", "call me", "digits" },
        { "Input.BillingAddress.State", "ZZ", "2-letter state code" },
        { "Input.BillingAddress.PostalCode", "5370", "ZIP" },
        { "Input.BillingAddress.City", "", "Enter the city" },
        { "Input.BillingAddress.PostalCode", "", "Enter the ZIP code" },
        { "Input.SuperbillFooter", new string('f', 4001), "maximum length of 4000" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_keeping_what_was_typed(string field, string value, string message)
    {
        var before = await SettingsAsync();
        var form = Complete();
        form[field] = value;

        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync(Url, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, field).ShouldNotBeNull().ShouldContain(message);
        if (field != "Input.TimeZoneId") ClinicClient.ValueOf(doc, field).ShouldBe(value); // a select can only show its options
        ClinicClient.ValueOf(doc, "Input.SuperbillFooter").ShouldBe(form["Input.SuperbillFooter"]);
        ClinicClient.ValueOf(doc, "Input.BillingAddress.Line1").ShouldBe("2150 Harbor View Drive");
        var after = await SettingsAsync();
        (after.Name, after.TaxId, after.GroupNpi, after.TimeZoneId, after.ConcurrencyStamp).ShouldBe((before.Name, before.TaxId, before.GroupNpi, before.TimeZoneId, before.ConcurrencyStamp));
        (await App.InDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_script_in_the_practice_name_is_stored_as_typed_and_shown_escaped()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var form = Complete();
        form["Input.Name"] = "<script>alert(1)</script> Clinic";

        (await client.SubmitAsync(Url, form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await SettingsAsync()).Name.ShouldBe("<script>alert(1)</script> Clinic");
        var html = await (await client.GetAsync("/Settings/Index")).Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert(1)");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; Clinic");
    }

    [Fact]
    public async Task The_time_zone_list_offers_US_zones()
    {
        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync(Url);
        var zones = doc.QuerySelectorAll("select[name='Input.TimeZoneId'] option").Select(o => o.GetAttribute("value")).ToList();
        zones.ShouldContain("America/New_York");
        zones.ShouldContain("America/Chicago");
        zones.ShouldContain("America/Los_Angeles");
        zones.ShouldContain("Pacific/Honolulu");
        ClinicClient.ValueOf(doc, "Input.TimeZoneId").ShouldBe("America/Chicago");
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_can_neither_open_nor_post_the_settings_form(string role)
    {
        var before = await SettingsAsync();
        var client = await App.SignInAsync(role);

        (await client.GetAsync(Url)).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var form = Complete();
        form["Input.ConcurrencyStamp"] = before.ConcurrencyStamp.ToString();
        var post = await client.PostAsync(Url, form);
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");

        (await SettingsAsync()).Name.ShouldBe(before.Name);
    }

    [Fact]
    public async Task A_second_save_of_a_stale_form_is_refused_with_what_changed_and_can_then_overwrite()
    {
        var alice = await App.SignInAsync(Roles.PracticeManager);
        var bob = await App.SignInAsync(Roles.PracticeManager);
        var alicesForm = await alice.GetDocumentAsync(Url);
        var bobsForm = await bob.GetDocumentAsync(Url);

        (await alice.SubmitAsync(alicesForm, Url, new() { ["Input.Name"] = "Alice's name" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await bob.SubmitAsync(bobsForm, Url, new() { ["Input.Name"] = "Bob's name", ["Input.Phone"] = "(555) 010-9999" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(refused);
        var message = doc.QuerySelector(".validation-summary-errors")!.TextContent;
        message.ShouldContain("Another user saved changes to the clinic settings");
        message.ShouldContain("Practice name: now “Alice's name” (you typed “Bob's name”)");
        message.ShouldContain("Phone: now “(555) 010-2000” (you typed “(555) 010-9999”)");
        ClinicClient.ValueOf(doc, "Input.Name").ShouldBe("Bob's name");
        (await SettingsAsync()).Name.ShouldBe("Alice's name");

        (await bob.SubmitAsync(doc, Url, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await SettingsAsync();
        (saved.Name, saved.Phone).ShouldBe(("Bob's name", "(555) 010-9999"));
    }

    [Fact]
    public async Task A_change_to_the_address_alone_also_makes_a_stale_form_refused()
    {
        var alice = await App.SignInAsync(Roles.PracticeManager);
        var bob = await App.SignInAsync(Roles.PracticeManager);
        var alicesForm = await alice.GetDocumentAsync(Url);
        var bobsForm = await bob.GetDocumentAsync(Url);

        (await alice.SubmitAsync(alicesForm, Url, new() { ["Input.BillingAddress.Line1"] = "77 New Street" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await bob.SubmitAsync(bobsForm, Url, new() { ["Input.BillingAddress.City"] = "Chicago" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Billing address: now “77 New Street");
        (await SettingsAsync()).BillingAddress.ToString().ShouldBe("77 New Street, Springfield, IL 62701");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EditTests_PostgreSql(PostgreSqlApp app) : EditTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class EditTests_SqlServer(SqlServerApp app) : EditTests(app);
