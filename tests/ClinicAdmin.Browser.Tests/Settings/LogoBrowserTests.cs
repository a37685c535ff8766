using ClinicAdmin.Browser.Tests.Infrastructure;
using ClinicAdmin.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Settings;

/// <summary>
/// The clinic's logo in Chromium: uploaded by the practice manager, shown in the brand area of every page at desktop,
/// tablet and phone widths (loaded, sized to the bar, no sideways scroll, no axe violation), then removed again so the
/// shared browser app keeps its usual look. Screenshots go to CLINICADMIN_SCREENSHOTS as tests/screens.sh sets it.
/// </summary>
[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class LogoBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task An_uploaded_logo_shows_in_the_brand_area_at_every_width_and_passes_axe()
    {
        var page = await app.SignedInPageAsync("PracticeManager");
        var folder = Environment.GetEnvironmentVariable("CLINICADMIN_SCREENSHOTS") is { Length: > 0 } f ? f : Path.Combine(Path.GetTempPath(), "clinicadmin-screenshots");
        Directory.CreateDirectory(folder);
        await page.GotoAsync("/Settings/Logo");
        await page.GetByLabel("Logo file").SetInputFilesAsync(new FilePayload { Name = "wide-logo.png", MimeType = "image/png", Buffer = TestImages.Png(600, 200) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the logo" }).ClickAsync();
        await page.Locator("#current-logo").WaitForAsync();
        try
        {
            // A file far over the limit, past the request size the page accepts: refused by real Kestrel, never a 500.
            var hugeStatus = await page.EvaluateAsync<int>(@"async () => {
                const form = document.getElementById('logo-form');
                const data = new FormData(form);
                data.set('LogoFile', new File([new Uint8Array(12 * 1024 * 1024)], 'huge.png', { type: 'image/png' }));
                const r = await fetch(location.href, { method: 'POST', body: data, redirect: 'manual' });
                return r.status; }");
            hugeStatus.ShouldBeInRange(400, 413); // the request is refused before the form is read (the error page says so)
            // A file over the logo limit but within the request: a sentence on the page.
            await page.GetByLabel("New logo file").SetInputFilesAsync(new FilePayload { Name = "big.png", MimeType = "image/png", Buffer = [.. TestImages.Png(32, 32), .. new byte[2 * 1024 * 1024]] });
            await page.GetByRole(AriaRole.Button, new() { Name = "Replace the logo" }).ClickAsync();
            (await page.Locator("#error-summary").InnerTextAsync()).ShouldContain("at most 512 KB");
            await page.GotoAsync("/Settings/Logo");

            var clinic = (await page.TitleAsync()).Split(" · ").Last();
            foreach (var (width, height) in new[] { (1280, 900), (768, 1024), (390, 844) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync("/");
                var logo = page.Locator("img.app-logo:visible");
                (await logo.CountAsync()).ShouldBe(1, $"one visible logo at {width}px");
                (await logo.GetAttributeAsync("alt")).ShouldBe(clinic);
                (await logo.EvaluateAsync<bool>("i => i.complete && i.naturalWidth === 600")).ShouldBeTrue($"the logo loads at {width}px");
                var box = (await logo.BoundingBoxAsync())!;
                ((double)box.Height).ShouldBeLessThanOrEqualTo(48, $"logo height at {width}px");
                ((double)box.Width).ShouldBeLessThanOrEqualTo(width / 2.0, $"logo width at {width}px");
                ((double)box.Width / box.Height).ShouldBeGreaterThan(2.5, $"the wide logo is not squeezed at {width}px");
                (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0, $"sideways scroll at {width}px");
                var axe = await page.RunAxe();
                axe.Violations.Select(v => $"{width}px {v.Id} ({v.Impact}): {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}").ShouldBeEmpty();
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"logo-home-{width}.png") });
            }
            // The sign-in page (anonymous) shows it too.
            var anonymous = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl })).NewPageAsync();
            await anonymous.GotoAsync("/Account/Login");
            (await anonymous.Locator("img.app-logo").EvaluateAsync<bool>("i => i.complete && i.naturalWidth === 600")).ShouldBeTrue();
            await anonymous.Context.CloseAsync();
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync("/Settings/Logo");
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove the logo" }).ClickAsync();
            await page.Locator("#no-logo").WaitForAsync();
        }
        await page.GotoAsync("/");
        (await page.Locator("img.app-logo").CountAsync()).ShouldBe(0);
        await page.Context.CloseAsync();
    }
}
