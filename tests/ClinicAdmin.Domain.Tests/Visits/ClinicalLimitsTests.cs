using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Visits;

[Trait("Category", "Unit")]
public class ClinicalLimitsTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("0.01", null)]
    [InlineData("1000", null)]
    [InlineData("0", "more than 0")]
    [InlineData("1000.01", "1000 mg")]
    [InlineData("10.125", "two decimals")]
    public void Doses_are_more_than_0_and_at_most_1000_mg(string? mg, string? problem)
    {
        var result = ClinicalLimits.DoseProblem(mg is null ? null : decimal.Parse(mg, System.Globalization.CultureInfo.InvariantCulture));
        if (problem is null) result.ShouldBeNull(); else result!.ShouldContain(problem);
    }

    public static TheoryData<int?, int?, int?, int?, string[]> Vitals => new()
    {
        { 120, 80, 70, 98, [] },
        { 50, 20, 20, 50, [] },                              // every lower bound
        { 260, 160, 250, 100, [] },                          // every upper bound
        { null, null, null, null, [] },                      // nothing measured
        { 49, 30, 70, 98, ["Systolic"] },
        { 261, 80, 70, 98, ["Systolic"] },
        { 400, 20, 70, 98, ["Systolic"] },                   // 400/20: systolic impossible, diastolic at its bound
        { 120, 19, 70, 98, ["Diastolic"] },
        { 200, 161, 70, 98, ["Diastolic"] },
        { 90, 90, 70, 98, ["Diastolic"] },                   // not below the systolic
        { 120, null, 70, 98, ["Diastolic"] },                // half a blood pressure
        { 120, 80, 19, 98, ["HeartRate"] },
        { 120, 80, 251, 98, ["HeartRate"] },
        { 120, 80, 70, 49, ["SpO2"] },
        { 120, 80, 70, 120, ["SpO2"] },
    };

    [Theory]
    [MemberData(nameof(Vitals))]
    public void Vital_signs_outside_possible_ranges_are_refused_by_field(int? sys, int? dia, int? hr, int? spo2, string[] fields)
    {
        ClinicalLimits.VitalsProblems(new VitalSigns { Systolic = sys, Diastolic = dia, HeartRate = hr, SpO2 = spo2 }).Select(p => p.Field).Distinct().ShouldBe(fields);
    }

    [Fact]
    public void Arrival_and_discharge_cannot_be_in_the_future_and_discharge_follows_arrival()
    {
        var now = new DateTime(2026, 6, 15, 12, 0, 0);
        var arrival = new DateTime(2026, 6, 15, 10, 0, 0);
        ClinicalLimits.TimingProblems(arrival, now, now).ShouldBeEmpty();                       // discharged just now
        ClinicalLimits.TimingProblems(now.AddMinutes(1), null, now).ShouldBeEmpty();            // the minute's grace of every "now" form
        ClinicalLimits.TimingProblems(now.AddMinutes(2), null, now).Single().ShouldBe(("StartedAt", "The arrival cannot be in the future."));
        ClinicalLimits.TimingProblems(arrival, now.AddMinutes(30), now).Single().Field.ShouldBe("DischargeTime");
        ClinicalLimits.TimingProblems(arrival, now.AddMinutes(30), now).Single().Message.ShouldContain("cannot be in the future");
        ClinicalLimits.TimingProblems(arrival, arrival, now).Single().Message.ShouldBe("Discharge must be after arrival.");
        ClinicalLimits.TimingProblems(arrival, arrival.AddMinutes(-30), now).Single().Field.ShouldBe("DischargeTime");
        ClinicalLimits.TimingProblems(arrival.AddYears(-11), null, now).Single().Message.ShouldContain("10 years");
    }

    [Theory]
    [InlineData(null, false)] [InlineData(1, false)] [InlineData(600, false)] [InlineData(0, true)] [InlineData(601, true)]
    public void Infusion_lasts_1_to_600_minutes(int? minutes, bool refused) =>
        (ClinicalLimits.InfusionMinutesProblem(minutes) is not null).ShouldBe(refused);
}
