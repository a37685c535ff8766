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
