using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Visits;

[Trait("Category", "Unit")]
public class DosingTests
{
    [Theory]
    [InlineData("40", "80", "0.5")]
    [InlineData("40", "75", "0.533")]     // 0.53333…
    [InlineData("50", "60", "0.833")]     // 0.83333…
    [InlineData("1", "0.8", "1.25")]
    [InlineData("1", "2000", "0.001")]    // 0.0005: half away from zero, not to even
    [InlineData("0.3", "2000", "0")]      // 0.00015
    [InlineData("35.7", "68", "0.525")]   // exactly 0.525
    public void Mg_per_kg_is_dose_over_weight_to_three_decimals_half_away_from_zero(string mg, string kg, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Dosing.MgPerKg(decimal.Parse(mg, inv), decimal.Parse(kg, inv)).ShouldBe(decimal.Parse(expected, inv));
    }

    [Fact]
    public void Mg_per_kg_rounds_a_midpoint_away_from_zero_not_to_even()
    {
        // 0.0625 / 1 at three decimals: banker's rounding would give 0.062.
        Dosing.MgPerKg(0.0625m, 1m).ShouldBe(0.063m);
    }

    [Theory]
    [InlineData(null, "70")]
    [InlineData("35", null)]
    [InlineData("35", "0")]
    [InlineData("35", "-70")]
    public void Mg_per_kg_is_unknown_without_a_dose_or_a_positive_weight(string? mg, string? kg)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Dosing.MgPerKg(mg is null ? null : decimal.Parse(mg, inv), kg is null ? null : decimal.Parse(kg, inv)).ShouldBeNull();
    }

    [Fact]
    public void A_visit_shows_the_same_mg_per_kg_as_the_rule()
    {
        new Visit { DoseMg = 40m, WeightKg = 75m }.DoseMgPerKg.ShouldBe(Dosing.MgPerKg(40m, 75m));
    }
}
