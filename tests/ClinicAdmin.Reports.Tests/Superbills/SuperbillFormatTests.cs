using System.Globalization;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Reports.Superbills;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Reports.Tests.Superbills;

[Trait("Category", "Unit")]
public sealed class SuperbillFormatTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    [InlineData("")]
    public void Money_units_and_dates_are_formatted_the_us_way_in_any_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            SuperbillFormat.Money(1234.5m).ShouldBe("$1,234.50");
            SuperbillFormat.Money(0m).ShouldBe("$0.00");
            SuperbillFormat.Money(1234567.891m).ShouldBe("$1,234,567.89");
            SuperbillFormat.Money(-20m).ShouldBe("-$20.00");
            SuperbillFormat.Date(new DateOnly(2025, 3, 4), DateStyle.UnitedStates).ShouldBe("03/04/2025");
            SuperbillFormat.Units(1m).ShouldBe("1");
            SuperbillFormat.Units(1.5m).ShouldBe("1.5");
            SuperbillFormat.Period(new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 13), DateStyle.UnitedStates).ShouldBe("01/06/2025 – 01/13/2025");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(DateStyle.UnitedStates, "03/14/2025", "01/06/2025 – 01/13/2025")]
    [InlineData(DateStyle.International, "14/03/2025", "06/01/2025 – 13/01/2025")]
    [InlineData(DateStyle.Iso, "2025-03-14", "2025-01-06 – 2025-01-13")]
    public void Dates_follow_the_clinic_style(DateStyle style, string date, string period)
    {
        SuperbillFormat.Date(new DateOnly(2025, 3, 14), style).ShouldBe(date);
        SuperbillFormat.Period(new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 13), style).ShouldBe(period);
    }

    [Fact]
    public void The_document_number_shows_the_version_from_the_second_one_on()
    {
        SuperbillFormat.DocumentNumber(SuperbillSamples.Typical()).ShouldBe("SB-2025-000042");
        SuperbillFormat.DocumentNumber(SuperbillSamples.Typical() with { Version = 2 }).ShouldBe("SB-2025-000042 (version 2)");
    }

    [Fact]
    public void The_insurer_statement_says_whether_the_patient_paid_in_full_or_in_part()
    {
        SuperbillText.InsurerStatement(SuperbillSamples.WithLines(3)).ShouldStartWith("The patient has paid the charges above in full ($604.00)");
        SuperbillText.InsurerStatement(SuperbillSamples.Typical()).ShouldStartWith("The patient has paid $1,234.50 of the $1,417.00 charged above");
    }
}
