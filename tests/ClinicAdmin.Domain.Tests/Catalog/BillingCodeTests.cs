using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Catalog;

[Trait("Category", "Unit")]
public class BillingCodeTests
{
    [Theory]
    [InlineData("96365", "96365")]   // CPT: IV infusion, first hour
    [InlineData("90792", "90792")]
    [InlineData("j3490", "J3490")]   // HCPCS, lower case typed
    [InlineData(" G2082 ", "G2082")]
    [InlineData("S0013", "S0013")]
    [InlineData("0591T", "0591T")]   // CPT Category III
    [InlineData("1040f", "1040F")]   // CPT Category II
    public void CPT_and_HCPCS_codes_are_accepted_and_upper_cased(string input, string expected)
    {
        BillingCode.Normalize(input).ShouldBe(expected);
        BillingCode.IsValid(input).ShouldBeTrue();
    }

    [Theory]
    [InlineData("9636")]      // 4 digits
    [InlineData("963650")]    // 6 digits
    [InlineData("J349")]      // letter + 3 digits
    [InlineData("J34900")]
    [InlineData("JJ349")]
    [InlineData("W1234")]     // HCPCS letters stop at V
    [InlineData("0591X")]
    [InlineData("96 365")]
    [InlineData("96365-25")]  // modifiers go in their own field
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_else_is_not_a_billing_code(string? input)
    {
        BillingCode.Normalize(input).ShouldBeNull();
        BillingCode.IsValid(input).ShouldBeFalse();
    }

    [Theory]
    [InlineData("25", "25")]
    [InlineData("gt, 95", "GT,95")]
    [InlineData(" jw ,kx,", "JW,KX")]
    [InlineData("95,GT", "95,GT")]      // order kept
    [InlineData("25,59,GT,95", "25,59,GT,95")]
    public void Modifiers_are_normalized_to_upper_case_comma_separated(string input, string expected)
    {
        BillingCode.NormalizeModifiers(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void No_modifiers_is_null(string? input)
    {
        BillingCode.NormalizeModifiers(input).ShouldBeNull();
    }

    [Theory]
    [InlineData("G", "not a modifier")]
    [InlineData("GTX", "not a modifier")]
    [InlineData("G-", "not a modifier")]
    [InlineData("GT 95", "not a modifier")]
    [InlineData("25,59,GT,95,JW", "At most 4")]
    [InlineData("GT,gt", "twice")]
    public void Bad_modifiers_are_refused_with_a_reason(string input, string message)
    {
        var ex = Should.Throw<DomainException>(() => BillingCode.NormalizeModifiers(input));
        ex.Field.ShouldBe("Modifiers");
        ex.Message.ShouldContain(message);
    }

    [Fact]
    public void Modifiers_compare_as_a_set()
    {
        BillingCode.SameModifiers("GT,95", "95,gt").ShouldBeTrue();
        BillingCode.SameModifiers(null, "").ShouldBeTrue();
        BillingCode.SameModifiers("GT", "GT,95").ShouldBeFalse();
        BillingCode.SameModifiers(null, "25").ShouldBeFalse();
    }

    [Theory]
    [InlineData("J3490", true)]
    [InlineData("j3590", true)]
    [InlineData("J8499", true)]
    [InlineData("99199", true)]
    [InlineData("96365", false)]
    [InlineData("J3475", false)]
    public void Only_the_unlisted_codes_are_shared(string code, bool shared)
    {
        BillingCode.IsSharedUnlisted(code).ShouldBe(shared);
    }
}
