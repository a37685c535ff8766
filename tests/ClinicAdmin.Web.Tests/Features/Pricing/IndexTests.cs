using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Pricing;

public abstract class IndexTests(ClinicApp app) : PageTest(app)
{
    private async Task SeedAsync()
    {
        CatalogData.FreezeClock(App);
        var infusion = CatalogData.Infusion(375m);
        infusion.AddHistoricalPrice(399m, CatalogData.Today.AddDays(-75), "seed", "Annual fee review", CatalogData.Noon.UtcDateTime.AddDays(-80));
        infusion.AddHistoricalPrice(425m, new DateOnly(2027, 1, 1), "seed", "New year", CatalogData.Noon.UtcDateTime.AddDays(-1));
        await App.InsertAsync(
            infusion,
            CatalogData.Item("Magnesium infusion", ServiceCategory.AddOnTherapy, "J3475", 50m),
            CatalogData.Item("Scopolamine infusion", ServiceCategory.AddOnTherapy, "J3490", 85m),
            CatalogData.Item("Ondansetron (Zofran) 4 mg", ServiceCategory.PreMedication, "J2405", 25m),
            CatalogData.Item("Spravato session, up to 56 mg", ServiceCategory.Spravato, "G2082", 290m, minutes: 120),
            CatalogData.Item("Telehealth follow-up", ServiceCategory.ConsultationEvaluation, "99214", 180m, modifiers: "GT,95"),
            CatalogData.Item("Retired consultation", ServiceCategory.ConsultationEvaluation, "99204", 300m, active: false));
    }

    [Theory]
    [InlineData(Roles.PracticeManager)]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Every_role_reads_the_catalog_grouped_by_category(string role)
    {
        await SeedAsync();
        var doc = await (await App.SignInAsync(role)).GetDocumentAsync("/Pricing/Index");

        var categories = doc.QuerySelectorAll("table.catalog-table").Select(t => t.GetAttribute("data-category")).ToList();
        categories.ShouldBe(["Infusion", "ConsultationEvaluation", "Spravato", "AddOnTherapy", "PreMedication"]);
        doc.QuerySelector("table[data-category=AddOnTherapy]")!.TextContent.ShouldContain("Scopolamine infusion");
        doc.QuerySelector("table[data-category=PreMedication]")!.TextContent.ShouldContain("Ondansetron");
        var followUp = doc.QuerySelectorAll("tr[data-service-id]").Single(r => r.TextContent.Contains("Telehealth follow-up"));
        followUp.QuerySelector(".billing-code")!.TextContent.Trim().ShouldBe("99214-GT-95");
        followUp.QuerySelector(".current-price")!.TextContent.Trim().ShouldBe("$180.00");
    }

    [Fact]
    public async Task The_catalog_shows_todays_price_and_the_pending_change()
    {
        await SeedAsync();
        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/Pricing/Index");

        var row = doc.QuerySelectorAll("tr[data-service-id]").Single(r => r.TextContent.Contains("IV ketamine infusion"));
        row.QuerySelector(".current-price")!.TextContent.Trim().ShouldBe("$399.00");
        row.QuerySelector(".pending-change")!.TextContent.Trim().ShouldBe($"$399.00 → $425.00 from {RecordText.Date(new DateOnly(2027, 1, 1))}");
    }

    [Fact]
    public async Task Inactive_services_are_hidden_unless_asked_for()
    {
        await SeedAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        (await client.GetDocumentAsync("/Pricing/Index")).Body!.TextContent.ShouldNotContain("Retired consultation");
        var inactive = await client.GetDocumentAsync("/Pricing/Index?Status=inactive");
        inactive.QuerySelectorAll("tr[data-service-id]").Select(r => r.QuerySelector(".service-name")!.TextContent).ShouldBe(["Retired consultation"]);
        (await client.GetDocumentAsync("/Pricing/Index?Status=all")).QuerySelectorAll("tr[data-service-id]").Length.ShouldBe(7);
    }

    [Fact]
    public async Task The_catalog_filters_by_category_and_searches_name_and_code()
    {
        await SeedAsync();
        var client = await App.SignInAsync(Roles.MedicalDirector);

        var addOns = await client.GetDocumentAsync("/Pricing/Index?Category=AddOnTherapy");
        addOns.QuerySelectorAll("tr[data-service-id]").Select(r => r.QuerySelector(".service-name")!.TextContent)
            .ShouldBe(["Magnesium infusion", "Scopolamine infusion"]);
        var byName = await client.GetDocumentAsync("/Pricing/Index?Q=SCOPOLAMINE");
        byName.QuerySelectorAll("tr[data-service-id]").Length.ShouldBe(1);
        var byCode = await client.GetDocumentAsync("/Pricing/Index?Q=g2082");
        byCode.QuerySelectorAll("tr[data-service-id]").Single().TextContent.ShouldContain("Spravato");
        var none = await client.GetDocumentAsync("/Pricing/Index?Q=nothing-like-this");
        none.QuerySelector("#no-services").ShouldNotBeNull();
    }

    [Fact]
    public async Task Only_the_practice_manager_is_offered_to_add_edit_and_reprice()
    {
        await SeedAsync();
        var manager = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Pricing/Index");
        manager.QuerySelector("#add-service").ShouldNotBeNull();
        manager.QuerySelectorAll("a[href^='/Pricing/SchedulePrice']").Length.ShouldBe(6);

        foreach (var role in new[] { Roles.MedicalDirector, Roles.Clinician, Roles.FrontDesk })
        {
            var doc = await (await App.SignInAsync(role)).GetDocumentAsync("/Pricing/Index");
            doc.QuerySelector("#add-service").ShouldBeNull(role);
            doc.QuerySelectorAll("a[href^='/Pricing/SchedulePrice'], a[href^='/Pricing/Edit']").Length.ShouldBe(0, role);
        }
    }

    [Fact]
    public async Task A_script_in_a_service_name_is_shown_as_text()
    {
        CatalogData.FreezeClock(App);
        await App.InsertAsync(CatalogData.Item("<script>alert('x')</script> infusion", ServiceCategory.Infusion, "96365", 399m));

        var response = await (await App.SignInAsync(Roles.FrontDesk)).GetAsync("/Pricing/Index");
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldNotContain("<script>alert");
        html.ShouldContain("&lt;script&gt;alert(");
        var doc = await ClinicClient.ReadAsync(response);
        doc.QuerySelector(".service-name")!.TextContent.ShouldBe("<script>alert('x')</script> infusion");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class IndexTests_PostgreSql(PostgreSqlApp app) : IndexTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class IndexTests_SqlServer(SqlServerApp app) : IndexTests(app);
