using System.Net;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Pricing;

public abstract class EditTests(ClinicApp app) : PageTest(app)
{
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];

    private static Dictionary<string, string?> NewService(Action<Dictionary<string, string?>>? change = null)
    {
        var form = new Dictionary<string, string?>
        {
            ["Input.Name"] = "NAD+ infusion", ["Input.Category"] = "AddOnTherapy", ["Input.BillingCode"] = "j3590", ["Input.Modifiers"] = "",
            ["Input.DefaultUnits"] = "1", ["Input.DefaultDurationMinutes"] = "120", ["Input.Description"] = "Slow IV drip.",
            ["Input.InitialPrice"] = "250", ["Input.InitialPriceFrom"] = "2026-06-15", ["Input.InitialPriceReason"] = "Opening price",
        };
        change?.Invoke(form);
        return form;
    }

    private Task<int> CountServicesAsync() => App.InDbAsync(db => db.Services.CountAsync());

    [Fact]
    public async Task The_practice_manager_adds_a_service_with_its_first_price()
    {
        CatalogData.FreezeClock(App);
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync("/Pricing/Edit", NewService());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var s = await App.InDbAsync(db => db.Services.Include(x => x.Prices).SingleAsync());
        response.Headers.Location!.ToString().ShouldBe($"/Pricing/Details?id={s.Id}");
        s.Name.ShouldBe("NAD+ infusion");
        s.Category.ShouldBe(ServiceCategory.AddOnTherapy);
        s.BillingCode.ShouldBe("J3590");
        s.Modifiers.ShouldBeNull();
        s.DefaultDurationMinutes.ShouldBe(120);
        var price = s.Prices.ShouldHaveSingleItem();
        price.Amount.ShouldBe(250m);
        price.EffectiveFrom.ShouldBe(CatalogData.Today);
        price.SetBy.ShouldBe(Manager);
        price.Reason.ShouldBe("Opening price");
        (await client.GetDocumentAsync("/Pricing/Index")).QuerySelector("tr[data-service-id] .current-price")!.TextContent.Trim().ShouldBe("$250.00");
    }

    [Fact]
    public async Task Adding_a_service_writes_audit_rows_for_the_service_and_its_price()
    {
        CatalogData.FreezeClock(App);
        await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/Pricing/Edit", NewService());

        var rows = await App.InDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).ToListAsync());
        rows.Select(r => (r.EntityType, r.Action, r.UserName)).ShouldBe([("Service", "Created", Manager), ("ServicePrice", "Created", Manager)], ignoreOrder: true);
        rows.Single(r => r.EntityType == "ServicePrice").After!.ShouldContain("250");
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_can_neither_open_nor_post_the_form(string role)
    {
        CatalogData.FreezeClock(App);
        var existing = await CatalogData.AddAsync(App, CatalogData.Infusion());
        var client = await App.SignInAsync(role);

        foreach (var url in new[] { "/Pricing/Edit", $"/Pricing/Edit?id={existing.Id}" })
        {
            var get = await client.GetAsync(url);
            get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            get.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
        var create = await client.PostAsync("/Pricing/Edit", NewService());
        create.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var edit = await client.PostAsync($"/Pricing/Edit?id={existing.Id}", NewService(f => f["Input.ConcurrencyStamp"] = existing.ConcurrencyStamp.ToString()));
        edit.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");

        (await CountServicesAsync()).ShouldBe(1);
        (await CatalogData.LoadAsync(App, existing.Id)).Name.ShouldBe(existing.Name);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Input.Name", "", "Enter the service's name" },
        { "Input.Name", new string('N', 201), "maximum length of 200" },
        { "Input.BillingCode", "9636", "CPT code" },
        { "Input.BillingCode", "ABCDE", "HCPCS" },
        { "Input.Modifiers", "GTX", "not a modifier" },
        { "Input.Modifiers", "25,59,GT,95,JW", "At most 4" },
        { "Input.DefaultUnits", "0", "more than 0" },
        { "Input.DefaultUnits", "101", "more than 100" },
        { "Input.DefaultUnits", "many", "not valid" },
        { "Input.DefaultDurationMinutes", "0", "between 1 and 600" },
        { "Input.DefaultDurationMinutes", "601", "between 1 and 600" },
        { "Input.InitialPrice", "-1", "negative" },
        { "Input.InitialPrice", "100001", "not accepted" },
        { "Input.InitialPrice", "12.345", "cents" },
        { "Input.InitialPrice", "twelve", "amount like" },
        { "Input.InitialPrice", "", "Enter the price" },
        { "Input.InitialPriceFrom", "2026-06-14", "past" },
        { "Input.InitialPriceFrom", "", "date the price starts" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_keeping_what_was_typed(string field, string value, string message)
    {
        CatalogData.FreezeClock(App);
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync("/Pricing/Edit", NewService(f => f[field] = value));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, field).ShouldNotBeNull().ShouldContain(message);
        ClinicClient.ValueOf(doc, field).ShouldBe(value);
        ClinicClient.ValueOf(doc, "Input.Name").ShouldBe(field == "Input.Name" ? value : "NAD+ infusion");
        ClinicClient.ValueOf(doc, "Input.Description").ShouldBe("Slow IV drip.");
        ClinicClient.ValueOf(doc, "Input.Category").ShouldBe("AddOnTherapy");
        (await CountServicesAsync()).ShouldBe(0);
        (await App.InDbAsync(db => db.ServicePrices.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Every_broken_rule_is_reported_at_once()
    {
        CatalogData.FreezeClock(App);
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync("/Pricing/Edit", NewService(f => { f["Input.Category"] = ""; f["Input.BillingCode"] = "X1"; f["Input.InitialPrice"] = "12.345"; }));

        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Category").ShouldNotBeNull();
        ClinicClient.ErrorFor(doc, "Input.BillingCode").ShouldNotBeNull();
        ClinicClient.ErrorFor(doc, "Input.InitialPrice").ShouldNotBeNull().ShouldContain("cents");
        (await CountServicesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_second_service_with_the_same_code_and_modifiers_is_refused()
    {
        CatalogData.FreezeClock(App);
        await App.InsertAsync(CatalogData.Item("Telehealth follow-up", ServiceCategory.ConsultationEvaluation, "99214", 180m, modifiers: "GT,95"));
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync("/Pricing/Edit", NewService(f => { f["Input.BillingCode"] = "99214"; f["Input.Modifiers"] = "95, gt"; f["Input.Name"] = "Video visit"; }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.BillingCode").ShouldNotBeNull().ShouldContain("Telehealth follow-up");
        ClinicClient.ValueOf(doc, "Input.Modifiers").ShouldBe("95, gt");
        (await CountServicesAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_code_with_other_modifiers_is_a_different_service()
    {
        CatalogData.FreezeClock(App);
        await App.InsertAsync(CatalogData.Item("Follow-up visit", ServiceCategory.ConsultationEvaluation, "99214", 180m));
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync("/Pricing/Edit", NewService(f => { f["Input.BillingCode"] = "99214"; f["Input.Modifiers"] = "gt,95"; f["Input.Name"] = "Video visit"; }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Services.SingleAsync(s => s.Name == "Video visit"))).Modifiers.ShouldBe("GT,95");
    }

    [Theory]
    [InlineData("J3490")]
    [InlineData("J3590")]
    [InlineData("J8499")]
    [InlineData("99199")]
    public async Task Add_ons_may_share_an_unlisted_code(string code)
    {
        CatalogData.FreezeClock(App);
        await App.InsertAsync(CatalogData.Item("Scopolamine infusion", ServiceCategory.AddOnTherapy, code, 85m));
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync("/Pricing/Edit", NewService(f => { f["Input.BillingCode"] = code; f["Input.Name"] = "IV vitamins"; }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Services.CountAsync(s => s.BillingCode == code))).ShouldBe(2);
    }

    [Fact]
    public async Task A_second_item_with_the_same_name_is_refused_even_on_a_shared_code()
    {
        CatalogData.FreezeClock(App);
        await App.InsertAsync(CatalogData.Item("Scopolamine infusion", ServiceCategory.AddOnTherapy, "J3490", 85m));
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync("/Pricing/Edit", NewService(f => { f["Input.BillingCode"] = "J3490"; f["Input.Name"] = "scopolamine infusion"; }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.Name").ShouldNotBeNull().ShouldContain("already called");
        (await CountServicesAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_script_in_the_name_is_stored_as_typed_and_shown_escaped()
    {
        CatalogData.FreezeClock(App);
        var client = await App.SignInAsync(Roles.PracticeManager);
        const string name = "<script>alert(1)</script> Booster";

        var response = await client.SubmitAsync("/Pricing/Edit", NewService(f => f["Input.Name"] = name));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Services.SingleAsync())).Name.ShouldBe(name);
        var html = await (await client.GetAsync(response.Headers.Location!.ToString())).Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert(1)");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; Booster");
    }

    [Fact]
    public async Task Editing_a_service_saves_its_fields_and_audits_before_and_after()
    {
        CatalogData.FreezeClock(App);
        var s = await CatalogData.AddAsync(App, CatalogData.Infusion());
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());
        var client = await App.SignInAsync(Roles.PracticeManager);

        var doc = await client.GetDocumentAsync($"/Pricing/Edit?id={s.Id}");
        ClinicClient.ValueOf(doc, "Input.Name").ShouldBe(s.Name);
        doc.QuerySelector("[name='Input.InitialPrice']").ShouldBeNull(); // prices are not edited here
        var response = await client.SubmitAsync(doc, $"/Pricing/Edit?id={s.Id}", new() { ["Input.Name"] = "IV ketamine infusion", ["Input.IsActive"] = "false" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await CatalogData.LoadAsync(App, s.Id);
        saved.Name.ShouldBe("IV ketamine infusion");
        saved.IsActive.ShouldBeFalse();
        saved.Prices.ShouldHaveSingleItem().Amount.ShouldBe(399m);
        var audit = (await App.InDbAsync(db => db.AuditEntries.ToListAsync())).ShouldHaveSingleItem();
        (audit.EntityType, audit.EntityId, audit.Action, audit.UserName).ShouldBe(("Service", s.Id.ToString(), "Updated", Manager));
        audit.Before!.ShouldContain("IV ketamine infusion (mood disorders)");
        audit.After!.ShouldContain("\"IsActive\":false");
    }

    [Fact]
    public async Task A_second_save_of_a_stale_form_is_refused_with_what_changed_and_can_then_overwrite()
    {
        CatalogData.FreezeClock(App);
        var s = await CatalogData.AddAsync(App, CatalogData.Infusion());
        var alice = await App.SignInAsync(Roles.PracticeManager);
        var bob = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Pricing/Edit?id={s.Id}";
        var alicesForm = await alice.GetDocumentAsync(url);
        var bobsForm = await bob.GetDocumentAsync(url);

        (await alice.SubmitAsync(alicesForm, url, new() { ["Input.Name"] = "Ketamine infusion, Alice" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await bob.SubmitAsync(bobsForm, url, new() { ["Input.Name"] = "Ketamine infusion, Bob", ["Input.DefaultDurationMinutes"] = "55" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(refused);
        var message = doc.QuerySelector(".validation-summary-errors")!.TextContent;
        message.ShouldContain("Another user saved changes to this service");
        message.ShouldContain("Name: now “Ketamine infusion, Alice” (you typed “Ketamine infusion, Bob”)");
        ClinicClient.ValueOf(doc, "Input.Name").ShouldBe("Ketamine infusion, Bob");
        ClinicClient.ValueOf(doc, "Input.DefaultDurationMinutes").ShouldBe("55");
        (await CatalogData.LoadAsync(App, s.Id)).Name.ShouldBe("Ketamine infusion, Alice");

        // Having seen the difference, Bob saves again on purpose.
        (await bob.SubmitAsync(doc, url, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await CatalogData.LoadAsync(App, s.Id);
        saved.Name.ShouldBe("Ketamine infusion, Bob");
        saved.DefaultDurationMinutes.ShouldBe(55);
    }

    [Fact]
    public async Task An_unknown_service_is_not_found()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        (await client.GetAsync("/Pricing/Edit?id=424242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EditTests_PostgreSql(PostgreSqlApp app) : EditTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class EditTests_SqlServer(SqlServerApp app) : EditTests(app);
