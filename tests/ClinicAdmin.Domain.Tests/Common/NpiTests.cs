using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Common;

[Trait("Category", "Unit")]
public class NpiTests
{
    // Check digits worked out by hand/independently with the CMS rule: Luhn over "80840" + the first nine digits.
    public static TheoryData<string, int> NineDigitsAndTheirCheckDigit => new()
    {
        { "123456789", 3 }, // the CMS published example: NPI 1234567893
        { "100000000", 4 },
        { "199999999", 2 },
        { "000000000", 6 },
        { "987654321", 3 },
        { "150000000", 9 },
        { "111111111", 2 },
        { "246813579", 5 },
    };

    [Fact]
    public void The_published_CMS_example_1234567893_is_valid()
    {
        Npi.IsValid("1234567893").ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(NineDigitsAndTheirCheckDigit))]
    public void CheckDigit_is_the_Luhn_digit_over_80840_and_the_first_nine_digits(string firstNine, int expected)
    {
        Npi.CheckDigit(firstNine).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(NineDigitsAndTheirCheckDigit))]
    public void An_NPI_ending_in_its_check_digit_is_valid(string firstNine, int checkDigit)
    {
        Npi.IsValid(firstNine + checkDigit).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(NineDigitsAndTheirCheckDigit))]
    public void Every_other_last_digit_is_refused(string firstNine, int checkDigit)
    {
        for (var d = 0; d <= 9; d++)
        {
            if (d == checkDigit) continue;
            Npi.IsValid(firstNine + d).ShouldBeFalse($"{firstNine}{d} has the wrong check digit");
        }
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("1234567894")]
    [InlineData("1234567839")] // two digits swapped: Luhn catches adjacent transpositions
    [InlineData("2234567893")] // one digit changed
    public void A_wrong_check_digit_is_refused(string npi)
    {
        Npi.IsValid(npi).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("123456789")]    // 9 digits
    [InlineData("12345678930")]  // 11 digits
    [InlineData("01234567893")]  // leading zero added
    public void Wrong_length_is_refused(string npi)
    {
        Npi.IsValid(npi).ShouldBeFalse();
    }

    [Theory]
    [InlineData("123456789O")]   // letter O for zero
    [InlineData("12345-6789")]
    [InlineData("123 456789")]
    [InlineData(" 123456789")]
    [InlineData("１２３４５６７８９３")] // full-width digits are digits to char.IsDigit, not ASCII
    [InlineData("١٢٣٤٥٦٧٨٩٣")] // Arabic-Indic digits
    public void Non_ASCII_digits_are_refused(string npi)
    {
        Npi.IsValid(npi).ShouldBeFalse();
    }

    [Fact]
    public void Null_is_not_a_valid_NPI()
    {
        Npi.IsValid(null).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("12345678A3")]
    public void Explain_says_ten_digits_when_the_shape_is_wrong(string? npi)
    {
        Npi.Explain(npi).ShouldContain("10 digits");
    }

    [Fact]
    public void Explain_says_check_digit_when_ten_digits_fail_the_check()
    {
        Npi.Explain("1234567890").ShouldContain("check digit");
    }
}
