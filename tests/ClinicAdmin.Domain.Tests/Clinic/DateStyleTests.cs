using System.Globalization;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Clinic;

[Trait("Category", "Unit")]
public sealed class DateStyleTests
{
    private static readonly DateTime Afternoon = new(2026, 12, 7, 14, 30, 0);

    [Theory]
    [InlineData(DateStyle.UnitedStates, "12/07/2026", "2:30 PM", "12/07/2026 2:30 PM", "mm/dd/yyyy", "mm/dd/yyyy h:mm AM/PM", "en-US")]
    [InlineData(DateStyle.International, "07/12/2026", "14:30", "07/12/2026 14:30", "dd/mm/yyyy", "dd/mm/yyyy hh:mm", "en-GB")]
    [InlineData(DateStyle.Iso, "2026-12-07", "14:30", "2026-12-07 14:30", "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "en-CA")]
    public void Each_style_writes_dates_times_and_excel_formats_its_own_way(DateStyle style, string date, string time, string dateTime,
        string excelDate, string excelDateTime, string culture)
    {
        style.Date(DateOnly.FromDateTime(Afternoon)).ShouldBe(date);
        style.Date(Afternoon).ShouldBe(date);
        style.Time(Afternoon).ShouldBe(time);
        style.DateTime(Afternoon).ShouldBe(dateTime);
        style.ExcelDateFormat().ShouldBe(excelDate);
        style.ExcelDateTimeFormat().ShouldBe(excelDateTime);
        style.CultureName().ShouldBe(culture);
    }

    [Fact]
    public void The_server_culture_does_not_change_the_text()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            DateStyle.UnitedStates.DateTime(Afternoon).ShouldBe("12/07/2026 2:30 PM");
            DateStyle.International.Date(Afternoon).ShouldBe("07/12/2026");
        }
        finally { CultureInfo.CurrentCulture = previous; }
    }

    [Fact]
    public void The_default_is_the_US_style_and_every_style_has_a_label()
    {
        DateStyles.Default.ShouldBe(DateStyle.UnitedStates);
        new ClinicSettings().DateStyle.ShouldBe(DateStyle.UnitedStates);
        Vocabulary.Options<DateStyle>().Select(o => o.Label).ShouldBe(
            ["US: 12/31/2026, 2:30 PM", "International: 31/12/2026, 14:30", "ISO: 2026-12-31, 14:30"]);
    }

    [Theory]
    [InlineData(DateStyle.UnitedStates, "07/12/2026", 2026, 7, 12)]
    [InlineData(DateStyle.International, "07/12/2026", 2026, 12, 7)]
    [InlineData(DateStyle.UnitedStates, "7/4/1990", 1990, 7, 4)]
    [InlineData(DateStyle.International, "4.7.1990", 1990, 7, 4)]
    [InlineData(DateStyle.International, "25-12-1980", 1980, 12, 25)]
    [InlineData(DateStyle.UnitedStates, "1980-12-25", 1980, 12, 25)]
    [InlineData(DateStyle.Iso, "1980-12-25", 1980, 12, 25)]
    public void A_typed_date_is_read_in_the_style_order_and_always_as_ISO(DateStyle style, string text, int y, int m, int d) =>
        style.ParseDate(text).ShouldBe(new DateOnly(y, m, d));

    [Theory]
    [InlineData(DateStyle.UnitedStates, "25/12/1980")]   // no 25th month: refused, not guessed as day-first
    [InlineData(DateStyle.International, "12/25/1980")]
    [InlineData(DateStyle.Iso, "12/25/1980")]
    [InlineData(DateStyle.UnitedStates, "Smith")]
    [InlineData(DateStyle.UnitedStates, " ")]
    public void What_is_not_a_date_in_the_style_is_null(DateStyle style, string text) => style.ParseDate(text).ShouldBeNull();
}
