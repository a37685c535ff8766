using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Staff;

public abstract class WeekTests(ClinicApp app) : PageTest(app)
{
    private static WeeklySlot Slot(DayOfWeek d, int from, int to) => new(d, new TimeOnly(from, 0), new TimeOnly(to, 0));

    [Theory]
    [InlineData(Roles.PracticeManager)]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Every_role_sees_the_active_roster_against_Monday_to_Sunday(string role)
    {
        StaffData.FreezeClock(App);
        var therapist = StaffData.Nurse("Daniel", "Reyes");
        therapist.Title = "Therapist";
        therapist.SetAvailability([Slot(DayOfWeek.Monday, 9, 21), Slot(DayOfWeek.Wednesday, 9, 21), Slot(DayOfWeek.Friday, 9, 21)]);
        var np = StaffData.NursePractitioner();
        np.SetAvailability([Slot(DayOfWeek.Tuesday, 13, 17), Slot(DayOfWeek.Tuesday, 8, 12)]);
        var former = StaffData.Nurse("Old", "Timer");
        former.EndDate = StaffData.Today.AddDays(-1);
        var upcoming = StaffData.Nurse("New", "Starter");
        upcoming.StartDate = StaffData.Today.AddDays(1);
        await App.InsertAsync(therapist, np, former, upcoming);

        var doc = await (await App.SignInAsync(role)).GetDocumentAsync("/Staff/Week");

        doc.QuerySelectorAll("#week-grid thead th[data-day]").Select(th => th.GetAttribute("data-day"))
            .ShouldBe(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);
        doc.QuerySelector("#week-grid th[data-day='Monday']")!.TextContent.ShouldContain("today"); // 15 June 2026 is a Monday
        var rows = doc.QuerySelectorAll("#week-grid tbody tr");
        rows.Select(r => r.GetAttribute("data-staff-id")).ShouldBe([therapist.Id.ToString(), np.Id.ToString()]);
        string Cell(StaffMember s, string day) => doc.QuerySelector($"tr[data-staff-id='{s.Id}'] td[data-day='{day}']")!.TextContent.Trim();
        Cell(therapist, "Monday").ShouldBe(RecordText.TimeRange(new TimeOnly(9, 0), new TimeOnly(21, 0)));
        Cell(therapist, "Wednesday").ShouldBe(RecordText.TimeRange(new TimeOnly(9, 0), new TimeOnly(21, 0)));
        Cell(therapist, "Friday").ShouldBe(RecordText.TimeRange(new TimeOnly(9, 0), new TimeOnly(21, 0)));
        Cell(therapist, "Thursday").ShouldBeEmpty();
        doc.QuerySelectorAll($"tr[data-staff-id='{np.Id}'] td[data-day='Tuesday'] div").Select(d => d.TextContent).ShouldBe([RecordText.TimeRange(new TimeOnly(8, 0), new TimeOnly(12, 0)), RecordText.TimeRange(new TimeOnly(13, 0), new TimeOnly(17, 0))]);
        doc.QuerySelector($"tr[data-staff-id='{therapist.Id}'] td:last-child")!.TextContent.Trim().ShouldBe("36");
        (doc.QuerySelectorAll("#week-grid a[href*='/Staff/Availability']").Length > 0).ShouldBe(role == Roles.PracticeManager);
    }

    [Fact]
    public async Task The_grid_can_show_one_title()
    {
        StaffData.FreezeClock(App);
        await App.InsertAsync(StaffData.Nurse(), StaffData.OfficeManager());

        var doc = await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync("/Staff/Week?title=Office+Manager");

        doc.QuerySelectorAll("#week-grid tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("Rowan Pell");
    }

    [Fact]
    public async Task An_empty_roster_says_so()
    {
        (await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/Staff/Week")).QuerySelector("#no-staff").ShouldNotBeNull();
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class WeekTests_Sqlite(SqliteApp app) : WeekTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class WeekTests_PostgreSql(PostgreSqlApp app) : WeekTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class WeekTests_SqlServer(SqlServerApp app) : WeekTests(app);
