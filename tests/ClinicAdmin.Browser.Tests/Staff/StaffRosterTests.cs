using System.Text.RegularExpressions;
using ClinicAdmin.Browser.Tests.Infrastructure;
using ClinicAdmin.Domain.Clinic;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Staff;

[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class StaffRosterTests(BrowserApp app)
{
    [Fact]
    public async Task A_practice_manager_sets_a_persons_weekly_hours_and_sees_the_week_grid_change()
    {
        var page = await app.SignedInPageAsync("PracticeManager");
        var last = "Integration" + Guid.NewGuid().ToString("N")[..6]; // the demo app is shared by all browser tests

        // A new therapist on the roster (no NPI needed: not a rendering provider).
        await page.GotoAsync("/Staff/Index");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add staff member" }).ClickAsync();
        await page.GetByLabel("First name").FillAsync("Noor");
        await page.GetByLabel("Last name").FillAsync(last);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Therapist");
        await page.GetByRole(AriaRole.Button, new() { Name = "LCSW", Exact = true }).ClickAsync(); // a credential suggestion
        (await page.GetByLabel("Credentials").InputValueAsync()).ShouldBe("LCSW");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to roster" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Staff/Details\?id=\d+"));
        var id = new Uri(page.Url).Query.Split('=')[1];

        // Before: on the week grid with no hours.
        await page.GotoAsync("/Staff/Week");
        var row = page.Locator($"#week-grid tr[data-staff-id='{id}']");
        (await row.Locator("td[data-day='Monday']").InnerTextAsync()).Trim().ShouldBeEmpty();

        // Mon/Wed/Fri 09:00–21:00 with the quick fill, and a morning slot on Tuesday by hand.
        await page.GotoAsync($"/Staff/Details?id={id}");
        await page.Locator("#staff-actions").GetByRole(AriaRole.Link, new() { Name = "Availability" }).ClickAsync();
        foreach (var day in new[] { "Mon", "Wed", "Fri" }) await page.GetByLabel(day, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("From").FillAsync("09:00");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("21:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to these days" }).ClickAsync();
        await page.GetByLabel("Tuesday start").FillAsync("08:00");
        await page.GetByLabel("Tuesday end").FillAsync("12:00");
        await page.Locator("[data-add-slot='2']").ClickAsync(); // a second Tuesday slot
        await page.Locator("[data-day-slots='2'] [data-slot-row]").Last.Locator(".slot-start").FillAsync("13:00");
        await page.Locator("[data-day-slots='2'] [data-slot-row]").Last.Locator(".slot-end").FillAsync("17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Staff/Details\?id=" + id + "$"));
        (await page.Locator(".alert-success").InnerTextAsync()).ShouldContain("Saved the weekly availability");

        // After: the grid shows the hours.
        await page.GotoAsync("/Staff/Week");
        row = page.Locator($"#week-grid tr[data-staff-id='{id}']");
        foreach (var day in new[] { "Monday", "Wednesday", "Friday" })
            (await row.Locator($"td[data-day='{day}']").InnerTextAsync()).Trim().ShouldBe(Slot(new TimeOnly(9, 0), new TimeOnly(21, 0)));
        (await row.Locator("td[data-day='Tuesday'] div").AllInnerTextsAsync()).ShouldBe([Slot(new TimeOnly(8, 0), new TimeOnly(12, 0)), Slot(new TimeOnly(13, 0), new TimeOnly(17, 0))]);
        (await row.Locator("td[data-day='Thursday']").InnerTextAsync()).Trim().ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_overlapping_slot_is_refused_in_the_browser_with_the_entries_kept()
    {
        var page = await app.SignedInPageAsync("PracticeManager");
        await page.GotoAsync("/Staff/Index?q=okafor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Okafor, Jenna" }).ClickAsync();
        var id = new Uri(page.Url).Query.Split('=')[1];
        await page.GotoAsync($"/Staff/Availability?id={id}");
        await page.Locator("[data-add-slot='6']").ClickAsync(); // Saturday
        await page.Locator("[data-add-slot='6']").ClickAsync();
        var rows = page.Locator("[data-day-slots='6'] [data-slot-row]:not(.d-none)");
        await rows.Nth(0).Locator(".slot-start").FillAsync("09:00");
        await rows.Nth(0).Locator(".slot-end").FillAsync("13:00");
        await rows.Nth(1).Locator(".slot-start").FillAsync("12:00");
        await rows.Nth(1).Locator(".slot-end").FillAsync("15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();

        (await page.Locator("[data-day-slots='6']").InnerTextAsync()).ShouldContain("Overlaps the other Saturday slot 09:00\u201313:00");
        page.Url.ShouldContain("/Staff/Availability");
        (await page.Locator("[data-day-slots='6'] .slot-start").EvaluateAllAsync<string[]>("els => els.map(e => e.value).filter(v => v)"))
            .ShouldBe(["09:00", "12:00"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_clinician_sees_no_edit_buttons_and_is_shown_the_access_denied_page_on_the_edit_pages()
    {
        var page = await app.SignedInPageAsync("Clinician");
        await page.GotoAsync("/Staff/Index");
        (await page.Locator("#staff-table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Add staff member" }).CountAsync()).ShouldBe(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Raman, Priya" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Staff/Details\?id=\d+"));
        var id = new Uri(page.Url).Query.Split('=')[1];
        (await page.Locator("#staff-actions").CountAsync()).ShouldBe(0);
        foreach (var name in new[] { "Edit", "Availability", "Deactivate…", "Change", "Manage account" })
            (await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).CountAsync()).ShouldBe(0, name);
        (await page.Locator("#license-number").InnerTextAsync()).ShouldNotBeEmpty(); // clinicians may see license numbers

        await page.GotoAsync("/Staff/Week");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Edit hours" }).CountAsync()).ShouldBe(0);

        foreach (var url in new[] { $"/Staff/Edit?id={id}", "/Staff/Edit", $"/Staff/Availability?id={id}", $"/Staff/Deactivate?id={id}", "/Users/Index" })
        {
            await page.GotoAsync(url);
            page.Url.ShouldContain("/Account/AccessDenied", customMessage: url);
            (await page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" }).IsVisibleAsync()).ShouldBeTrue(url);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Front_desk_sees_the_roster_without_any_license_number()
    {
        var page = await app.SignedInPageAsync("FrontDesk");
        await page.GotoAsync("/Staff/Index?status=all");
        (await page.Locator(".license-number").CountAsync()).ShouldBe(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Marsh, Helena" }).ClickAsync();
        (await page.Locator("#license-number").CountAsync()).ShouldBe(0);
        (await page.Locator("#staff-profile").InnerTextAsync()).ShouldNotContain("License number");
        await page.Context.CloseAsync();
    }

    /// <summary>A slot as the pages write it in the default (US) date style.</summary>
    private static string Slot(TimeOnly start, TimeOnly end) => $"{DateStyles.Default.Time(start)}\u2013{DateStyles.Default.Time(end)}";
}
