using ClinicAdmin.Domain.Assessments;

namespace ClinicAdmin.Domain.Tests.Assessments;

[Trait("Category", "Unit")]
public class CourseOutcomeTests
{
    private static readonly DateTime FirstTreatment = new(2025, 3, 10, 15, 0, 0, DateTimeKind.Utc);

    private static (DateTime, int) Before(int days, int total) => (FirstTreatment.AddDays(-days), total);
    private static (DateTime, int) After(int days, int total) => (FirstTreatment.AddDays(days), total);

    [Fact]
    public void No_scores_means_no_outcome()
    {
        var o = CourseOutcome.Compute([], FirstTreatment);

        o.ShouldBe(new CourseOutcome(null, null, null, false, false));
        o.HasBaseline.ShouldBeFalse();
    }

    [Fact]
    public void A_course_not_yet_started_has_no_outcome()
    {
        var o = CourseOutcome.Compute([Before(2, 20), After(10, 8)], firstTreatmentAt: null);

        o.ShouldBe(new CourseOutcome(null, null, null, false, false));
    }

    [Fact]
    public void Without_a_score_before_treatment_there_is_no_baseline_and_no_response()
    {
        var o = CourseOutcome.Compute([After(3, 20), After(14, 4)], FirstTreatment);

        o.HasBaseline.ShouldBeFalse();
        o.Baseline.ShouldBeNull();
        o.Latest.ShouldBe(4);
        o.PercentChange.ShouldBeNull();
        o.Responder.ShouldBeFalse();
        o.Remitter.ShouldBeFalse();
    }

    [Fact]
    public void Without_a_follow_up_score_there_is_a_baseline_but_no_change()
    {
        var o = CourseOutcome.Compute([Before(7, 22), Before(1, 20)], FirstTreatment);

        o.HasBaseline.ShouldBeTrue();
        o.Baseline.ShouldBe(20);
        o.Latest.ShouldBeNull();
        o.PercentChange.ShouldBeNull();
        o.Responder.ShouldBeFalse();
        o.Remitter.ShouldBeFalse();
    }

    [Fact]
    public void A_baseline_of_zero_gives_no_percentage_and_neither_response_nor_remission()
    {
        var o = CourseOutcome.Compute([Before(1, 0), After(14, 0)], FirstTreatment);

        o.Baseline.ShouldBe(0);
        o.Latest.ShouldBe(0);
        o.PercentChange.ShouldBeNull();
        o.Responder.ShouldBeFalse();
        o.Remitter.ShouldBeFalse();
    }

    [Fact]
    public void Baseline_is_the_last_score_on_or_before_the_first_treatment()
    {
        // Screening 3 weeks before (10), pre-infusion score on the day (20), after treatment (9).
        // Measured from the screening score, 9 would not be a response; from the right baseline it is.
        var o = CourseOutcome.Compute([Before(21, 10), (FirstTreatment, 20), After(14, 9)], FirstTreatment);

        o.Baseline.ShouldBe(20);
        o.Latest.ShouldBe(9);
        o.PercentChange.ShouldBe(-55.0m);
        o.Responder.ShouldBeTrue();
    }

    [Fact]
    public void A_score_taken_just_after_the_first_treatment_started_is_not_the_baseline()
    {
        var o = CourseOutcome.Compute([Before(2, 20), (FirstTreatment.AddMinutes(1), 16), After(14, 12)], FirstTreatment);

        o.Baseline.ShouldBe(20);
        o.Latest.ShouldBe(12);
    }

    [Fact]
    public void Scores_given_in_any_order_are_sorted_by_date()
    {
        var o = CourseOutcome.Compute([After(14, 6), Before(21, 25), After(7, 15), Before(1, 20)], FirstTreatment);

        o.Baseline.ShouldBe(20);
        o.Latest.ShouldBe(6);
    }

    [Fact]
    public void Latest_is_the_last_score_after_the_baseline_even_if_an_earlier_one_was_better()
    {
        var o = CourseOutcome.Compute([Before(1, 20), After(7, 4), After(21, 12)], FirstTreatment);

        o.Latest.ShouldBe(12);
        o.Responder.ShouldBeFalse();
        o.Remitter.ShouldBeFalse();
    }

    // Response: at least 50% reduction. Remission: PHQ-9 below 5 from a baseline of 5 or more.
    [Theory]
    [InlineData(20, 10, true, false)]   // exactly 50%: responder
    [InlineData(20, 11, false, false)]  // 45%
    [InlineData(15, 7, true, false)]    // 53.3%
    [InlineData(15, 8, false, false)]   // 46.7%: rounding up of 7.5 does not make a responder
    [InlineData(10, 5, true, false)]    // exactly 50%, and 5 is not below 5: no remission
    [InlineData(10, 4, true, true)]     // 4: remission
    [InlineData(8, 5, false, false)]    // PHQ-9 of exactly 5 is not remission
    [InlineData(6, 4, false, true)]     // remission without 50% response
    [InlineData(5, 4, false, true)]     // the smallest baseline that can remit
    [InlineData(4, 2, true, false)]     // below 5 at baseline: nothing to remit
    [InlineData(4, 0, true, false)]
    [InlineData(27, 0, true, true)]
    [InlineData(12, 12, false, false)]  // no change
    [InlineData(12, 18, false, false)]  // worse
    public void Response_and_remission_follow_the_NCQA_definitions(int baseline, int latest, bool responder, bool remitter)
    {
        var o = CourseOutcome.Compute([Before(1, baseline), After(14, latest)], FirstTreatment);

        o.Baseline.ShouldBe(baseline);
        o.Latest.ShouldBe(latest);
        o.Responder.ShouldBe(responder);
        o.Remitter.ShouldBe(remitter);
    }

    [Theory]
    [InlineData(20, 10, "-50.0")]
    [InlineData(15, 7, "-53.3")]
    [InlineData(15, 8, "-46.7")]
    [InlineData(3, 1, "-66.7")]
    [InlineData(12, 18, "50.0")]
    [InlineData(12, 12, "0.0")]
    [InlineData(27, 0, "-100.0")]
    public void Percent_change_is_relative_to_baseline_to_one_decimal(int baseline, int latest, string expected)
    {
        var o = CourseOutcome.Compute([Before(1, baseline), After(14, latest)], FirstTreatment);

        o.PercentChange.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_definitions_printed_in_the_workbook_state_the_thresholds()
    {
        CourseOutcome.ResponseDefinition.ShouldContain("50%");
        CourseOutcome.ResponseDefinition.ShouldContain("on or before the first treatment");
        CourseOutcome.RemissionDefinition.ShouldContain("below 5");
    }

    // ---- who counts in the rates' denominators (the workbook and dashboard use these, not their own copies) ----

    [Theory]
    [InlineData(5, 4, true, true, true)]      // 5 -> 4: remits (below 5) but has not halved
    [InlineData(4, 1, true, false, false)]    // baseline below 5: in response N only, cannot remit
    [InlineData(20, 10, true, true, false)]   // halved (responder) but still 10
    [InlineData(0, 3, false, false, false)]   // baseline 0: in neither N
    public void Denominators_and_remission_follow_the_threshold_of_5(int baseline, int latest, bool inResponseN, bool inRemissionN, bool remits)
    {
        var o = CourseOutcome.Compute([Before(2, baseline), After(10, latest)], FirstTreatment);

        o.InResponseDenominator.ShouldBe(inResponseN);
        o.InRemissionDenominator.ShouldBe(inRemissionN);
        o.Remitter.ShouldBe(remits);
        CourseOutcome.RemissionBelow.ShouldBe(5);
    }

    [Fact]
    public void A_course_without_a_later_score_is_in_no_denominator()
    {
        var o = CourseOutcome.Compute([Before(2, 20)], FirstTreatment);

        o.InResponseDenominator.ShouldBeFalse();
        o.InRemissionDenominator.ShouldBeFalse();
    }
}
