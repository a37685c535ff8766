using ClinicAdmin.Domain.Patients;

namespace ClinicAdmin.Domain.Tests.Patients;

[Trait("Category", "Unit")]
public class PatientRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    [InlineData(null)] [InlineData("0.1")] [InlineData("72.5")] [InlineData("400")]
    public void Weights_above_0_up_to_400_kg_are_accepted(string? kg) =>
        PatientRules.WeightProblem(kg is null ? null : decimal.Parse(kg, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeNull();

    [Theory]
    [InlineData("0", "more than 0")]
    [InlineData("-5", "more than 0")]
    [InlineData("400.1", "400 kg")]
    [InlineData("700", "400 kg")]
    [InlineData("72.55", "one decimal")]
    public void Impossible_weights_are_refused(string kg, string message) =>
        PatientRules.WeightProblem(decimal.Parse(kg, System.Globalization.CultureInfo.InvariantCulture))!.ShouldContain(message);

    [Fact]
    public void A_date_of_birth_is_not_in_the_future_nor_more_than_120_years_ago()
    {
        PatientRules.DateOfBirthProblem(Today, Today).ShouldBeNull();
        PatientRules.DateOfBirthProblem(Today.AddDays(1), Today)!.ShouldContain("future");
        PatientRules.DateOfBirthProblem(Today.AddYears(-121), Today)!.ShouldContain("120 years");
    }

    [Fact]
    public void Violations_name_their_fields()
    {
        var p = new Patient { DateOfBirth = Today.AddDays(3), WeightKg = 0, Address = new() { State = "XX" }, InsuranceMemberId = "A1" };
        PatientRules.Violations(p, Today).Select(v => v.Field)
            .ShouldBe(["FirstName", "LastName", "DateOfBirth", "WeightKg", "State", "InsurancePayer"]);
    }
}
