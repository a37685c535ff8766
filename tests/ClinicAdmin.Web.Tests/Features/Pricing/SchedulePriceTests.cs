using System.Net;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Pricing;

public abstract class SchedulePriceTests(ClinicApp app) : PageTest(app)
{
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];

    private async Task<Service> InfusionAsync()
    {
        CatalogData.FreezeClock(App);
        return await CatalogData.AddAsync(App, CatalogData.Infusion(399m));
    }

    private static Dictionary<string, string?> Change(string amount = "425", string from = "2027-01-01", string reason = "Annual fee review") =>
        new() { ["Input.Amount"] = amount, ["Input.EffectiveFrom"] = from, ["Input.Reason"] = reason };

    [Fact]
    public async Task The_practice_manager_schedules_a_change_that_shows_as_pending_until_its_date()
    {
        var s = await InfusionAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync($"/Pricing/SchedulePrice?id={s.Id}", Change("$425.00"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Pricing/Details?id={s.Id}");
        var saved = await CatalogData.LoadAsync(App, s.Id);
        var price = saved.Prices.Single(p => p.Amount == 425m);
        (price.EffectiveFrom, price.SetBy, price.Reason, price.SetAt).ShouldBe((new DateOnly(2027, 1, 1), Manager, "Annual fee review", CatalogData.Noon.UtcDateTime));
        saved.PriceOn(CatalogData.Today)!.Amount.ShouldBe(399m);

        var details = await client.GetDocumentAsync($"/Pricing/Details?id={s.Id}");
        details.QuerySelector("tr[data-state=Pending]")!.TextContent.ShouldContain("$425.00");
        var catalog = await client.GetDocumentAsync("/Pricing/Index");
        catalog.QuerySelector(".pending-change")!.TextContent.Trim().ShouldBe($"$399.00 → $425.00 from {RecordText.Date(new DateOnly(2027, 1, 1))}");
        catalog.QuerySelector(".current-price")!.TextContent.Trim().ShouldBe("$399.00");
    }

    [Fact]
    public async Task A_change_from_today_is_in_force_today()
    {
        var s = await InfusionAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);

        (await client.SubmitAsync($"/Pricing/SchedulePrice?id={s.Id}", Change("410", "2026-06-15"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await CatalogData.LoadAsync(App, s.Id)).PriceOn(CatalogData.Today)!.Amount.ShouldBe(410m);
        (await client.GetDocumentAsync("/Pricing/Index")).QuerySelector(".current-price")!.TextContent.Trim().ShouldBe("$410.00");
    }

    [Fact]
    public async Task Changing_a_price_keeps_past_visits_at_their_old_price()
    {
        var s = await InfusionAsync();
        var visit = await CatalogData.AddVisitAsync(App, s, CatalogData.Today.AddDays(-3));
        var client = await App.SignInAsync(Roles.PracticeManager);

        (await client.SubmitAsync($"/Pricing/SchedulePrice?id={s.Id}", Change("450", "2026-06-15"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var line = await App.InDbAsync(db => db.ChargeLines.SingleAsync(l => l.VisitId == visit.Id));
        line.UnitPrice.ShouldBe(399m);
        line.Amount.ShouldBe(399m);
        var saved = await CatalogData.LoadAsync(App, s.Id);
        saved.PriceOn(CatalogData.Today.AddDays(-3))!.Amount.ShouldBe(399m);
        saved.PriceOn(CatalogData.Today)!.Amount.ShouldBe(450m);
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "Input.Amount", "-1", "negative", "-1" },
        { "Input.Amount", "100001", "not accepted", "100001" },
        { "Input.Amount", "12.345", "cents", "12.345" },
        { "Input.Amount", "four hundred", "amount like", "four hundred" },
        { "Input.Amount", "", "Enter the new price", "" },
        { "Input.EffectiveFrom", "2026-06-14", "past", "2026-06-14" },
        { "Input.EffectiveFrom", "", "Enter the date", "" },
        { "Input.Reason", "", "Say why", "" },
        { "Input.Reason", new string('r', 201), "maximum length of 200", new string('r', 201) },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_keeping_what_was_typed(string field, string value, string message, string shown)
    {
        var s = await InfusionAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);
        var form = Change();
        form[field] = value;

        var response = await client.SubmitAsync($"/Pricing/SchedulePrice?id={s.Id}", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, field).ShouldNotBeNull().ShouldContain(message);
        ClinicClient.ValueOf(doc, field).ShouldBe(shown);
        foreach (var (k, v) in Change().Where(kv => kv.Key != field))
            ClinicClient.ValueOf(doc, k).ShouldBe(v);
        (await CatalogData.LoadAsync(App, s.Id)).Prices.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Every_error_shows_in_one_round_the_domains_price_rules_beside_a_missing_reason()
    {
        var s = await InfusionAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync($"/Pricing/SchedulePrice?id={s.Id}", Change(amount: "-5", from: "2026-06-14", reason: ""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Amount").ShouldNotBeNull().ShouldContain("cannot be negative");
        ClinicClient.ErrorFor(doc, "Input.EffectiveFrom").ShouldNotBeNull().ShouldContain("past");
        ClinicClient.ErrorFor(doc, "Input.Reason").ShouldNotBeNull().ShouldContain("Say why");
        doc.QuerySelectorAll(".validation-summary-errors li").Length.ShouldBe(3);
        (await CatalogData.LoadAsync(App, s.Id)).Prices.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Once_a_price_day_is_past_it_cannot_be_repriced()
    {
        CatalogData.FreezeClock(App);
        var s = CatalogData.Infusion(399m);
        s.AddHistoricalPrice(425m, CatalogData.Today, "seed", null, CatalogData.Noon.UtcDateTime.AddDays(-1));
        // The clock moves on a day: the 425 price is in force since yesterday; "yesterday" itself is refused as the past.
        await App.InsertAsync(s);
        App.Clock.Set(CatalogData.Noon.AddDays(1));
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync($"/Pricing/SchedulePrice?id={s.Id}", Change("430", "2026-06-15"));

        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.EffectiveFrom").ShouldNotBeNull().ShouldContain("past");
        (await CatalogData.LoadAsync(App, s.Id)).Prices.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_second_change_on_an_already_scheduled_date_is_refused()
    {
        var s = await InfusionAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);
        await client.SubmitAsync($"/Pricing/SchedulePrice?id={s.Id}", Change("425"));

        var response = await client.SubmitAsync($"/Pricing/SchedulePrice?id={s.Id}", Change("430"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.EffectiveFrom").ShouldNotBeNull().ShouldContain("already scheduled");
        doc.QuerySelector("#already-scheduled")!.TextContent.ShouldContain($"$425.00 from {RecordText.Date(new DateOnly(2027, 1, 1))}");
        (await CatalogData.LoadAsync(App, s.Id)).Prices.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_cannot_schedule_a_price(string role)
    {
        var s = await InfusionAsync();
        var client = await App.SignInAsync(role);

        var get = await client.GetAsync($"/Pricing/SchedulePrice?id={s.Id}");
        get.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await client.PostAsync($"/Pricing/SchedulePrice?id={s.Id}", Change());
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");

        (await CatalogData.LoadAsync(App, s.Id)).Prices.Count.ShouldBe(1);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.UserName == ClinicApp.EmailOf[role]))).ShouldBe(0);
    }

    [Fact]
    public async Task Scheduling_writes_an_audit_row_for_the_new_price()
    {
        var s = await InfusionAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);

        await client.SubmitAsync($"/Pricing/SchedulePrice?id={s.Id}", Change());

        var rows = await App.InDbAsync(db => db.AuditEntries.Where(a => a.UserName == Manager).ToListAsync());
        var row = rows.ShouldHaveSingleItem();
        (row.EntityType, row.Action).ShouldBe(("ServicePrice", "Created"));
        row.After!.ShouldContain("\"Amount\":425");
        row.After!.ShouldContain("Annual fee review");
        row.After!.ShouldContain($"\"ServiceId\":{s.Id}");
    }

    [Fact]
    public async Task An_unknown_service_is_not_found()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        (await client.GetAsync("/Pricing/SchedulePrice?id=515151")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/Pricing/SchedulePrice?id=515151", Change())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class SchedulePriceTests_Sqlite(SqliteApp app) : SchedulePriceTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class SchedulePriceTests_PostgreSql(PostgreSqlApp app) : SchedulePriceTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class SchedulePriceTests_SqlServer(SqlServerApp app) : SchedulePriceTests(app);
