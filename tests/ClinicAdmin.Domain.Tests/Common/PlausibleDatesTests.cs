using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Staff;

namespace ClinicAdmin.Domain.Tests.Common;

/// <summary>Year 1 and 9999 pass a date picker; the hostile-input pass found them stored on staff and incidents.</summary>
[Trait("Category", "Unit")]
public class PlausibleDatesTests
{
    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("2099-12-31", true)]
    [InlineData("2026-06-15", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2100-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void Only_dates_from_1900_to_2099_are_plausible(string date, bool plausible)
    {
        PlausibleDates.IsPlausible(DateOnly.Parse(date)).ShouldBe(plausible);
        (PlausibleDates.Problem(DateOnly.Parse(date), "The date") is null).ShouldBe(plausible);
    }

    [Fact]
    public void A_missing_date_is_not_a_problem() => PlausibleDates.Problem(null, "The date").ShouldBeNull();

    private static StaffMember Nurse() => new() { FirstName = "Jenna", LastName = "Okafor", Title = "Infusion Nurse", StartDate = new DateOnly(2024, 5, 1) };

    [Fact]
    public void A_staff_member_with_a_start_end_or_license_date_in_year_1_or_9999_breaks_a_rule()
    {
        var s = Nurse();
        s.RuleViolations().ShouldBeEmpty();
        s.StartDate = DateOnly.MinValue;
        s.EndDate = DateOnly.MaxValue;
        s.LicenseExpiresOn = new DateOnly(9999, 12, 31);
        s.RuleViolations().Select(v => v.Field).ShouldBe(["StartDate", "EndDate", "LicenseExpiresOn"], ignoreOrder: true);
    }

    [Fact]
    public void A_last_day_in_year_9999_is_refused()
    {
        var s = Nurse();
        Should.Throw<DomainException>(() => s.Deactivate(new DateOnly(9999, 12, 31))).Field.ShouldBe("EndDate");
        s.EndDate.ShouldBeNull();
    }

    [Fact]
    public void An_incident_in_year_1_breaks_a_rule()
    {
        var now = new DateTime(2026, 6, 15, 17, 0, 0, DateTimeKind.Utc);
        var i = new Incident { Description = "Nausea.", OccurredAt = new DateTime(1, 1, 1, 5, 51, 0, DateTimeKind.Utc) };
        i.RuleViolations(now).Select(v => v.Field).ShouldContain(nameof(Incident.OccurredAt));
        i.OccurredAt = now.AddHours(-1);
        i.RuleViolations(now).ShouldBeEmpty();
    }
}
