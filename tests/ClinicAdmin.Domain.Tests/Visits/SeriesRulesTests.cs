using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Visits;

[Trait("Category", "Unit")]
public class SeriesRulesTests
{
    private static readonly DateOnly Previous = new(2025, 3, 3);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]   // the limit itself is fine
    public void Infusions_up_to_7_days_apart_get_no_spacing_warning(int days)
    {
        SeriesRules.SpacingWarning(Previous, Previous.AddDays(days)).ShouldBeNull();
    }

    [Theory]
    [InlineData(8)]
    [InlineData(14)]
    [InlineData(60)]
    public void Infusions_more_than_7_days_apart_are_warned_about(int days)
    {
        var warning = SeriesRules.SpacingWarning(Previous, Previous.AddDays(days));

        warning.ShouldNotBeNull();
        warning.ShouldStartWith($"{days} days since the previous infusion");
        warning.ShouldContain($"more than {SeriesRules.MaxDaysBetweenInductionInfusions}");
    }

    [Fact]
    public void Spacing_counts_calendar_days_across_a_month_end()
    {
        SeriesRules.SpacingWarning(new DateOnly(2025, 1, 28), new DateOnly(2025, 2, 4)).ShouldBeNull();      // 7 days
        SeriesRules.SpacingWarning(new DateOnly(2025, 1, 28), new DateOnly(2025, 2, 5)).ShouldNotBeNull();   // 8 days
    }

    [Fact]
    public void The_first_infusion_has_no_spacing_warning()
    {
        SeriesRules.SpacingWarning(null, Previous).ShouldBeNull();
    }

    [Theory]
    [InlineData(1, 6)]
    [InlineData(6, 6)]
    [InlineData(8, 8)]
    public void Sessions_within_the_plan_get_no_warning(int session, int planned)
    {
        SeriesRules.SessionCountWarning(session, planned).ShouldBeNull();
    }

    [Theory]
    [InlineData(7, 6)]
    [InlineData(9, 8)]
    [InlineData(2, 1)]
    public void A_session_beyond_the_plan_is_warned_about(int session, int planned)
    {
        SeriesRules.SessionCountWarning(session, planned).ShouldBe($"Session {session} of a course planned for {planned}.");
    }

    [Theory]
    [InlineData("0.5", "0.5", "0.25")]
    [InlineData("0.5", "0.75", "0.25")]   // a step equal to the limit is allowed
    [InlineData("1.0", "0.5", "0.25")]    // lowering the dose is never a problem
    [InlineData("0.5", "0.6", "0.25")]
    public void Dose_steps_within_the_limit_get_no_warning(string previous, string current, string step)
    {
        SeriesRules.DoseStepWarning(D(previous), D(current), D(step)).ShouldBeNull();
    }

    [Theory]
    [InlineData("0.5", "0.751", "0.25")]
    [InlineData("0.5", "1.0", "0.25")]
    [InlineData("0.5", "0.65", "0.1")]
    public void A_dose_rise_above_the_step_limit_is_warned_about(string previous, string current, string step)
    {
        var warning = SeriesRules.DoseStepWarning(D(previous), D(current), D(step));

        warning.ShouldNotBeNull();
        warning.ShouldContain("mg/kg");
    }

    [Fact]
    public void The_dose_warning_states_the_rise_and_the_limit()
    {
        SeriesRules.DoseStepWarning(0.5m, 0.8m, 0.25m)
            .ShouldBe("Dose rises by 0.3 mg/kg over the previous session (step limit 0.25 mg/kg).");
    }

    [Theory]
    [InlineData(null, "0.5")]
    [InlineData("0.5", null)]
    [InlineData(null, null)]
    public void Without_both_doses_there_is_no_dose_step_warning(string? previous, string? current)
    {
        SeriesRules.DoseStepWarning(previous is null ? null : D(previous), current is null ? null : D(current), 0.1m).ShouldBeNull();
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
