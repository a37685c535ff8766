using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Common;

[Trait("Category", "Unit")]
public class MoneyTests
{
    // Expected values are what a person reads off a receipt: a half cent goes away from zero.
    // Banker's rounding (the .NET default) would give 0.12, 2.34 and 16.66 for the first rows.
    [Theory]
    [InlineData("0.125", "0.13")]
    [InlineData("2.345", "2.35")]
    [InlineData("16.665", "16.67")]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.125", "-0.13")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("2.344", "2.34")]
    [InlineData("2.3449", "2.34")]
    [InlineData("2.346", "2.35")]
    [InlineData("399", "399")]
    [InlineData("399.10", "399.10")]
    [InlineData("0", "0")]
    public void Round_goes_to_cents_half_away_from_zero(string amount, string expected)
    {
        Money.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("399", "1", "399")]
    [InlineData("399", "6", "2394")]
    [InlineData("399", "1.5", "598.5")]
    [InlineData("33.33", "0.5", "16.67")]   // 16.665 rounds up, not to even
    [InlineData("0.25", "0.5", "0.13")]     // 0.125 rounds up, not to even
    [InlineData("12.34", "3", "37.02")]
    [InlineData("19.99", "0.333", "6.66")]  // 6.65667 → 6.66
    public void LineTotal_is_unit_price_times_units_rounded_once(string unitPrice, string units, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Money.LineTotal(decimal.Parse(unitPrice, inv), decimal.Parse(units, inv)).ShouldBe(decimal.Parse(expected, inv));
    }

    [Fact]
    public void LineTotal_never_has_more_than_two_decimals()
    {
        for (var units = 0.001m; units <= 3m; units += 0.037m)
        {
            var total = Money.LineTotal(123.45m, units);
            (total * 100m).ShouldBe(decimal.Truncate(total * 100m), $"units {units}");
        }
    }
}
