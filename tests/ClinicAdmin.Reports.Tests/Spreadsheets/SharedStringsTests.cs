using ClinicAdmin.Reports.Spreadsheets;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Reports.Tests.Spreadsheets;

[Trait("Category", "Unit")]
public sealed class SharedStringsTests
{
    [Fact]
    public void A_repeated_label_is_stored_once_and_counted_every_time()
    {
        var table = new SharedStrings();
        table.TryGetIndex("IV", out var first).ShouldBeTrue();
        table.TryGetIndex("IM", out var second).ShouldBeTrue();
        table.TryGetIndex("IV", out var again).ShouldBeTrue();
        (first, second, again).ShouldBe((0, 1, 0));
        table.Count.ShouldBe(2);
        table.References.ShouldBe(3);
    }

    [Fact]
    public void The_table_stops_growing_at_its_bound_and_long_text_is_never_shared()
    {
        var table = new SharedStrings();
        for (var i = 0; i < SharedStrings.MaxEntries; i++) table.TryGetIndex("MRN-" + i, out _).ShouldBeTrue();
        table.TryGetIndex("one more", out _).ShouldBeFalse();
        table.TryGetIndex("MRN-7", out var known).ShouldBeTrue();
        known.ShouldBe(7);
        table.Count.ShouldBe(SharedStrings.MaxEntries);
        new SharedStrings().TryGetIndex(new string('x', SharedStrings.MaxLength + 1), out _).ShouldBeFalse();
    }
}
