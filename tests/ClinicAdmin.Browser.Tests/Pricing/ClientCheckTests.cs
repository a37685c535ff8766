using ClinicAdmin.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Pricing;

/// <summary>
/// Forms that help (issue 14): the simple rules of a form are checked in the browser and every problem is listed at
/// once, in the server's summary markup, before any post; fixing a field clears its message as the person types.
/// </summary>
[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class ClientCheckTests(BrowserApp app)
{
    [Fact]
    public async Task The_add_service_form_lists_both_missing_fields_at_once_without_a_post_then_saves_once_fixed()
    {
        var page = await app.SignedInPageAsync("PracticeManager");
        var posts = 0;
        page.Request += (_, r) => { if (r.Method == "POST") posts++; };
        await page.GotoAsync("/Pricing/Edit");
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Add-on therapies" });
        await page.GetByLabel("Price (USD)").FillAsync("120");

        // Two simple errors: no name, no billing code.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var summary = page.Locator("#error-summary");
        await summary.WaitForAsync();
        (await summary.Locator("li").AllInnerTextsAsync()).ShouldBe(["Enter the service's name.", "Enter the CPT or HCPCS code."]);
        (await summary.Locator("p").InnerTextAsync()).ShouldBe("Please correct these 2 problems:");
        (await summary.GetAttributeAsync("class"))!.ShouldContain("error-summary");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("error-summary");
        posts.ShouldBe(0);
        var name = page.Locator("#Input_Name");
        (await name.GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await name.GetAttributeAsync("class"))!.ShouldContain("is-invalid");
        var describedBy = (await name.GetAttributeAsync("aria-describedby"))!.Split(' ');
        (await page.Locator($"#{describedBy[0]}").InnerTextAsync()).ShouldBe("Enter the service's name.");

        // A summary link puts the cursor in its field; typing a name clears that field's error and its summary line.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter the CPT or HCPCS code." }).ClickAsync();
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("Input_BillingCode");
        await name.FillAsync($"Client check {Guid.NewGuid():N}"[..28]);
        (await name.GetAttributeAsync("aria-invalid")).ShouldBeNull();
        (await summary.Locator("li").AllInnerTextsAsync()).ShouldBe(["Enter the CPT or HCPCS code."]);
        (await summary.Locator("p").InnerTextAsync()).ShouldBe("Please correct this problem:");
        posts.ShouldBe(0);

        await page.GetByLabel("Billing code").FillAsync("J3490");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Pricing/Details"));
        posts.ShouldBe(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_rule_only_the_server_knows_still_comes_back_in_the_same_summary()
    {
        var page = await app.SignedInPageAsync("PracticeManager");
        await page.GotoAsync("/Pricing/Edit");
        await page.GetByLabel("Name").FillAsync($"Server check {Guid.NewGuid():N}"[..28]);
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Add-on therapies" });
        await page.GetByLabel("Billing code").FillAsync("J3490");
        await page.GetByLabel("Price (USD)").FillAsync("-5"); // simple to type, a domain rule to refuse

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForLoadStateAsync();

        (await page.Locator("#error-summary").InnerTextAsync()).ShouldContain("negative");
        page.Url.ShouldContain("/Pricing/Edit");
        await page.Context.CloseAsync();
    }
}
