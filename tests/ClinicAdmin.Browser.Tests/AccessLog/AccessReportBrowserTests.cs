using System.Text.RegularExpressions;
using ClinicAdmin.Browser.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.AccessLog;

/// <summary>
/// The medical director opens a patient, then "Accesses to this patient" from the patient page: the visit just made is
/// listed, the page has no axe violations, and it is photographed at desktop, tablet and phone widths
/// (into CLINICADMIN_SCREENSHOTS when set).
/// </summary>
[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class AccessReportBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task The_director_reads_who_opened_a_patient_and_the_report_passes_axe()
    {
        var page = await app.SignedInPageAsync("MedicalDirector");
        await page.GotoAsync("/Patients/Index");
        await page.Locator("#patients tbody tr td:first-child a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Patients/Details"));
        await page.Locator("#patient-accesses").ClickAsync();
        await page.WaitForURLAsync(new Regex("/AccessLog/Patient"));

        var first = page.Locator("#accesses tbody tr").First;
        (await first.Locator(".access-user").InnerTextAsync()).ShouldBe(BrowserApp.DemoEmailOf["MedicalDirector"]);
        (await first.Locator(".access-page").InnerTextAsync()).ShouldBe("Patient record");

        // The whole page, the shared header included (its "Sign out" button once failed color-contrast at 3.56:1).
        var axe = await page.RunAxe();
        axe.Violations.Select(v => $"{v.Id}: {v.Help}: {string.Join(" ; ", v.Nodes.Select(n => n.Html + " " + string.Join(",", n.Any.Select(c => c.Message))))}").ShouldBeEmpty();

        var folder = Environment.GetEnvironmentVariable("CLINICADMIN_SCREENSHOTS") is { Length: > 0 } f ? f : Path.Combine(Path.GetTempPath(), "clinicadmin-screenshots");
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, 768, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var axeAtWidth = await page.RunAxe();
            axeAtWidth.Violations.Select(v => $"{width}px {v.Id}: {v.Help}").ShouldBeEmpty();
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"access-report-{width}.png"), FullPage = true });
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_director_reads_what_one_staff_member_accessed_and_the_page_passes_axe()
    {
        var page = await app.SignedInPageAsync("MedicalDirector");
        await page.GotoAsync("/Patients/Index");
        await page.Locator("#patients tbody tr td:first-child a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Patients/Details"));

        await page.GotoAsync("/AccessLog/Index");
        (await page.RunAxe()).Violations.Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await page.GetByLabel("Account").SelectOptionAsync(new SelectOptionValue { Label = BrowserApp.DemoEmailOf["MedicalDirector"] });
        await page.Locator("#show-person").ClickAsync();
        await page.WaitForURLAsync(new Regex("/AccessLog/Person"));
        (await page.Locator("#accesses tbody tr .access-page").AllInnerTextsAsync()).ShouldContain("Patient record");

        var folder = Environment.GetEnvironmentVariable("CLINICADMIN_SCREENSHOTS") is { Length: > 0 } f ? f : Path.Combine(Path.GetTempPath(), "clinicadmin-screenshots");
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, 768, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            (await page.RunAxe()).Violations.Select(v => $"{width}px {v.Id}: {v.Help}").ShouldBeEmpty();
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"access-person-{width}.png"), FullPage = true });
        }
        await page.Context.CloseAsync();
    }
}
