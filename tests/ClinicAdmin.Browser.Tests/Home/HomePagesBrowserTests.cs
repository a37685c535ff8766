using ClinicAdmin.Browser.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Home;

/// <summary>
/// Each role's home page in Chromium at desktop, tablet and phone widths: its work queues, no axe violation at all, the
/// menu folded away on small screens so the day's work is on the first screen, and a screenshot of each (set
/// CLINICADMIN_SCREENSHOTS, as tests/screens.sh does, to keep them).
/// </summary>
[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class HomePagesBrowserTests(BrowserApp app)
{
    [Theory]
    [InlineData("PracticeManager", "licences")]
    [InlineData("MedicalDirector", "incidents")]
    [InlineData("Clinician", "today")]
    [InlineData("FrontDesk", "balances")]
    public async Task Each_home_page_shows_its_queues_passes_axe_and_fits_every_width(string role, string firstQueue)
    {
        var page = await app.SignedInPageAsync(role);
        var folder = Environment.GetEnvironmentVariable("CLINICADMIN_SCREENSHOTS") is { Length: > 0 } f ? f : Path.Combine(Path.GetTempPath(), "clinicadmin-screenshots");
        Directory.CreateDirectory(folder);
        await page.GotoAsync("/");
        (await page.Locator($"[data-queue='{firstQueue}']").CountAsync()).ShouldBe(1);
        (await page.TitleAsync()).ShouldContain("Home · "); // the clinic's name follows, from its settings

        foreach (var (width, height) in new[] { (1280, 900), (768, 1024), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            var axe = await page.RunAxe();
            axe.Violations.Select(v => $"{width}px {v.Id} ({v.Impact}): {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}").ShouldBeEmpty();
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0, $"sideways scroll at {width}px");
            // The work starts near the top of the screen: the menu is a sidebar or folded behind one button.
            var headingTop = await page.EvaluateAsync<double>("() => document.querySelector('main h1').getBoundingClientRect().top");
            headingTop.ShouldBeLessThan(120, $"the page heading starts {headingTop}px down at {width}px");
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"home-{role}-{width}.png"), FullPage = true });
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_from_one_button_and_a_skip_link_leads_to_the_content()
    {
        var page = await app.SignedInPageAsync("Clinician");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/");
        (await page.Locator("#main-nav").IsVisibleAsync()).ShouldBeFalse();
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await page.Locator("#main-nav [data-nav='Patients']").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.Locator("#main-nav [data-nav='Patients']").ClickAsync();
        await page.WaitForURLAsync("**/Patients**");
        // The current section is marked for assistive technology.
        (await page.Locator("#main-nav [aria-current='page']").GetAttributeAsync("data-nav")).ShouldBe("Patients");

        await page.GotoAsync("/"); // the patient list puts the cursor in its search box; home has no autofocus
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()")).ShouldBe("Skip to main content");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main");
        await page.Context.CloseAsync();
    }
}
