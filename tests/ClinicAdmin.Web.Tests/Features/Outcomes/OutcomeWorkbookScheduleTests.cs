using ClinicAdmin.Web.Features.Outcomes;
using Quartz;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Outcomes;

/// <summary>The monthly schedule: 02:00 on the 1st in the clinic's zone, whatever daylight saving does to UTC.</summary>
public sealed class OutcomeWorkbookScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void The_trigger_fires_at_two_in_the_morning_local_on_the_first_across_daylight_saving_changes()
    {
        DateTimeOffset? after = new DateTimeOffset(2025, 12, 15, 0, 0, 0, TimeSpan.Zero);
        var trigger = OutcomeWorkbookSchedule.BuildTrigger(NewYork, after);
        var fires = new List<DateTimeOffset>();
        for (var i = 0; i < 13; i++) { after = trigger.GetFireTimeAfter(after); fires.Add(after!.Value); }

        // EST (UTC-5) until 2026-03-08, EDT (UTC-4) until 2026-11-01 02:00 EDT -> 01:00 EST.
        fires.Select(f => f.UtcDateTime).ShouldBe([
            new DateTime(2026, 1, 1, 7, 0, 0), new DateTime(2026, 2, 1, 7, 0, 0),
            new DateTime(2026, 3, 1, 7, 0, 0),   // before the March change: still EST
            new DateTime(2026, 4, 1, 6, 0, 0),   // EDT
            new DateTime(2026, 5, 1, 6, 0, 0), new DateTime(2026, 6, 1, 6, 0, 0), new DateTime(2026, 7, 1, 6, 0, 0),
            new DateTime(2026, 8, 1, 6, 0, 0), new DateTime(2026, 9, 1, 6, 0, 0), new DateTime(2026, 10, 1, 6, 0, 0),
            new DateTime(2026, 11, 1, 7, 0, 0),  // the fall-back day itself: 02:00 EST, after the repeated 01:00 hour
            new DateTime(2026, 12, 1, 7, 0, 0), new DateTime(2027, 1, 1, 7, 0, 0),
        ]);
        fires.ShouldAllBe(f => TimeZoneInfo.ConvertTime(f, NewYork).Hour == 2 && TimeZoneInfo.ConvertTime(f, NewYork).Day == 1);

        // The cron expression alone agrees.
        var cron = new CronExpression(OutcomeWorkbookSchedule.Cron, NewYork);
        cron.GetNextValidTimeAfter(new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero))!.Value.UtcDateTime.ShouldBe(new DateTime(2026, 11, 1, 7, 0, 0));
        cron.GetNextValidTimeAfter(new DateTimeOffset(2026, 2, 15, 0, 0, 0, TimeSpan.Zero))!.Value.UtcDateTime.ShouldBe(new DateTime(2026, 3, 1, 7, 0, 0));
    }

    [Fact]
    public void A_run_fired_on_the_first_covers_the_previous_month_in_the_clinic_zone()
    {
        // 2026-03-01 02:00 New York = 07:00Z: February (its UTC date is also Mar 1, but the local date decides).
        OutcomeWorkbookSchedule.MonthFor(new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero), NewYork).ShouldBe((2026, 2));
        OutcomeWorkbookSchedule.MonthFor(new DateTimeOffset(2026, 11, 1, 7, 0, 0, TimeSpan.Zero), NewYork).ShouldBe((2026, 10));
        OutcomeWorkbookSchedule.MonthFor(new DateTimeOffset(2027, 1, 1, 7, 0, 0, TimeSpan.Zero), NewYork).ShouldBe((2026, 12));
        // A zone ahead of UTC: Mar 1 02:00 in Tokyo is still Feb 28 in UTC, and the month is February.
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        OutcomeWorkbookSchedule.MonthFor(new DateTimeOffset(2026, 2, 28, 17, 0, 0, TimeSpan.Zero), tokyo).ShouldBe((2026, 2));
    }

    [Fact]
    public void The_clinic_month_in_utc_follows_daylight_saving()
    {
        // March 2026 in New York: starts 00:00 EST (05:00Z), ends 2026-04-01 00:00 EDT (04:00Z).
        var range = OutcomeFigures.RangeOf(new ClinicAdmin.Reports.Workbooks.ReportMonth(2026, 3, "America/New_York"));
        range.StartUtc.ShouldBe(new DateTime(2026, 3, 1, 5, 0, 0));
        range.EndUtc.ShouldBe(new DateTime(2026, 4, 1, 4, 0, 0));
    }
}
