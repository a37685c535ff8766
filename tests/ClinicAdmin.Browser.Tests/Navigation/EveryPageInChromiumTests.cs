using ClinicAdmin.Browser.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ClinicAdmin.Browser.Tests.Navigation;

/// <summary>
/// Every page a role can reach, found by following the links it is shown (from its home page outwards), checked in
/// Chromium: no serious or critical axe violation at desktop and phone widths, and no page-level sideways scroll at
/// 390 px (wide tables scroll inside their own box). One URL per page path; a page found by no role is not checked here
/// (EveryPageTests in the web tests opens every page for every role).
/// </summary>
[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class EveryPageInChromiumTests(BrowserApp app, ITestOutputHelper output)
{
    // Links that are not pages to check: files, exports, and the sign-out form's target.
    // axe at desktop width once per page path across the roles (a page's layout differs little by role, and this keeps
    // the suite's run time down); the phone-width pass runs for every role.
    private static readonly HashSet<string> DesktopChecked = new(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] NotPages = ["/Documents/Download", "/Superbills/Download", "/Account/Logout", "handler=Csv", "handler=Download", "handler=Export", "format=csv"];

    [Theory]
    [InlineData("PracticeManager")]
    [InlineData("MedicalDirector")]
    [InlineData("Clinician")]
    [InlineData("FrontDesk")]
    public async Task Every_page_a_role_reaches_passes_axe_and_fits_a_phone(string role)
    {
        var page = await app.SignedInPageAsync(role);
        page.Context.SetDefaultTimeout(30_000);
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "/" };
        var queue = new Queue<string>(["/"]);
        var checkedPages = 0;
        var violationsBySeverity = new Dictionary<string, int>();

        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            await page.SetViewportSizeAsync(1280, 900);
            var response = await page.GotoAsync(url);
            if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html"))) continue;
            if (response.Status >= 400) { failures.Add($"{url}: HTTP {response.Status}"); continue; }
            checkedPages++;

            foreach (var href in await page.Locator("a[href]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
            {
                if (href is null || !href.StartsWith('/') || href.StartsWith("//") || NotPages.Any(href.Contains)) continue;
                var path = href.Split('?', '#')[0].TrimEnd('/');
                if (path.Length == 0) path = "/";
                if (seen.Add(path)) queue.Enqueue(href);
            }

            var pathOnly = url.Split('?', '#')[0];
            bool firstAtDesktop;
            lock (DesktopChecked) firstAtDesktop = DesktopChecked.Add(pathOnly);
            if (firstAtDesktop) Record(url, "1280px", await page.RunAxe(), failures, violationsBySeverity);
            await page.SetViewportSizeAsync(390, 844);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0) failures.Add($"{url} at 390px: the page scrolls sideways by {overflow}px");
            Record(url, "390px", await page.RunAxe(), failures, violationsBySeverity);
        }

        output.WriteLine($"{role}: {checkedPages} pages checked; serious/critical violations: {string.Join(", ", violationsBySeverity.Select(kv => $"{kv.Key} {kv.Value}"))}");
        foreach (var f in failures) output.WriteLine(f);
        checkedPages.ShouldBeGreaterThan(5, $"{role} reached too few pages for the check to mean anything");
        failures.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    private static void Record(string url, string width, AxeResult result, List<string> failures, Dictionary<string, int> counts)
    {
        foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            counts[v.Impact] = counts.GetValueOrDefault(v.Impact) + v.Nodes.Length;
            failures.Add($"{url} at {width}: {v.Impact} {v.Id} ({v.Nodes.Length}): {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
        }
    }
}
