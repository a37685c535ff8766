using System.Net;
using AngleSharp.Html.Dom;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Staff;

public abstract class IndexTests(ClinicApp app) : PageTest(app)
{
    private StaffMember _np = null!, _nurse = null!, _manager = null!, _former = null!, _upcoming = null!;

    private async Task SeedAsync()
    {
        StaffData.FreezeClock(App);
        _np = StaffData.NursePractitioner();
        _nurse = StaffData.Nurse();
        _manager = StaffData.OfficeManager();
        _former = StaffData.NursePractitioner("Samuel", "Whitfield", StaffData.OtherNpi);
        _former.EndDate = StaffData.Today.AddDays(-10);
        _upcoming = StaffData.Nurse("Ines", "Corvo");
        _upcoming.StartDate = StaffData.Today.AddDays(14);
        _upcoming.LicenseNumber = "RN-99001";
        await App.InsertAsync(_np, _nurse, _manager, _former, _upcoming);
        // The manager's roster entry is linked to the practice manager's account; the nurse to the clinician's.
        await App.InDbAsync(async db =>
        {
            await db.Staff.Where(s => s.Id == _manager.Id).ExecuteUpdateAsync(x => x.SetProperty(s => s.UserId, App.UserIdOf(Roles.PracticeManager)));
            await db.Staff.Where(s => s.Id == _nurse.Id).ExecuteUpdateAsync(x => x.SetProperty(s => s.UserId, App.UserIdOf(Roles.Clinician)));
        });
    }

    private static List<string> Names(IHtmlDocument doc) =>
        doc.QuerySelectorAll("#staff-table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    [Theory]
    [InlineData(Roles.PracticeManager)]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Every_role_reads_the_active_roster_sorted_by_name(string role)
    {
        await SeedAsync();
        var doc = await (await App.SignInAsync(role)).GetDocumentAsync("/Staff/Index");

        Names(doc).ShouldBe(["Okafor, Jenna", "Pell, Rowan", "Whitcombe, Dana"]);
    }

    [Fact]
    public async Task A_chain_sized_roster_is_shown_fifty_people_a_page_keeping_the_filters()
    {
        var people = Enumerable.Range(1, 62).Select(i => StaffData.Nurse($"Name{i:D2}", $"Person{i:D2}")).ToArray();
        await App.InsertAsync(people);
        var client = await App.SignInAsync(Roles.PracticeManager);

        var first = await client.GetDocumentAsync("/Staff/Index?sort=name");
        Names(first).Count.ShouldBe(50);
        Names(first)[0].ShouldBe("Person01, Name01");
        first.QuerySelector("#staff-table caption")!.TextContent.ShouldContain("62 people");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        next.ShouldContain("page=2");
        next.ShouldContain("sort=name");

        var second = await client.GetDocumentAsync(next);
        Names(second).ShouldBe(Enumerable.Range(51, 12).Select(i => $"Person{i:D2}, Name{i:D2}"));
        Names(await client.GetDocumentAsync("/Staff/Index?page=99")).Count.ShouldBe(12); // past the end: the last page
    }

    [Fact]
    public async Task Pages_of_people_who_sort_alike_never_overlap_and_the_warnings_filter_pages_its_own_matches()
    {
        StaffData.FreezeClock(App);
        // 55 people with the same name and title (only the id tells them apart); 53 with an expired licence.
        var people = Enumerable.Range(1, 55).Select(i =>
        {
            var p = StaffData.Nurse("Sam", "Same");
            if (i > 2) p.LicenseExpiresOn = StaffData.Today.AddDays(-i);
            return p;
        }).ToArray();
        await App.InsertAsync(people);
        var client = await App.SignInAsync(Roles.PracticeManager);

        foreach (var sort in new[] { "title", "license", "name" })
        {
            var ids = new List<string>();
            foreach (var page in new[] { 1, 2 })
                ids.AddRange((await client.GetDocumentAsync($"/Staff/Index?sort={sort}&page={page}"))
                    .QuerySelectorAll("#staff-table tbody tr").Select(r => r.GetAttribute("data-staff-id")!));
            ids.Count.ShouldBe(55, sort);
            ids.Distinct().Count().ShouldBe(55, sort);
        }

        var warned = await client.GetDocumentAsync("/Staff/Index?withWarnings=true");
        warned.QuerySelector("#staff-table caption")!.TextContent.ShouldContain("53 people");
        Names(warned).Count.ShouldBe(50);
        var rest = await client.GetDocumentAsync(warned.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        rest.QuerySelectorAll("#staff-table tbody tr").Length.ShouldBe(3);
        rest.QuerySelectorAll("#staff-table tbody tr .staff-warnings").ShouldAllBe(w => w.TextContent.Contains("expired"));
        // The banner counts everyone on the roster, whatever page is shown.
        rest.QuerySelector("#staff-warnings-banner")!.TextContent.ShouldContain("53 expired licenses");
    }

    [Fact]
    public async Task Front_desk_never_gets_license_numbers_but_clinical_and_management_roles_do()
    {
        await SeedAsync();
        var fd = await App.SignInAsync(Roles.FrontDesk);
        foreach (var url in new[] { "/Staff/Index?status=all", $"/Staff/Details?id={_np.Id}", $"/Staff/Details?id={_nurse.Id}", "/Staff/Week" })
        {
            var html = await (await fd.GetAsync(url)).Content.ReadAsStringAsync();
            html.ShouldNotContain("APRN-77123", customMessage: url);
            html.ShouldNotContain("RN-55231", customMessage: url);
            html.ShouldNotContain("RN-99001", customMessage: url);
        }
        // Expiry dates are not secret: front desk still sees them.
        (await fd.GetDocumentAsync("/Staff/Index")).QuerySelector($"tr[data-staff-id='{_np.Id}'] .license-cell")!.TextContent.ShouldContain($"expires {RecordText.Date(new DateOnly(2027, 6, 15))}");

        foreach (var role in new[] { Roles.PracticeManager, Roles.MedicalDirector, Roles.Clinician })
        {
            var client = await App.SignInAsync(role);
            (await client.GetDocumentAsync("/Staff/Index")).QuerySelector($"tr[data-staff-id='{_np.Id}'] .license-number")!.TextContent.ShouldContain("APRN-77123");
            (await client.GetDocumentAsync($"/Staff/Details?id={_np.Id}")).QuerySelector("#license-number")!.TextContent.ShouldBe("APRN-77123");
        }
    }

    [Theory]
    [InlineData("whit", "Whitcombe, Dana")]
    [InlineData("DANA WHIT", "Whitcombe, Dana")]
    [InlineData("okafor, je", "Okafor, Jenna")]
    [InlineData("rowan.pell@clinic", "Pell, Rowan")]
    [InlineData("12345678", "Whitcombe, Dana")]
    public async Task Search_finds_people_by_name_email_or_NPI(string q, string expected)
    {
        await SeedAsync();
        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/Staff/Index?q=" + Uri.EscapeDataString(q));

        Names(doc).ShouldBe([expected]);
    }

    [Fact]
    public async Task A_search_that_finds_nobody_says_so()
    {
        await SeedAsync();
        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/Staff/Index?q=nobody");
        doc.QuerySelector("#no-staff").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("status=former", new[] { "Whitfield, Samuel" })]
    [InlineData("status=upcoming", new[] { "Corvo, Ines" })]
    [InlineData("status=all", new[] { "Corvo, Ines", "Okafor, Jenna", "Pell, Rowan", "Whitcombe, Dana", "Whitfield, Samuel" })]
    [InlineData("title=Infusion+Nurse&status=all", new[] { "Corvo, Ines", "Okafor, Jenna" })]
    [InlineData("role=PracticeManager", new[] { "Pell, Rowan" })]
    [InlineData("role=Clinician", new[] { "Okafor, Jenna" })]
    [InlineData("role=none", new[] { "Whitcombe, Dana" })]
    [InlineData("rendering=true&status=all", new[] { "Whitcombe, Dana", "Whitfield, Samuel" })]
    [InlineData("sort=title", new[] { "Okafor, Jenna", "Pell, Rowan", "Whitcombe, Dana" })]
    [InlineData("status=bogus&sort=bogus", new[] { "Okafor, Jenna", "Pell, Rowan", "Whitcombe, Dana" })]
    public async Task Filters_and_sorts_narrow_the_roster(string query, string[] expected)
    {
        await SeedAsync();
        var doc = await (await App.SignInAsync(Roles.MedicalDirector)).GetDocumentAsync("/Staff/Index?" + query);

        Names(doc).ShouldBe(expected);
    }

    [Fact]
    public async Task Sorting_by_license_expiry_puts_the_soonest_first_and_people_without_a_license_last()
    {
        await SeedAsync();
        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Staff/Index?sort=license");

        Names(doc).ShouldBe(["Whitcombe, Dana", "Okafor, Jenna", "Pell, Rowan"]);
    }

    [Fact]
    public async Task Expiring_and_expired_licenses_and_rendering_providers_without_a_valid_NPI_are_flagged_in_a_column_and_a_banner()
    {
        StaffData.FreezeClock(App);
        var expiring = StaffData.NursePractitioner("Marcus", "Bell");
        expiring.LicenseExpiresOn = StaffData.Today.AddDays(35);
        var expired = StaffData.Nurse("Lena", "Ortiz");
        expired.LicenseExpiresOn = StaffData.Today.AddDays(-3);
        var noNpi = StaffData.NursePractitioner("Ava", "Quist", npi: null); // only possible through old data: the form refuses it
        var badNpi = StaffData.NursePractitioner("Ben", "Roth", npi: "1234567890");
        var fine = StaffData.NursePractitioner("Cleo", "Stone", npi: StaffData.OtherNpi);
        fine.LicenseExpiresOn = StaffData.Today.AddDays(61);
        var formerExpired = StaffData.Nurse("Old", "Timer");
        formerExpired.LicenseExpiresOn = StaffData.Today.AddDays(-100);
        formerExpired.EndDate = StaffData.Today.AddDays(-50);
        await App.InsertAsync(expiring, expired, noNpi, badNpi, fine, formerExpired);

        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Staff/Index?status=all");

        string Warnings(StaffMember s) => doc.QuerySelector($"tr[data-staff-id='{s.Id}'] .staff-warnings")!.TextContent;
        Warnings(expiring).ShouldContain($"License expires on {RecordText.Date(new DateOnly(2026, 7, 20))} (in 35 days)");
        Warnings(expired).ShouldContain($"License expired on {RecordText.Date(new DateOnly(2026, 6, 12))}");
        Warnings(noNpi).ShouldContain("Rendering provider without an NPI");
        Warnings(badNpi).ShouldContain("check digit is wrong");
        Warnings(fine).Trim().ShouldBeEmpty();
        Warnings(formerExpired).Trim().ShouldBeEmpty(); // former staff need no action
        var banner = doc.QuerySelector("#staff-warnings-banner")!.TextContent;
        banner.ShouldContain("1 expired license");
        banner.ShouldContain("1 license expiring within 60 days");
        banner.ShouldContain("2 rendering providers without a valid NPI");

        var only = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Staff/Index?status=all&withWarnings=true");
        Names(only).ShouldBe(["Bell, Marcus", "Ortiz, Lena", "Quist, Ava", "Roth, Ben"]);
    }

    [Fact]
    public async Task A_filter_cannot_hide_the_banner()
    {
        StaffData.FreezeClock(App);
        var expired = StaffData.Nurse("Lena", "Ortiz");
        expired.LicenseExpiresOn = StaffData.Today.AddDays(-3);
        await App.InsertAsync(expired, StaffData.OfficeManager());

        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Staff/Index?title=Office+Manager");

        doc.QuerySelector("#staff-warnings-banner")!.TextContent.ShouldContain("1 expired license");
    }

    [Fact]
    public async Task No_banner_when_nothing_needs_attention()
    {
        await SeedAsync();
        (await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Staff/Index")).QuerySelector("#staff-warnings-banner").ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Only_the_practice_manager_is_offered_to_add_staff(string role)
    {
        await SeedAsync();
        (await (await App.SignInAsync(role)).GetDocumentAsync("/Staff/Index")).QuerySelector("#add-staff").ShouldBeNull();
        (await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Staff/Index")).QuerySelector("#add-staff").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_sign_in_column_shows_the_linked_accounts_role()
    {
        await SeedAsync();
        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Staff/Index");

        doc.QuerySelector($"tr[data-staff-id='{_manager.Id}']")!.TextContent.ShouldContain("Practice manager");
        doc.QuerySelector($"tr[data-staff-id='{_nurse.Id}']")!.TextContent.ShouldContain("Clinician");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class IndexTests_PostgreSql(PostgreSqlApp app) : IndexTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class IndexTests_SqlServer(SqlServerApp app) : IndexTests(app);
