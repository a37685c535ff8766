using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;

namespace ClinicAdmin.Domain.Tests.Staff;

[Trait("Category", "Unit")]
public class StaffMemberRulesTests
{
    private static StaffMember Valid() => new()
    {
        FirstName = "Dana", LastName = "Whitcombe", Credentials = "MSN, PMHNP-BC", Title = "Psychiatric Nurse Practitioner",
        IsRenderingProvider = true, Npi = "1234567893", LicenseState = "TX", StartDate = new DateOnly(2023, 1, 9),
    };

    private static string[] Fields(StaffMember s) => s.RuleViolations().Select(v => v.Field).ToArray();

    [Fact]
    public void A_complete_rendering_provider_breaks_no_rule()
    {
        Valid().RuleViolations().ShouldBeEmpty();
        Should.NotThrow(() => Valid().EnsureValid());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_rendering_provider_without_an_NPI_is_refused(string? npi)
    {
        var s = Valid();
        s.Npi = npi;

        var v = s.RuleViolations().ShouldHaveSingleItem();
        v.Field.ShouldBe("Npi");
        v.Message.ShouldContain("rendering provider");
        Should.Throw<DomainException>(() => s.EnsureValid()).Field.ShouldBe("Npi");
    }

    [Fact]
    public void Someone_who_does_not_render_services_needs_no_NPI()
    {
        var s = Valid();
        s.IsRenderingProvider = false;
        s.Npi = null;

        s.RuleViolations().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_NPI_with_a_wrong_check_digit_is_refused_even_for_non_rendering_staff(bool rendering)
    {
        var s = Valid();
        s.IsRenderingProvider = rendering;
        s.Npi = "1234567890";

        var v = s.RuleViolations().ShouldHaveSingleItem();
        v.Field.ShouldBe("Npi");
        v.Message.ShouldContain("check digit");
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("wi")]
    [InlineData("W1")]
    public void A_license_state_that_is_not_a_US_state_code_is_refused(string state)
    {
        var s = Valid();
        s.LicenseState = state;

        Fields(s).ShouldBe(["LicenseState"]);
    }

    [Fact]
    public void An_end_date_before_the_start_date_is_refused_but_the_same_day_is_fine()
    {
        var s = Valid();
        s.EndDate = s.StartDate.AddDays(-1);
        Fields(s).ShouldBe(["EndDate"]);

        s.EndDate = s.StartDate;
        s.RuleViolations().ShouldBeEmpty();
    }

    [Fact]
    public void Blank_names_and_title_are_each_reported()
    {
        var s = Valid();
        s.FirstName = " ";
        s.LastName = "";
        s.Title = "";

        Fields(s).ShouldBe(["FirstName", "LastName", "Title"]);
    }

    [Fact]
    public void Markup_in_a_name_is_not_a_rule_violation_it_is_stored_as_typed()
    {
        var s = Valid();
        s.FirstName = "<script>alert(1)</script>";

        s.RuleViolations().ShouldBeEmpty();
    }

    // ---- Deactivate / Reactivate -----------------------------------------------------------

    [Fact]
    public void Deactivating_sets_the_last_day_and_reactivating_clears_it()
    {
        var s = Valid();
        s.Deactivate(new DateOnly(2025, 3, 31));

        s.EndDate.ShouldBe(new DateOnly(2025, 3, 31));
        s.IsActiveOn(new DateOnly(2025, 4, 1)).ShouldBeFalse();

        s.Reactivate();
        s.EndDate.ShouldBeNull();
        s.IsActiveOn(new DateOnly(2025, 4, 1)).ShouldBeTrue();
    }

    [Fact]
    public void The_last_day_cannot_be_before_the_start_date()
    {
        var s = Valid();

        Should.Throw<DomainException>(() => s.Deactivate(s.StartDate.AddDays(-1))).Field.ShouldBe("EndDate");
        s.EndDate.ShouldBeNull();
    }

    // ---- Availability ----------------------------------------------------------------------

    private static WeeklySlot Slot(DayOfWeek d, int from, int to) => new(d, new TimeOnly(from, 0), new TimeOnly(to, 0));

    [Fact]
    public void Monday_Wednesday_Friday_9_to_21_is_accepted_and_stored()
    {
        var s = Valid();
        s.SetAvailability([Slot(DayOfWeek.Monday, 9, 21), Slot(DayOfWeek.Wednesday, 9, 21), Slot(DayOfWeek.Friday, 9, 21)]);

        s.Availability.Count.ShouldBe(3);
        s.IsAvailableAt(DayOfWeek.Wednesday, new TimeOnly(20, 0)).ShouldBeTrue();
    }

    [Fact]
    public void Several_slots_on_one_day_are_allowed_and_touching_slots_do_not_overlap()
    {
        StaffMember.AvailabilityProblems([Slot(DayOfWeek.Tuesday, 8, 12), Slot(DayOfWeek.Tuesday, 12, 14), Slot(DayOfWeek.Tuesday, 15, 18)])
            .ShouldBeEmpty();
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(17, 9)]
    public void A_slot_must_end_after_it_starts(int from, int to)
    {
        var p = StaffMember.AvailabilityProblems([Slot(DayOfWeek.Monday, 8, 9), Slot(DayOfWeek.Monday, from, to)]).ShouldHaveSingleItem();

        p.Index.ShouldBe(1);
        p.Field.ShouldBe("End");
    }

    [Fact]
    public void Overlapping_slots_on_the_same_day_are_refused_with_the_other_slot_named()
    {
        var p = StaffMember.AvailabilityProblems([Slot(DayOfWeek.Monday, 9, 13), Slot(DayOfWeek.Tuesday, 9, 13), Slot(DayOfWeek.Monday, 12, 17)])
            .ShouldHaveSingleItem();

        p.Index.ShouldBe(2);
        p.Message.ShouldContain("09:00\u201313:00");
    }

    [Fact]
    public void The_same_slot_twice_is_an_overlap()
    {
        StaffMember.AvailabilityProblems([Slot(DayOfWeek.Friday, 9, 17), Slot(DayOfWeek.Friday, 9, 17)]).ShouldHaveSingleItem().Index.ShouldBe(1);
    }

    [Fact]
    public void SetAvailability_refuses_an_overlap_and_leaves_the_schedule_unchanged()
    {
        var s = Valid();
        s.SetAvailability([Slot(DayOfWeek.Monday, 9, 17)]);

        Should.Throw<DomainException>(() => s.SetAvailability([Slot(DayOfWeek.Monday, 9, 12), Slot(DayOfWeek.Monday, 11, 15)]));

        s.Availability.ShouldHaveSingleItem().End.ShouldBe(new TimeOnly(17, 0));
    }

    [Fact]
    public void SetAvailability_keeps_unchanged_slot_objects_so_only_real_changes_are_audited()
    {
        var s = Valid();
        s.SetAvailability([Slot(DayOfWeek.Monday, 9, 17), Slot(DayOfWeek.Tuesday, 9, 17)]);
        var monday = s.Availability.Single(a => a.Day == DayOfWeek.Monday);

        s.SetAvailability([Slot(DayOfWeek.Monday, 9, 17), Slot(DayOfWeek.Thursday, 10, 14)]);

        s.Availability.Count.ShouldBe(2);
        s.Availability.ShouldContain(monday);
        s.Availability.ShouldNotContain(a => a.Day == DayOfWeek.Tuesday);
        s.Availability.ShouldContain(a => a.Day == DayOfWeek.Thursday && a.Start == new TimeOnly(10, 0));
    }

    [Fact]
    public void Slots_are_shown_as_24_hour_times_with_an_en_dash()
    {
        WeeklySlot.Format(new TimeOnly(9, 0), new TimeOnly(21, 0)).ShouldBe("09:00\u201321:00");
    }
}
