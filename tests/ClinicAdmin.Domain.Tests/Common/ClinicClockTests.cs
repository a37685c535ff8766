using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Tests.Support;

namespace ClinicAdmin.Domain.Tests.Common;

[Trait("Category", "Unit")]
public class ClinicClockTests
{
    private const string Chicago = "America/Chicago";

    private static ClinicClock At(DateTimeOffset utcNow) => ClinicClock.For(Chicago, new FixedTimeProvider(utcNow));

    [Theory]
    // Central Daylight Time (UTC−5): 03:00 UTC is still the evening before in the clinic.
    [InlineData("2025-06-16T03:00:00Z", "2025-06-15")]
    [InlineData("2025-06-16T05:00:00Z", "2025-06-16")]
    [InlineData("2025-06-16T04:59:00Z", "2025-06-15")]
    // Central Standard Time (UTC−6).
    [InlineData("2025-01-10T05:59:00Z", "2025-01-09")]
    [InlineData("2025-01-10T06:00:00Z", "2025-01-10")]
    public void Today_is_the_clinics_local_date_not_the_UTC_date(string utcNow, string expectedLocalDate)
    {
        var clock = At(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));

        clock.Today.ShouldBe(DateOnly.Parse(expectedLocalDate, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NowLocal_is_the_wall_clock_time_in_the_clinic()
    {
        var clock = At(new DateTimeOffset(2025, 6, 16, 3, 0, 0, TimeSpan.Zero));

        clock.NowLocal.ShouldBe(new DateTime(2025, 6, 15, 22, 0, 0));
    }

    [Fact]
    public void DateOf_a_late_evening_visit_is_its_local_date()
    {
        var clock = At(DateTimeOffset.UtcNow);

        clock.DateOf(new DateTime(2025, 3, 11, 2, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2025, 3, 10));
    }

    [Fact]
    public void ToLocal_treats_an_unspecified_time_as_UTC()
    {
        var clock = At(DateTimeOffset.UtcNow);

        clock.ToLocal(new DateTime(2025, 6, 15, 14, 0, 0, DateTimeKind.Unspecified)).ShouldBe(new DateTime(2025, 6, 15, 9, 0, 0));
    }

    [Theory]
    [InlineData("2025-06-15T09:00:00", "2025-06-15T14:00:00")]  // CDT
    [InlineData("2025-01-15T09:00:00", "2025-01-15T15:00:00")]  // CST
    [InlineData("2025-06-15T21:30:00", "2025-06-16T02:30:00")]  // crosses midnight UTC
    public void ToUtc_and_ToLocal_are_inverse(string local, string utc)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var clock = At(DateTimeOffset.UtcNow);
        var l = DateTime.Parse(local, inv);
        var u = DateTime.SpecifyKind(DateTime.Parse(utc, inv), DateTimeKind.Utc);

        clock.ToUtc(l).ShouldBe(u);
        clock.ToLocal(clock.ToUtc(l)).ShouldBe(l);
    }

    [Fact]
    public void ToUtc_ignores_the_kind_of_a_local_wall_clock_time()
    {
        var clock = At(DateTimeOffset.UtcNow);
        var wall = new DateTime(2025, 6, 15, 9, 0, 0);

        clock.ToUtc(DateTime.SpecifyKind(wall, DateTimeKind.Local)).ShouldBe(clock.ToUtc(wall));
    }

    [Fact]
    public void A_day_range_covers_whole_clinic_days_and_clamps_at_the_ends_of_the_calendar()
    {
        var clock = At(DateTimeOffset.UtcNow);
        var day = new DateOnly(2025, 6, 15);

        clock.DayStartUtc(day).ShouldBe(clock.ToUtc(new DateTime(2025, 6, 15, 0, 0, 0)));
        clock.DayEndUtc(day).ShouldBe(clock.ToUtc(new DateTime(2025, 6, 16, 0, 0, 0)));
        // Year 9999 and year 1 (typed into a filter) give the calendar's limits, not an overflow.
        clock.DayEndUtc(DateOnly.MaxValue).ShouldBe(DateTime.MaxValue);
        clock.DayStartUtc(DateOnly.MaxValue).ShouldBe(DateTime.MaxValue);
        clock.DayStartUtc(DateOnly.MinValue).ShouldBe(DateTime.MinValue);
        clock.DayEndUtc(DateOnly.MinValue).ShouldBe(clock.ToUtc(new DateTime(1, 1, 2, 0, 0, 0)));
        clock.DayStartUtc(DateOnly.MaxValue).Kind.ShouldBe(DateTimeKind.Utc);
    }
}
