using ClinicAdmin.Domain.Staff;

namespace ClinicAdmin.Domain.Tests.Staff;

[Trait("Category", "Unit")]
public class StaffMemberTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private const string ValidNpi = "1234567893"; // CMS published example

    private static StaffMember NursePractitioner() => new()
    {
        FirstName = "Dana", LastName = "Whitcombe", Credentials = "MSN, PMHNP-BC",
        Title = "Psychiatric Nurse Practitioner", IsRenderingProvider = true,
        Npi = ValidNpi, LicenseNumber = "APRN-0001", LicenseState = "TX", LicenseExpiresOn = Today.AddYears(1),
        StartDate = new DateOnly(2023, 1, 9),
    };

    // ---- BillingProblems ------------------------------------------------------------------

    [Fact]
    public void A_rendering_provider_with_a_valid_NPI_and_current_license_has_no_billing_problems()
    {
        NursePractitioner().BillingProblems(Today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_rendering_provider_without_an_NPI_is_a_billing_problem(string? npi)
    {
        var s = NursePractitioner();
        s.Npi = npi;

        s.BillingProblems(Today).ShouldBe(["Rendering provider without an NPI."]);
    }

    [Theory]
    [InlineData("1234567890")]  // ten digits, wrong check digit
    [InlineData("1234567839")]  // two digits swapped
    public void A_rendering_provider_whose_NPI_fails_the_check_digit_is_a_billing_problem(string npi)
    {
        var s = NursePractitioner();
        s.Npi = npi;

        s.BillingProblems(Today).ShouldHaveSingleItem().ShouldContain("check digit is wrong");
    }

    [Theory]
    [InlineData("123456789")]    // nine digits
    [InlineData("12345678930")]  // eleven digits
    [InlineData("12345678AB")]
    [InlineData(" ")]
    public void A_rendering_provider_whose_NPI_is_not_ten_digits_is_told_so_not_about_the_check_digit(string npi)
    {
        var s = NursePractitioner();
        s.Npi = npi;

        var problem = s.BillingProblems(Today).ShouldHaveSingleItem();

        problem.ShouldContain("10 digits");
        problem.ShouldNotContain("check digit");
    }

    [Fact]
    public void An_expired_license_is_a_billing_problem_with_its_date()
    {
        var s = NursePractitioner();
        s.LicenseExpiresOn = Today.AddDays(-1);

        s.BillingProblems(Today).ShouldBe(["License expired on 2025-06-14."]);
    }

    [Fact]
    public void A_license_expiring_today_is_still_valid_today()
    {
        var s = NursePractitioner();
        s.LicenseExpiresOn = Today;

        s.BillingProblems(Today).ShouldBeEmpty();
        s.BillingProblems(Today.AddDays(1)).ShouldHaveSingleItem().ShouldContain("expired");
    }

    [Fact]
    public void A_missing_NPI_and_an_expired_license_are_both_reported()
    {
        var s = NursePractitioner();
        s.Npi = null;
        s.LicenseExpiresOn = Today.AddMonths(-2);

        var problems = s.BillingProblems(Today).ToList();

        problems.Count.ShouldBe(2);
        problems.ShouldContain("Rendering provider without an NPI.");
        problems.ShouldContain(p => p.StartsWith("License expired on"));
    }

    [Fact]
    public void No_license_expiry_on_file_is_not_reported_as_expired()
    {
        var s = NursePractitioner();
        s.LicenseExpiresOn = null;

        s.BillingProblems(Today).ShouldBeEmpty();
    }

    [Fact]
    public void Staff_who_do_not_render_services_have_no_billing_problems()
    {
        var manager = new StaffMember
        {
            FirstName = "Rowan", LastName = "Pell", Title = "Office Manager", IsRenderingProvider = false,
            Npi = null, LicenseExpiresOn = Today.AddYears(-3),
        };

        manager.BillingProblems(Today).ShouldBeEmpty();
    }

    // ---- LicenseExpiresWithin -------------------------------------------------------------

    [Theory]
    [InlineData(0, 30, true)]    // expires today
    [InlineData(29, 30, true)]
    [InlineData(30, 30, true)]   // exactly at the edge of the window
    [InlineData(31, 30, false)]
    [InlineData(-5, 30, true)]   // already expired is within any window
    [InlineData(90, 60, false)]
    [InlineData(0, 0, true)]
    [InlineData(1, 0, false)]
    public void LicenseExpiresWithin_includes_the_last_day_of_the_window(int expiresInDays, int window, bool expected)
    {
        var s = NursePractitioner();
        s.LicenseExpiresOn = Today.AddDays(expiresInDays);

        s.LicenseExpiresWithin(Today, window).ShouldBe(expected);
    }

    [Fact]
    public void A_license_with_no_expiry_on_file_never_expires_within_a_window()
    {
        var s = NursePractitioner();
        s.LicenseExpiresOn = null;

        s.LicenseExpiresWithin(Today, 3650).ShouldBeFalse();
    }

    // ---- IsAvailableAt --------------------------------------------------------------------

    private static StaffMember Therapist()
    {
        var s = new StaffMember { FirstName = "Ines", LastName = "Corvo", Title = "Therapist" };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })
            s.Availability.Add(new WeeklyAvailability { Day = day, Start = new TimeOnly(9, 0), End = new TimeOnly(21, 0) });
        return s;
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, 9, 0, true)]     // the start is included
    [InlineData(DayOfWeek.Monday, 12, 30, true)]
    [InlineData(DayOfWeek.Wednesday, 20, 59, true)]
    [InlineData(DayOfWeek.Friday, 21, 0, false)]   // the end is excluded
    [InlineData(DayOfWeek.Friday, 8, 59, false)]
    [InlineData(DayOfWeek.Tuesday, 12, 0, false)]
    [InlineData(DayOfWeek.Saturday, 12, 0, false)]
    [InlineData(DayOfWeek.Sunday, 10, 0, false)]
    public void Availability_is_Monday_Wednesday_Friday_from_9_until_21(DayOfWeek day, int hour, int minute, bool expected)
    {
        Therapist().IsAvailableAt(day, new TimeOnly(hour, minute)).ShouldBe(expected);
    }

    [Fact]
    public void Two_slots_on_one_day_leave_the_gap_between_them_unavailable()
    {
        var s = new StaffMember();
        s.Availability.Add(new WeeklyAvailability { Day = DayOfWeek.Tuesday, Start = new TimeOnly(8, 0), End = new TimeOnly(12, 0) });
        s.Availability.Add(new WeeklyAvailability { Day = DayOfWeek.Tuesday, Start = new TimeOnly(13, 0), End = new TimeOnly(17, 0) });

        s.IsAvailableAt(DayOfWeek.Tuesday, new TimeOnly(11, 59)).ShouldBeTrue();
        s.IsAvailableAt(DayOfWeek.Tuesday, new TimeOnly(12, 30)).ShouldBeFalse();
        s.IsAvailableAt(DayOfWeek.Tuesday, new TimeOnly(13, 0)).ShouldBeTrue();
    }

    [Fact]
    public void Someone_without_availability_is_never_available()
    {
        new StaffMember().IsAvailableAt(DayOfWeek.Monday, new TimeOnly(10, 0)).ShouldBeFalse();
    }

    // ---- IsActiveOn -----------------------------------------------------------------------

    [Theory]
    [InlineData("2023-01-08", false)]  // day before starting
    [InlineData("2023-01-09", true)]   // first day
    [InlineData("2024-06-01", true)]
    [InlineData("2025-03-31", true)]   // last day
    [InlineData("2025-04-01", false)]  // day after leaving
    public void Staff_are_active_from_their_start_date_to_their_end_date_inclusive(string day, bool expected)
    {
        var s = new StaffMember { StartDate = new DateOnly(2023, 1, 9), EndDate = new DateOnly(2025, 3, 31) };

        s.IsActiveOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void Staff_without_an_end_date_stay_active()
    {
        var s = new StaffMember { StartDate = new DateOnly(2023, 1, 9) };

        s.IsActiveOn(new DateOnly(2023, 1, 8)).ShouldBeFalse();
        s.IsActiveOn(new DateOnly(2040, 1, 1)).ShouldBeTrue();
    }

    // ---- DisplayName ----------------------------------------------------------------------

    [Fact]
    public void The_display_name_shows_credentials_after_the_name()
    {
        NursePractitioner().DisplayName.ShouldBe("Dana Whitcombe, MSN, PMHNP-BC");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_credentials_the_display_name_is_just_the_name(string credentials)
    {
        new StaffMember { FirstName = "Rowan", LastName = "Pell", Credentials = credentials }.DisplayName.ShouldBe("Rowan Pell");
    }

    // ---- the name on records ------------------------------------------------------------

    [Theory]
    [InlineData("MSN, PMHNP-BC", "Nora Provider, MSN, PMHNP-BC")]
    [InlineData("", "Nora Provider")]
    [InlineData("   ", "Nora Provider")]
    public void The_display_name_adds_credentials_when_there_are_any_and_the_query_form_agrees(string credentials, string expected)
    {
        var s = new StaffMember { FirstName = "Nora", LastName = "Provider", Credentials = credentials };

        s.DisplayName.ShouldBe(expected);
        StaffMember.NameWithCredentials("Nora", "Provider", credentials).ShouldBe(expected);
        StaffMember.DisplayNameQuery.Compile()(s).ShouldBe(expected);
    }

    // ---- StatusOn -------------------------------------------------------------------------

    [Theory]
    [InlineData("2023-01-09", null, StaffStatus.Active)]
    [InlineData("2025-06-16", null, StaffStatus.Upcoming)]           // starts tomorrow
    [InlineData("2023-01-09", "2025-06-30", StaffStatus.Leaving)]    // last day ahead: still working, but leaving
    [InlineData("2023-01-09", "2025-06-15", StaffStatus.Leaving)]    // today is the last day
    [InlineData("2023-01-09", "2025-06-14", StaffStatus.Inactive)]   // the day after the last day
    [InlineData("2025-07-01", "2025-09-30", StaffStatus.Upcoming)]   // hired with an end date, not yet started
    public void StatusOn_tells_upcoming_active_leaving_and_inactive_apart(string start, string? end, StaffStatus expected)
    {
        var s = NursePractitioner();
        s.StartDate = DateOnly.Parse(start);
        s.EndDate = end is null ? null : DateOnly.Parse(end);

        s.StatusOn(Today).ShouldBe(expected);
    }

    [Fact]
    public void Deactivating_with_a_future_last_day_makes_the_person_leaving_not_inactive()
    {
        var s = NursePractitioner();
        s.Deactivate(Today.AddDays(10));

        s.StatusOn(Today).ShouldBe(StaffStatus.Leaving);
        s.StatusOn(Today.AddDays(10)).ShouldBe(StaffStatus.Leaving);
        s.StatusOn(Today.AddDays(11)).ShouldBe(StaffStatus.Inactive);
    }

    // ---- NeedsLicenseRenewal ----------------------------------------------------------------

    [Theory]
    [InlineData(null, true)]            // staying: an expiry in 30 days needs renewing
    [InlineData(20, false)]             // leaves before the license lapses: no renewal asked for
    [InlineData(30, true)]              // still here on the expiry date itself
    [InlineData(45, true)]              // still here after it lapses
    public void A_license_needs_renewing_only_if_its_holder_is_still_here_when_it_lapses(int? lastDayInDays, bool expected)
    {
        var s = NursePractitioner();
        s.LicenseExpiresOn = Today.AddDays(30);
        s.EndDate = lastDayInDays is { } d ? Today.AddDays(d) : null;

        s.NeedsLicenseRenewal(Today, 60).ShouldBe(expected);
    }

    [Fact]
    public void A_license_far_from_expiry_needs_no_renewal_whoever_holds_it()
    {
        var s = NursePractitioner();
        s.LicenseExpiresOn = Today.AddDays(200);

        s.NeedsLicenseRenewal(Today, 60).ShouldBeFalse();
    }
}
