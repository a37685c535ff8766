using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Visits;

[Trait("Category", "Unit")]
public class ProviderScheduleTests
{
    private static StaffMember Provider() => new()
    {
        FirstName = "Nora", LastName = "Provider", Credentials = "MSN", IsRenderingProvider = true, Npi = "1234567893", StartDate = new DateOnly(2024, 1, 1),
        Availability = [new WeeklyAvailability { Day = DayOfWeek.Monday, Start = new TimeOnly(8, 0), End = new TimeOnly(17, 0) }],
    };

    [Fact]
    public void A_rendering_provider_with_an_NPI_on_the_roster_may_render()
    {
        ProviderSchedule.RenderingProblem(Provider(), new DateOnly(2026, 6, 15)).ShouldBeNull();
    }

    [Fact]
    public void Non_rendering_staff_a_bad_NPI_and_dates_off_the_roster_are_refused()
    {
        var day = new DateOnly(2026, 6, 15);
        var p = Provider(); p.IsRenderingProvider = false;
        ProviderSchedule.RenderingProblem(p, day)!.ShouldContain("not a rendering provider");
        p = Provider(); p.Npi = "1234567890";
        ProviderSchedule.RenderingProblem(p, day)!.ShouldContain("NPI");
        p = Provider(); p.EndDate = day.AddDays(-1);
        ProviderSchedule.RenderingProblem(p, day)!.ShouldContain("not on the roster");
        ProviderSchedule.RenderingProblem(Provider(), new DateOnly(2023, 12, 31))!.ShouldContain("not on the roster");
    }

    [Theory]
    [InlineData(8, 0, false)]
    [InlineData(16, 59, false)]
    [InlineData(17, 0, true)]    // the slot ends at 17:00
    [InlineData(7, 30, true)]
    public void Times_outside_the_weekly_schedule_are_warned_about(int hour, int minute, bool warned)
    {
        var monday = new DateTime(2026, 6, 15, hour, minute, 0);
        (ProviderSchedule.AvailabilityWarning(Provider(), monday) is not null).ShouldBe(warned);
        ProviderSchedule.AvailabilityWarning(Provider(), monday.AddDays(1))!.ShouldContain("Tuesday");
    }
}
