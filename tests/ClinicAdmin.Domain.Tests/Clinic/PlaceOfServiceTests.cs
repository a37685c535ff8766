using ClinicAdmin.Domain.Clinic;

namespace ClinicAdmin.Domain.Tests.Clinic;

[Trait("Category", "Unit")]
public class PlaceOfServiceTests
{
    [Theory]
    [InlineData("11")]
    [InlineData("02")]
    [InlineData(" 10 ")]
    [InlineData("99")]
    public void Two_digit_codes_are_accepted(string code)
    {
        PlaceOfService.IsValid(code).ShouldBeTrue();
        PlaceOfService.Normalize(code).ShouldBe(code.Trim());
    }

    [Theory]
    [InlineData("2")]
    [InlineData("011")]
    [InlineData("00")]
    [InlineData("1A")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_codes_are_refused(string? code)
    {
        PlaceOfService.IsValid(code).ShouldBeFalse();
    }

    [Fact]
    public void Office_and_both_telehealth_codes_are_suggested()
    {
        PlaceOfService.Common.Select(p => p.Code).ShouldContain("11");
        PlaceOfService.Common.Select(p => p.Code).ShouldContain("02");
        PlaceOfService.Common.Select(p => p.Code).ShouldContain("10");
        PlaceOfService.Label("11").ShouldBe("Office");
    }
}
