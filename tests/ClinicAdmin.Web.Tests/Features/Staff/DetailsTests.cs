using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Staff;

public abstract class DetailsTests(ClinicApp app) : PageTest(app)
{
    private async Task<StaffMember> SeedAsync()
    {
        StaffData.FreezeClock(App);
        var s = StaffData.NursePractitioner();
        s.LicenseExpiresOn = StaffData.Today.AddDays(20);
        s.SetAvailability([
            new WeeklySlot(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(21, 0)),
            new WeeklySlot(DayOfWeek.Tuesday, new TimeOnly(13, 0), new TimeOnly(17, 0)),
            new WeeklySlot(DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(12, 0)),
        ]);
        await App.InsertAsync(s);
        await App.InDbAsync(db => db.Staff.Where(x => x.Id == s.Id).ExecuteUpdateAsync(x => x.SetProperty(p => p.UserId, App.UserIdOf(Roles.Clinician))));
        return s;
    }

    [Theory]
    [InlineData(Roles.PracticeManager)]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Every_role_sees_the_profile_availability_account_and_warnings(string role)
    {
        var s = await SeedAsync();
        var doc = await (await App.SignInAsync(role)).GetDocumentAsync($"/Staff/Details?id={s.Id}");

        doc.QuerySelector("#staff-name")!.TextContent.ShouldBe("Dana Whitcombe, MSN, PMHNP-BC");
        var profile = doc.QuerySelector("#staff-profile")!.TextContent;
        foreach (var text in new[] { "Psychiatric Nurse Practitioner", "dana.whitcombe@clinic.example", "(608) 555-0101", StaffData.CmsExampleNpi,
                     "WI", RecordText.Date(new DateOnly(2026, 7, 5)), "ANCC PMHNP-BC", RecordText.Date(new DateOnly(2023, 1, 9)), "may be named on bills" })
            profile.ShouldContain(text);
        doc.QuerySelector("#staff-bio")!.TextContent.ShouldBe("Evaluations and infusions.");
        var week = doc.QuerySelectorAll("#staff-availability tr").Select(r => r.TextContent.Replace("\n", " ").Trim()).ToList();
        week[0].ShouldContain(RecordText.TimeRange(new TimeOnly(9, 0), new TimeOnly(21, 0)));
        week[1].ShouldContain($"{RecordText.TimeRange(new TimeOnly(8, 0), new TimeOnly(12, 0))}, {RecordText.TimeRange(new TimeOnly(13, 0), new TimeOnly(17, 0))}");
        week[2].ShouldContain("—");
        var account = doc.QuerySelector("#staff-account")!.TextContent;
        account.ShouldContain(ClinicApp.EmailOf[Roles.Clinician]);
        account.ShouldContain("Clinician");
        doc.QuerySelector("#staff-warnings")!.TextContent.ShouldContain($"License expires on {RecordText.Date(new DateOnly(2026, 7, 5))} (in 20 days)");
        (doc.QuerySelector("#license-number") is null).ShouldBe(role == Roles.FrontDesk);
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Only_the_practice_manager_gets_edit_buttons(string role)
    {
        var s = await SeedAsync();
        var doc = await (await App.SignInAsync(role)).GetDocumentAsync($"/Staff/Details?id={s.Id}");
        doc.QuerySelector("#staff-actions").ShouldBeNull();
        doc.QuerySelectorAll("a[href*='/Staff/Edit'], a[href*='/Staff/Availability'], a[href*='/Staff/Deactivate'], a[href*='/Users/']").ShouldBeEmpty();

        var pm = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync($"/Staff/Details?id={s.Id}");
        pm.QuerySelector("#staff-actions")!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(
            [$"/Staff/Edit?id={s.Id}", $"/Staff/Availability?id={s.Id}", $"/Staff/Deactivate?id={s.Id}"]);
    }

    [Fact]
    public async Task A_person_without_an_account_offers_the_manager_to_create_one()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse());
        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync($"/Staff/Details?id={s.Id}");

        doc.QuerySelector("#staff-account")!.TextContent.ShouldContain("No sign-in account");
        doc.QuerySelector($"#staff-account a[href='/Users/Edit?staffId={s.Id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Former_staff_are_marked_as_such()
    {
        StaffData.FreezeClock(App);
        var s = StaffData.Nurse();
        s.EndDate = StaffData.Today.AddDays(-1);
        await App.InsertAsync(s);

        var doc = await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Staff/Details?id={s.Id}");

        doc.QuerySelector("#staff-status")!.TextContent.ShouldContain($"Former staff (left {RecordText.Date(new DateOnly(2026, 6, 14))})");
    }

    [Fact]
    public async Task An_unknown_person_is_not_found()
    {
        var client = await App.SignInAsync(Roles.FrontDesk);
        (await client.GetAsync("/Staff/Details?id=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Staff/Details")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class DetailsTests_Sqlite(SqliteApp app) : DetailsTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class DetailsTests_PostgreSql(PostgreSqlApp app) : DetailsTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class DetailsTests_SqlServer(SqlServerApp app) : DetailsTests(app);
