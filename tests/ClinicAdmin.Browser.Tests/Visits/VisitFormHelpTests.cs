using ClinicAdmin.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ClinicAdmin.Browser.Tests.Visits;

/// <summary>The visit form's clinical help in a real browser: vitals warned with value and limit, the total at the visit's date.</summary>
[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class VisitFormHelpTests(BrowserApp app)
{
    private static DateOnly ClinicToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "America/Chicago"));

    [Fact]
    public async Task Changing_the_date_reprices_the_total_and_168_over_104_at_40_minutes_is_warned_with_the_limit()
    {
        var page = await app.SignedInPageAsync("Clinician");
        await page.GotoAsync("/Patients/Index?q=MRN-100214");
        await page.Locator("#patients tbody a").First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Patients/Details"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Record visit" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Visits/Edit"));

        // Only the mood infusion ticked: the demo clinic charges $399 today, $375 before its fee review 75 days ago.
        var boxes = page.Locator("#service-lines input[type=checkbox], #addon-lines input[type=checkbox]");
        for (var i = 0; i < await boxes.CountAsync(); i++) await boxes.Nth(i).UncheckAsync();
        await page.GetByLabel("IV ketamine infusion (mood disorders)", new() { Exact = true }).CheckAsync();
        var total = page.Locator("#visit-total");
        await Expect(total).ToHaveTextAsync("$399.00");

        var backdated = ClinicToday().AddDays(-80);
        await page.GetByLabel("Arrival (clinic time)").FillAsync($"{backdated:yyyy-MM-dd}T10:00");
        await Expect(total).ToHaveTextAsync("$375.00");
        var infusionRow = page.Locator("#service-lines tr", new() { Has = page.GetByLabel("IV ketamine infusion (mood disorders)", new() { Exact = true }) });
        await Expect(infusionRow.Locator("[data-price-for]")).ToHaveTextAsync("$375.00");

        await page.GetByLabel("Systolic at 40 minutes").FillAsync("168");
        await page.GetByLabel("Diastolic at 40 minutes").FillAsync("104");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check warnings" }).ClickAsync();

        await Expect(page.Locator("#visit-warnings")).ToContainTextAsync("Blood pressure 168/104 at 40 min is at or above the limit 160/100.");
        await Expect(page.Locator("#visit-total")).ToHaveTextAsync("$375.00");   // rendered by the server at the visit's date
        (await page.GetByLabel("Systolic at 40 minutes").InputValueAsync()).ShouldBe("168");
        await page.Context.CloseAsync();
    }
}
