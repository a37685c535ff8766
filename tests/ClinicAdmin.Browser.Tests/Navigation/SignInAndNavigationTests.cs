using ClinicAdmin.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Navigation;

[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class SignInAndNavigationTests(BrowserApp app)
{
    // Written out by hand (not computed from NavMenu) so the test is an independent statement of who sees what.
    public static TheoryData<string, string[]> NavigationOf => new()
    {
        { "PracticeManager", ["Home", "Staff", "Services & prices", "Locations", "Chairs & rooms", "Clinic settings", "Users", "Audit trail", "Access log", "Jobs"] },
        { "MedicalDirector", ["Home", "Schedule", "Patients", "Incidents", "Month-end superbills", "Outcomes", "Reports", "Staff", "Services & prices", "Locations", "Chairs & rooms", "Audit trail", "Access log", "Jobs"] },
        { "Clinician", ["Home", "Schedule", "Patients", "Incidents", "Month-end superbills", "Staff", "Services & prices", "Locations", "Chairs & rooms", "Jobs"] },
        { "FrontDesk", ["Home", "Schedule", "Patients", "Month-end superbills", "Staff", "Services & prices", "Locations", "Chairs & rooms", "Jobs"] },
    };

    [Theory]
    [MemberData(nameof(NavigationOf))]
    public async Task Each_role_signs_in_and_sees_only_its_navigation(string role, string[] expected)
    {
        var page = await app.SignedInPageAsync(role);
        var items = await page.Locator("#main-nav [data-nav]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-nav'))");
        items.ShouldBe(expected);
        (await page.Locator("#signed-in-as").InnerTextAsync()).ShouldContain(BrowserApp.DemoEmailOf[role]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_the_sign_in_page_and_a_wrong_password_is_explained()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Staff/Index");
        page.Url.ShouldContain("/Account/Login");
        await page.GetByLabel("Email").FillAsync("manager@demo.clinic");
        await page.GetByLabel("Password").FillAsync("wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        (await page.Locator(".validation-summary-errors").InnerTextAsync()).ShouldContain("Email or password is wrong");
        (await page.GetByLabel("Email").InputValueAsync()).ShouldBe("manager@demo.clinic");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_app_prints_the_demo_sign_ins_at_start()
    {
        app.AppOutput.ShouldContain("manager@demo.clinic");
        app.AppOutput.ShouldContain(BrowserApp.DemoPassword);
        await Task.CompletedTask;
    }
}
