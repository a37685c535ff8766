using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Catalog;

[Trait("Category", "Unit")]
public class CatalogRulesTests
{
    private static readonly CatalogEntry[] Catalog =
    [
        new(1, "IV ketamine infusion", "96365", null),
        new(2, "Telehealth follow-up", "99214", "GT,95"),
        new(3, "Scopolamine infusion", "J3490", null),
        new(4, "Nitrous oxide", "99199", null),
    ];

    private static DomainException Refused(CatalogEntry candidate, string field)
    {
        var ex = Should.Throw<DomainException>(() => CatalogRules.EnsureUnique(candidate, Catalog));
        ex.Field.ShouldBe(field);
        return ex;
    }

    [Fact]
    public void A_second_service_with_the_same_code_and_modifiers_is_refused()
    {
        Refused(new CatalogEntry(0, "Another infusion", "96365", null), "BillingCode")
            .Message.ShouldContain("IV ketamine infusion");
    }

    [Fact]
    public void The_same_modifiers_in_another_order_are_the_same_combination()
    {
        Refused(new CatalogEntry(0, "Video visit", "99214", "95,gt"), "BillingCode");
    }

    [Fact]
    public void A_code_typed_in_lower_case_still_collides()
    {
        Refused(new CatalogEntry(0, "Video visit", "99214 ", "GT,95"), "BillingCode");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("25")]
    [InlineData("GT")]
    public void The_same_code_with_different_modifiers_is_another_item(string? modifiers)
    {
        CatalogRules.EnsureUnique(new CatalogEntry(0, "Follow-up variant", "99214", modifiers), Catalog);
    }

    [Theory]
    [InlineData("J3490")]
    [InlineData("J3590")]
    [InlineData("J8499")]
    [InlineData("99199")]
    public void Unlisted_codes_may_be_shared_by_several_add_ons(string code)
    {
        CatalogRules.EnsureUnique(new CatalogEntry(0, "IV vitamins", code, null), Catalog);
    }

    [Fact]
    public void Editing_a_service_does_not_collide_with_itself()
    {
        CatalogRules.EnsureUnique(new CatalogEntry(1, "IV ketamine infusion (mood)", "96365", null), Catalog);
    }

    [Fact]
    public void Two_items_with_the_same_name_are_refused_even_on_a_shared_code()
    {
        Refused(new CatalogEntry(0, " scopolamine INFUSION ", "J3490", null), "Name")
            .Message.ShouldContain("Scopolamine infusion");
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("1")]
    [InlineData("2.5")]
    [InlineData("100")]
    public void Default_units_between_a_hundredth_and_100_are_accepted(string units)
    {
        CatalogRules.CheckDefaultUnits(decimal.Parse(units, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100.01")]
    [InlineData("1.005")]
    public void Other_default_units_are_refused(string units)
    {
        Should.Throw<DomainException>(() => CatalogRules.CheckDefaultUnits(decimal.Parse(units, System.Globalization.CultureInfo.InvariantCulture)))
            .Field.ShouldBe("DefaultUnits");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(240)]
    [InlineData(600)]
    public void A_duration_is_optional_and_at_most_ten_hours(int? minutes)
    {
        CatalogRules.CheckDefaultDuration(minutes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(601)]
    public void Other_durations_are_refused(int minutes)
    {
        Should.Throw<DomainException>(() => CatalogRules.CheckDefaultDuration(minutes)).Field.ShouldBe("DefaultDurationMinutes");
    }
}
