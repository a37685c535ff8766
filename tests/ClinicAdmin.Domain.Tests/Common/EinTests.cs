using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Common;

[Trait("Category", "Unit")]
public class EinTests
{
    [Theory]
    [InlineData("12-3456789", "12-3456789")]
    [InlineData("123456789", "12-3456789")]
    [InlineData(" 98-7654321 ", "98-7654321")]
    [InlineData("00-0000000", "00-0000000")]
    public void Normalize_writes_an_EIN_as_NN_dash_NNNNNNN(string input, string expected)
    {
        Ein.Normalize(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("12-345678")]    // 8 digits
    [InlineData("12-34567890")]  // 10 digits
    [InlineData("1-23456789")]   // dash in the wrong place
    [InlineData("123-456789")]
    [InlineData("12--3456789")]
    [InlineData("12 3456789")]
    [InlineData("AB-3456789")]
    [InlineData("12-345678X")]
    [InlineData("12-3456789-")]
    public void Malformed_EINs_are_refused(string input)
    {
        Ein.Normalize(input).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_is_not_an_EIN(string? input)
    {
        Ein.Normalize(input).ShouldBeNull();
    }
}
