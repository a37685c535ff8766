using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Common;

[Trait("Category", "Unit")]
public class Icd10Tests
{
    [Theory]
    [InlineData("F33.1")]   // MDD, recurrent, moderate
    [InlineData("F32.A")]   // MDD, single episode, unspecified (letter after the dot)
    [InlineData("F32.9")]
    [InlineData("F41.1")]   // GAD
    [InlineData("F43.10")]  // PTSD
    [InlineData("F42.2")]   // OCD
    [InlineData("G90.50")]  // CRPS I
    [InlineData("G89.4")]   // chronic pain syndrome
    [InlineData("M79.7")]   // fibromyalgia
    [InlineData("R45.851")] // suicidal ideation
    [InlineData("F10")]     // category only, no dot
    [InlineData("S72.001A")] // four characters after the dot (the maximum)
    public void Codes_from_the_clinic_list_are_valid_and_keep_their_form(string code)
    {
        Icd10.IsValid(code).ShouldBeTrue();
        Icd10.Normalize(code).ShouldBe(code);
    }

    [Theory]
    [InlineData("F4310", "F43.10")]
    [InlineData("F331", "F33.1")]
    [InlineData("R45851", "R45.851")]
    [InlineData("G9050", "G90.50")]
    [InlineData("f33.1", "F33.1")]
    [InlineData("f32.a", "F32.A")]
    [InlineData("m797", "M79.7")]
    [InlineData("  F41.1  ", "F41.1")]
    [InlineData("\tg90.50\n", "G90.50")]
    public void Normalize_upper_cases_trims_and_puts_the_dot_after_the_third_character(string input, string expected)
    {
        Icd10.Normalize(input).ShouldBe(expected);
        Icd10.IsValid(input).ShouldBeTrue();
    }

    [Theory]
    [InlineData("F43.10")]
    [InlineData("f4310")]
    [InlineData("R45.851")]
    public void Normalizing_twice_gives_the_same_code(string input)
    {
        var once = Icd10.Normalize(input);
        Icd10.Normalize(once).ShouldBe(once);
    }

    [Theory]
    [InlineData("F3")]          // too short
    [InlineData("F")]
    [InlineData("33.1")]        // no leading letter
    [InlineData("3F3.1")]
    [InlineData("FF3.1")]       // second character must be a digit
    [InlineData("F33.")]        // dot with nothing after it
    [InlineData("F33.12345")]   // five characters after the dot
    [InlineData("F3312345")]
    [InlineData("F33..1")]
    [InlineData("F3.31")]       // dot in the wrong place
    [InlineData("F33-1")]
    [InlineData("F33 1")]
    [InlineData("F33.1!")]
    [InlineData("É33.1")]       // not an A–Z letter
    public void Malformed_codes_are_refused(string code)
    {
        Icd10.IsValid(code).ShouldBeFalse();
        Icd10.Normalize(code).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_is_not_a_code(string? code)
    {
        Icd10.Normalize(code).ShouldBeNull();
        Icd10.IsValid(code).ShouldBeFalse();
    }
}
