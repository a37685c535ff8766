using ClinicAdmin.Domain.Tests.Support;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Tests.Visits;

[Trait("Category", "Unit")]
public class SessionNumberingTests
{
    private static readonly DateTime Day1 = new(2026, 6, 1, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Sessions_are_numbered_by_arrival_and_only_changed_visits_are_reported()
    {
        var a = new Visit { StartedAt = Day1, SessionNumber = 1 }.WithId(1);
        var b = new Visit { StartedAt = Day1.AddDays(4), SessionNumber = 2 }.WithId(2);
        var late = new Visit { StartedAt = Day1.AddDays(2) };   // entered late, between the two

        var changed = SessionNumbering.Renumber([a, b, late]);

        (a.SessionNumber, late.SessionNumber, b.SessionNumber).ShouldBe((1, 2, 3));
        changed.ShouldBe([late, b], ignoreOrder: true);
    }

    [Fact]
    public void Two_visits_at_the_same_moment_keep_their_saved_order()
    {
        var saved = new Visit { StartedAt = Day1 }.WithId(7);
        var added = new Visit { StartedAt = Day1 };
        SessionNumbering.Renumber([added, saved]);
        (saved.SessionNumber, added.SessionNumber).ShouldBe((1, 2));
    }

    [Fact]
    public void The_number_at_a_moment_counts_the_earlier_and_simultaneous_visits()
    {
        SessionNumbering.NumberAt(Day1.AddDays(3), [Day1, Day1.AddDays(2), Day1.AddDays(5)]).ShouldBe(3);
        SessionNumbering.NumberAt(Day1, []).ShouldBe(1);
    }
}

[Trait("Category", "Unit")]
public class SessionNumberingAfterMoveTests
{
    private static readonly DateTime Day1 = new(2026, 6, 1, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_visit_moved_to_another_course_is_numbered_there_and_closes_the_gap_it_left()
    {
        var a1 = new Visit { TreatmentCourseId = 1, StartedAt = Day1, SessionNumber = 1 }.WithId(1);
        var moved = new Visit { TreatmentCourseId = 2, StartedAt = Day1.AddDays(2), SessionNumber = 2 }.WithId(2);   // was session 2 of course 1
        var a3 = new Visit { TreatmentCourseId = 1, StartedAt = Day1.AddDays(4), SessionNumber = 3 }.WithId(3);
        var b1 = new Visit { TreatmentCourseId = 2, StartedAt = Day1.AddDays(5), SessionNumber = 1 }.WithId(4);

        var changed = SessionNumbering.AfterMove(moved, leftCourse: 1, [a1, a3, b1, moved]);

        (a1.SessionNumber, a3.SessionNumber).ShouldBe((1, 2));
        (moved.SessionNumber, b1.SessionNumber).ShouldBe((1, 2));
        changed.ShouldBe([a3, moved, b1], ignoreOrder: true);
    }

    [Fact]
    public void A_visit_taken_out_of_its_course_has_no_session_number_and_the_course_is_renumbered()
    {
        var first = new Visit { TreatmentCourseId = 1, StartedAt = Day1, SessionNumber = 1 }.WithId(1);
        var second = new Visit { TreatmentCourseId = 1, StartedAt = Day1.AddDays(3), SessionNumber = 2 }.WithId(2);
        first.TreatmentCourseId = null;

        SessionNumbering.AfterMove(first, leftCourse: 1, [second]);

        first.SessionNumber.ShouldBeNull();
        second.SessionNumber.ShouldBe(1);
    }

    [Fact]
    public void A_new_visit_entered_late_takes_its_place_in_the_course()
    {
        var first = new Visit { TreatmentCourseId = 1, StartedAt = Day1, SessionNumber = 1 }.WithId(1);
        var third = new Visit { TreatmentCourseId = 1, StartedAt = Day1.AddDays(6), SessionNumber = 2 }.WithId(2);
        var late = new Visit { TreatmentCourseId = 1, StartedAt = Day1.AddDays(3) };

        SessionNumbering.AfterMove(late, leftCourse: null, [first, third]);

        (first.SessionNumber, late.SessionNumber, third.SessionNumber).ShouldBe((1, 2, 3));
    }
}
