using System.Text.RegularExpressions;
using ClinicAdmin.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Reports;

[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class OutcomeReportsTests(BrowserApp app)
{
    [Fact]
    public async Task The_medical_director_sees_the_dashboard_and_downloads_last_months_workbook()
    {
        var page = await app.SignedInPageAsync("MedicalDirector");
        await page.GetByRole(AriaRole.Link, new() { Name = "Outcomes" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Outcomes/Dashboard"));
        (await page.Locator("#summary tr[data-figure=sessions] td").Nth(1).InnerTextAsync()).Trim().ShouldNotBe("0", "the demo clinic had sessions last month");
        (await page.Locator("#summary tr[data-figure=response]").InnerTextAsync()).ShouldContain("%");
        (await page.Locator("svg#chart-rates polyline").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("svg#chart-incidents circle").CountAsync()).ShouldBeGreaterThan(0);
        var month = await page.GetByLabel("Month", new() { Exact = true }).InputValueAsync();

        await page.GotoAsync("/Outcomes/Index");
        await page.GetByLabel("Month", new() { Exact = true }).FillAsync(month);
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate workbook" }).ClickAsync();
        // The page stays where it was asked, and its progress box turns into a link when the workbook is made.
        await page.WaitForURLAsync(new Regex("job="));
        var download = page.Locator("#job-box #job-result");
        await download.WaitForAsync(new() { Timeout = 90_000 });
        var href = await download.GetAttributeAsync("href");
        href.ShouldNotBeNull();
        var response = await page.Context.APIRequest.GetAsync(href!);
        response.Status.ShouldBe(200);
        var bytes = await response.BodyAsync();
        bytes.Take(2).ShouldBe("PK"u8.ToArray());

        // The reports page lists the month with its version.
        await page.GotoAsync("/Outcomes/Index");
        (await page.Locator($"#workbooks tr[data-month='{month}']").CountAsync()).ShouldBeGreaterThan(0);
        await page.Context.CloseAsync();
    }
}
