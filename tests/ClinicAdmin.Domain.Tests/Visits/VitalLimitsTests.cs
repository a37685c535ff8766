using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Visits;

[Trait("Category", "Unit")]
public class VitalLimitsTests
{
    private static readonly VitalLimits Defaults = new();

    private static List<string> Warn(int? sys = null, int? dia = null, int? hr = null, int? spo2 = null, VitalLimits? limits = null) =>
        (limits ?? Defaults).Warnings("at 40 min", new VitalSigns { Systolic = sys, Diastolic = dia, HeartRate = hr, SpO2 = spo2 }).ToList();

    [Fact]
    public void The_defaults_are_the_usual_ketamine_holding_parameters()
    {
        (Defaults.SystolicAtOrAbove, Defaults.DiastolicAtOrAbove, Defaults.HeartRateAtOrAbove, Defaults.HeartRateAtOrBelow, Defaults.SpO2Below)
            .ShouldBe((160, 100, 110, 50, 92));
        Defaults.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void The_warning_names_the_value_the_moment_and_the_limit() =>
        Warn(168, 104).ShouldHaveSingleItem().ShouldBe("Blood pressure 168/104 at 40 min is at or above the limit 160/100.");

    [Theory]
    [InlineData(159, 99, false)]
    [InlineData(160, 99, true)]
    [InlineData(159, 100, true)]
    [InlineData(120, 80, false)]
    public void Blood_pressure_warns_at_or_above_either_limit(int sys, int dia, bool warned) => (Warn(sys, dia).Count == 1).ShouldBe(warned);

    [Theory]
    [InlineData(109, false)] [InlineData(110, true)] [InlineData(51, false)] [InlineData(50, true)]
    public void Heart_rate_warns_at_110_and_above_and_at_50_and_below(int hr, bool warned) => (Warn(hr: hr).Count == 1).ShouldBe(warned);

    [Fact]
    public void Heart_rate_warnings_say_which_side()
    {
        Warn(hr: 112).Single().ShouldBe("Heart rate 112 at 40 min is at or above the limit 110.");
        Warn(hr: 48).Single().ShouldBe("Heart rate 48 at 40 min is at or below the limit 50.");
    }

    [Theory]
    [InlineData(92, false)] [InlineData(91, true)] [InlineData(100, false)]
    public void SpO2_warns_below_92(int spo2, bool warned) => (Warn(spo2: spo2).Count == 1).ShouldBe(warned);

    [Fact]
    public void SpO2_warning_names_value_and_limit() => Warn(spo2: 91).Single().ShouldBe("SpO2 91 % at 40 min is below the limit 92 %.");

    [Fact]
    public void The_clinic_s_own_limits_are_used()
    {
        var strict = new VitalLimits { SystolicAtOrAbove = 150, DiastolicAtOrAbove = 95, SpO2Below = 94 };
        Warn(150, 90, limits: strict).Single().ShouldContain("limit 150/95");
        Warn(spo2: 93, limits: strict).Single().ShouldContain("limit 94 %");
        Warn(150, 90).ShouldBeEmpty();
    }

    [Fact]
    public void Blank_vitals_and_a_half_typed_pressure_below_the_limits_warn_of_nothing()
    {
        Warn().ShouldBeEmpty();
        Warn(sys: 150).ShouldBeEmpty();
        Warn(sys: 170).Single().ShouldContain("Systolic pressure 170");
    }

    [Fact]
    public void A_visit_s_three_sets_are_warned_in_order_with_their_moment()
    {
        var warnings = Defaults.Warnings(new VitalSigns { HeartRate = 120 }, new VitalSigns { Systolic = 168, Diastolic = 104 }, new VitalSigns { SpO2 = 90 }).ToList();
        warnings.ShouldBe([
            "Heart rate 120 before the dose is at or above the limit 110.",
            "Blood pressure 168/104 at 40 min is at or above the limit 160/100.",
            "SpO2 90 % at discharge is below the limit 92 %.",
        ]);
    }

    [Theory]
    [InlineData(100, true)] [InlineData(250, true)] [InlineData(99, false)] [InlineData(251, false)]
    public void The_systolic_limit_may_be_set_from_100_to_250(int value, bool ok) =>
        new VitalLimits { SystolicAtOrAbove = value }.Problems().Any(p => p.Field == nameof(VitalLimits.SystolicAtOrAbove)).ShouldBe(!ok);

    [Fact]
    public void Limits_out_of_range_or_crossed_are_refused_by_field()
    {
        new VitalLimits { DiastolicAtOrAbove = 200 }.Problems().Single().Field.ShouldBe(nameof(VitalLimits.DiastolicAtOrAbove));
        new VitalLimits { SystolicAtOrAbove = 120, DiastolicAtOrAbove = 130 }.Problems().Single().Message.ShouldContain("lower than the systolic");
        new VitalLimits { HeartRateAtOrAbove = 20 }.Problems().Single().Field.ShouldBe(nameof(VitalLimits.HeartRateAtOrAbove));
        new VitalLimits { HeartRateAtOrBelow = 90 }.Problems().Single().Field.ShouldBe(nameof(VitalLimits.HeartRateAtOrBelow));
        new VitalLimits { SpO2Below = 50 }.Problems().Single().Field.ShouldBe(nameof(VitalLimits.SpO2Below));
    }
}
