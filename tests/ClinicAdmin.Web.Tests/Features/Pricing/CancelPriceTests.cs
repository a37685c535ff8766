using System.Net;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Pricing;

public abstract class CancelPriceTests(ClinicApp app) : PageTest(app)
{
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];

    /// <summary>375 (opening, superseded) → 399 (in force since 75 days) → 425 scheduled for 1 January.</summary>
    private async Task<(Service Service, int Past, int InForce, int Pending)> SeedAsync()
    {
        CatalogData.FreezeClock(App);
        var s = CatalogData.Infusion(375m);
        s.AddHistoricalPrice(399m, CatalogData.Today.AddDays(-75), "seed", null, CatalogData.Noon.UtcDateTime.AddDays(-80));
        s.SetPrice(425m, new DateOnly(2027, 1, 1), CatalogData.Today, Manager, "New year", CatalogData.Noon.UtcDateTime.AddHours(-1));
        await App.InsertAsync(s);
        return (s, s.Prices.Single(p => p.Amount == 375m).Id, s.Prices.Single(p => p.Amount == 399m).Id, s.Prices.Single(p => p.Amount == 425m).Id);
    }

    private Task<ServicePrice> PriceAsync(int id) => App.InDbAsync(db => db.ServicePrices.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task The_practice_manager_cancels_a_change_that_has_not_taken_effect()
    {
        var (s, _, _, pending) = await SeedAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Pricing/CancelPrice?id={s.Id}&priceId={pending}";
        (await client.GetDocumentAsync(url)).QuerySelector("#change")!.TextContent.ShouldBe($"$399.00 → $425.00 from {RecordText.Date(new DateOnly(2027, 1, 1))}");

        var response = await client.SubmitAsync(url, new());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Pricing/Details?id={s.Id}");
        var price = await PriceAsync(pending);
        price.CancelledBy.ShouldBe(Manager);
        price.CancelledAt.ShouldBe(CatalogData.Noon.UtcDateTime);
        var details = await client.GetDocumentAsync($"/Pricing/Details?id={s.Id}");
        details.QuerySelector($"tr[data-price-id='{pending}']")!.GetAttribute("data-state").ShouldBe("Cancelled");
        (await client.GetDocumentAsync("/Pricing/Index")).QuerySelector(".pending-change")!.TextContent.Trim().ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_writes_an_audit_row_with_who_and_when()
    {
        var (s, _, _, pending) = await SeedAsync();
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());

        await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync($"/Pricing/CancelPrice?id={s.Id}&priceId={pending}", new());

        var row = (await App.InDbAsync(db => db.AuditEntries.ToListAsync())).ShouldHaveSingleItem();
        (row.EntityType, row.EntityId, row.Action, row.UserName).ShouldBe(("ServicePrice", pending.ToString(), "Updated", Manager));
        row.After!.ShouldContain("CancelledBy");
    }

    [Fact]
    public async Task Posting_a_cancel_for_the_price_in_force_is_refused_and_changes_nothing()
    {
        var (s, _, inForce, _) = await SeedAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);
        var get = await client.GetDocumentAsync($"/Pricing/CancelPrice?id={s.Id}&priceId={inForce}");
        get.QuerySelector("#confirm-cancel").ShouldBeNull();
        get.QuerySelector("#not-cancellable")!.TextContent.ShouldContain("history");

        var response = await client.PostAsync($"/Pricing/CancelPrice?id={s.Id}&priceId={inForce}", new());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("history and cannot be cancelled");
        (await PriceAsync(inForce)).CancelledAt.ShouldBeNull();
        (await CatalogData.LoadAsync(App, s.Id)).PriceOn(CatalogData.Today)!.Amount.ShouldBe(399m);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.UserName == Manager))).ShouldBe(0);
    }

    [Fact]
    public async Task Posting_a_cancel_for_a_past_price_is_refused_and_changes_nothing()
    {
        var (s, past, _, _) = await SeedAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.PostAsync($"/Pricing/CancelPrice?id={s.Id}&priceId={past}", new());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("cannot be cancelled");
        (await PriceAsync(past)).CancelledAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_scheduled_change_can_no_longer_be_cancelled_once_its_date_has_come()
    {
        var (s, _, _, pending) = await SeedAsync();
        App.Clock.Set(new DateTimeOffset(2027, 1, 1, 15, 0, 0, TimeSpan.Zero)); // 09:00 in Chicago on the day it starts
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.PostAsync($"/Pricing/CancelPrice?id={s.Id}&priceId={pending}", new());

        (await ClinicClient.ReadAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("history");
        (await PriceAsync(pending)).CancelledAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_change_cannot_be_cancelled_twice()
    {
        var (s, _, _, pending) = await SeedAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);
        await client.PostAsync($"/Pricing/CancelPrice?id={s.Id}&priceId={pending}", new());
        App.Clock.Set(CatalogData.Noon.AddMinutes(5));

        var response = await client.PostAsync($"/Pricing/CancelPrice?id={s.Id}&priceId={pending}", new());

        (await ClinicClient.ReadAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("already cancelled");
        (await PriceAsync(pending)).CancelledAt.ShouldBe(CatalogData.Noon.UtcDateTime);
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_cannot_cancel_a_change(string role)
    {
        var (s, _, _, pending) = await SeedAsync();
        var client = await App.SignInAsync(role);

        (await client.GetAsync($"/Pricing/CancelPrice?id={s.Id}&priceId={pending}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await client.PostAsync($"/Pricing/CancelPrice?id={s.Id}&priceId={pending}", new());
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");

        (await PriceAsync(pending)).CancelledAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_price_of_another_service_is_not_found()
    {
        var (_, _, _, pending) = await SeedAsync();
        var other = await CatalogData.AddAsync(App, CatalogData.Item("Magnesium infusion", ServiceCategory.AddOnTherapy, "J3475", 50m));
        var client = await App.SignInAsync(Roles.PracticeManager);

        (await client.PostAsync($"/Pricing/CancelPrice?id={other.Id}&priceId={pending}", new())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PriceAsync(pending)).CancelledAt.ShouldBeNull();
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class CancelPriceTests_Sqlite(SqliteApp app) : CancelPriceTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class CancelPriceTests_PostgreSql(PostgreSqlApp app) : CancelPriceTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class CancelPriceTests_SqlServer(SqlServerApp app) : CancelPriceTests(app);
