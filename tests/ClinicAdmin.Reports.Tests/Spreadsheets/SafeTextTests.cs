using ClinicAdmin.Reports.Spreadsheets;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Reports.Tests.Spreadsheets;

[Trait("Category", "Unit")]
public sealed class SafeTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1")]
    public void Text_that_a_spreadsheet_would_run_is_prefixed_to_stay_text(string typed)
    {
        SafeText.LooksLikeFormula(typed).ShouldBeTrue();
        SafeText.Neutralize(typed).ShouldBe("'" + typed);
    }

    [Theory]
    [InlineData("Nausea after infusion")]
    [InlineData("1+1")]
    [InlineData("")]
    public void Ordinary_text_is_left_alone(string typed) => SafeText.Neutralize(typed).ShouldBe(typed);
}

[Trait("Category", "Unit")]
public sealed class SafeTextForCellTests
{
    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_and_what_remains_is_neutralised()
    {
        SafeText.ForCell("\u0001=1+1").ShouldBe("'=1+1");
        SafeText.ForCell("a\u0000b\u001Fc\uFFFEd").ShouldBe("abcd");
        SafeText.ForCell("tab\tnew\nline").ShouldBe("tab\tnew\nline");
        SafeText.ForCell(null).ShouldBe("");
    }

    [Fact]
    public void Surrogate_pairs_stay_and_lone_surrogates_go()
    {
        SafeText.ForCell("ok \ud83d\ude00").ShouldBe("ok \ud83d\ude00");
        SafeText.ForCell("x\ud800y\udc00z").ShouldBe("xyz");
    }

    [Fact]
    public void Text_is_cut_to_the_cell_limit_without_splitting_a_pair()
    {
        SafeText.ForCell(new string('a', 40_000)).Length.ShouldBe(SafeText.MaxCellLength);
        var split = new string('a', SafeText.MaxCellLength - 1) + "\ud83d\ude00";
        SafeText.ForCell(split).ShouldBe(new string('a', SafeText.MaxCellLength - 1));
    }
}
