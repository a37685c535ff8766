using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Pricing;

public abstract class DetailsTests(ClinicApp app) : PageTest(app)
{
    /// <summary>375 (opening) → 399 (75 days ago) → 425 (scheduled) and a cancelled 450.</summary>
    private async Task<int> SeedAsync()
    {
        CatalogData.FreezeClock(App);
        var s = CatalogData.Infusion(375m);
        s.AddHistoricalPrice(399m, CatalogData.Today.AddDays(-75), "pm@test.clinic", "Annual fee review", CatalogData.Noon.UtcDateTime.AddDays(-80));
        s.SetPrice(425m, new DateOnly(2027, 1, 1), CatalogData.Today, "pm@test.clinic", "New year", CatalogData.Noon.UtcDateTime.AddHours(-2));
        s.SetPrice(450m, new DateOnly(2026, 9, 1), CatalogData.Today, "pm@test.clinic", "Typo", CatalogData.Noon.UtcDateTime.AddHours(-1));
        await App.InsertAsync(s);
        var cancelled = s.Prices.Single(p => p.Amount == 450m);
        await App.InDbAsync(async db =>
        {
            var svc = await db.Services.Include(x => x.Prices).SingleAsync(x => x.Id == s.Id);
            svc.CancelPrice(cancelled.Id, CatalogData.Today, "md-helper@test.clinic", CatalogData.Noon.UtcDateTime.AddMinutes(-30));
            await db.SaveChangesAsync();
        });
        return s.Id;
    }

    [Theory]
    [InlineData(Roles.PracticeManager)]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Every_role_reads_the_full_price_history_with_the_price_in_force_marked(string role)
    {
        var id = await SeedAsync();
        var doc = await (await App.SignInAsync(role)).GetDocumentAsync($"/Pricing/Details?id={id}");

        var rows = doc.QuerySelectorAll("#price-history tbody tr").ToList();
        rows.Select(r => r.GetAttribute("data-state")).ShouldBe(["Pending", "Cancelled", "InForce", "Past"]);
        var inForce = rows[2];
        inForce.TextContent.ShouldContain("$399.00");
        inForce.TextContent.ShouldContain(RecordText.Date(CatalogData.Today.AddDays(-75)));
        inForce.TextContent.ShouldContain("Annual fee review");
        inForce.TextContent.ShouldContain("pm@test.clinic");
        inForce.TextContent.ShouldContain("In force today");
        rows[0].TextContent.ShouldContain(RecordText.Date(new DateOnly(2027, 1, 1)));
        rows[0].TextContent.ShouldContain("$425.00");
        rows[1].TextContent.ShouldContain("md-helper@test.clinic");
        // Set at 11:30 UTC-5 on the frozen day: shown in clinic time.
        rows[1].TextContent.ShouldContain(RecordText.DateTime(new DateTime(2026, 6, 15, 11, 30, 0)));
    }

    [Fact]
    public async Task Only_a_pending_change_offers_cancelling_and_only_to_the_practice_manager()
    {
        var id = await SeedAsync();

        var manager = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync($"/Pricing/Details?id={id}");
        manager.QuerySelectorAll("a[href^='/Pricing/CancelPrice']").Length.ShouldBe(1);
        manager.QuerySelector("tr[data-state=Pending] a[href^='/Pricing/CancelPrice']").ShouldNotBeNull();

        var director = await (await App.SignInAsync(Roles.MedicalDirector)).GetDocumentAsync($"/Pricing/Details?id={id}");
        director.QuerySelectorAll("a[href^='/Pricing/CancelPrice'], #schedule-price").Length.ShouldBe(0);
    }

    [Fact]
    public async Task The_details_page_has_no_handler_that_changes_a_price()
    {
        var page = (await PageCatalog.AllAsync(App.Services)).Single(p => p.Route == "/Pricing/Details");
        page.Handlers.ShouldAllBe(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase));
        var anyDelete = (await PageCatalog.AllAsync(App.Services)).Where(p => p.Route.StartsWith("/Pricing/"))
            .SelectMany(p => p.Handlers).Where(h => h.Name != null && h.Name.Contains("Delete", StringComparison.OrdinalIgnoreCase));
        anyDelete.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_service_is_not_found()
    {
        var response = await (await App.SignInAsync(Roles.FrontDesk)).GetAsync("/Pricing/Details?id=987654");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class DetailsTests_Sqlite(SqliteApp app) : DetailsTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class DetailsTests_PostgreSql(PostgreSqlApp app) : DetailsTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class DetailsTests_SqlServer(SqlServerApp app) : DetailsTests(app);
