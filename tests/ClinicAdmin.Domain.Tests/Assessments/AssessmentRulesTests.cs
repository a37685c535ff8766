using ClinicAdmin.Domain.Assessments;

namespace ClinicAdmin.Domain.Tests.Assessments;

[Trait("Category", "Unit")]
public class AssessmentRulesTests
{
    private static readonly DateTime Now = new(2025, 6, 15, 18, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(-600, false)]
    [InlineData(0, false)]
    [InlineData(59, false)]
    [InlineData(61, true)]
    [InlineData(86400, true)]
    public void A_score_cannot_be_taken_in_the_future(int secondsFromNow, bool refused)
    {
        var problem = Assessment.TakenAtProblem(Now.AddSeconds(secondsFromNow), Now);
        (problem is not null).ShouldBe(refused);
        if (refused) problem!.Field.ShouldBe("TakenAt");
    }

    [Theory]
    [InlineData(Instrument.Phq9, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 1 }, true)]
    [InlineData(Instrument.Phq9, new[] { 3, 3, 3, 3, 3, 3, 3, 3, 3 }, true)]
    [InlineData(Instrument.Phq9, new[] { 3, 3, 3, 3, 3, 3, 3, 3, 0 }, false)]
    [InlineData(Instrument.Gad7, new[] { 3, 3, 3, 3, 3, 3, 3 }, false)]
    [InlineData(Instrument.Phq9, new[] { 1, 1 }, false)]
    public void PHQ9_item_9_above_0_asks_for_safety_follow_up_whatever_the_total(Instrument instrument, int[] items, bool expected)
    {
        Scoring.NeedsSafetyFollowUp(instrument, items).ShouldBe(expected);
    }
}
