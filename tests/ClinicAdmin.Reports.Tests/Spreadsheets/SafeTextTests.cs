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
