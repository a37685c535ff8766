using System.Globalization;
using ClinicAdmin.Browser.Tests.Infrastructure;
using ClinicAdmin.Domain.Clinic;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Pricing;

[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class SchedulePriceTests(BrowserApp app)
{
    [Fact]
    public async Task A_practice_manager_schedules_a_price_change_and_sees_it_in_the_history_and_pending_in_the_catalog()
    {
        var page = await app.SignedInPageAsync("PracticeManager");
        // The browser app is shared and not reset: a name of its own (on a shared unlisted code) avoids clashes.
        var name = $"Browser test add-on {Guid.NewGuid():N}"[..32];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);   // what the date input takes
        var shown = DateStyles.Default.Date(today.AddDays(40));                              // what the pages write

        // Add the item with its first price, from the catalog.
        await page.GotoAsync("/Pricing/Index");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add service" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Add-on therapies" });
        await page.GetByLabel("Billing code").FillAsync("J3490");
        await page.GetByLabel("Modifiers").FillAsync("JW, KX");
        await page.GetByLabel("Price (USD)").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Pricing/Details"));
        (await page.Locator("#service-name").InnerTextAsync()).ShouldBe(name);

        // A price below zero is explained, and the form keeps what was typed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule a price change" }).ClickAsync();
        await page.GetByLabel("New price (USD)").FillAsync("-5");
        await page.GetByLabel("Effective from").FillAsync(from);
        await page.GetByLabel("Reason").FillAsync("Supplier price increase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        (await page.Locator("[data-valmsg-for='Input.Amount']").InnerTextAsync()).ShouldContain("negative");
        (await page.GetByLabel("Reason").InputValueAsync()).ShouldBe("Supplier price increase");

        await page.GetByLabel("New price (USD)").FillAsync("135.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Pricing/Details"));

        (await page.Locator("[role=status]").InnerTextAsync()).ShouldContain($"$135.50 scheduled from {shown}");
        var pending = page.Locator("#price-history tr[data-state=Pending]");
        (await pending.CountAsync()).ShouldBe(1);
        var pendingText = await pending.InnerTextAsync();
        pendingText.ShouldContain(shown);
        pendingText.ShouldContain("$135.50");
        pendingText.ShouldContain("Supplier price increase");
        pendingText.ShouldContain(BrowserApp.DemoEmailOf["PracticeManager"]);
        (await page.Locator("#price-history tr[data-state=InForce]").InnerTextAsync()).ShouldContain("$120.00");

        // The catalog shows today's price and the pending change.
        await page.GotoAsync("/Pricing/Index?Category=AddOnTherapy");
        var row = page.Locator("tr[data-service-id]", new() { HasText = name });
        (await row.Locator(".current-price").InnerTextAsync()).Trim().ShouldBe("$120.00");
        (await row.Locator(".pending-change").InnerTextAsync()).Trim().ShouldBe($"$120.00 → $135.50 from {shown}");
        (await row.Locator(".billing-code").InnerTextAsync()).Trim().ShouldBe("J3490-JW-KX");

        await page.Context.CloseAsync();
    }
}
