using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;

namespace ClinicAdmin.Domain.Tests.Patients;

[Trait("Category", "Unit")]
public class CommonDiagnosesTests
{
    [Fact]
    public void Every_listed_code_is_a_valid_normalised_ICD10_code_listed_once()
    {
        CommonDiagnoses.All.ShouldAllBe(e => Icd10.Normalize(e.Code) == e.Code && e.Description.Length > 0);
        CommonDiagnoses.All.Select(e => e.Code).Distinct().Count().ShouldBe(CommonDiagnoses.All.Count);
    }

    [Theory]
    [InlineData("F33.2")] [InlineData("F32.A")] [InlineData("F43.10")] [InlineData("F41.1")] [InlineData("F42.2")]
    [InlineData("G90.50")] [InlineData("M79.7")] [InlineData("G89.4")] [InlineData("R45.851")]
    public void The_clinic_codes_from_the_domain_notes_are_on_the_list(string code)
    {
        CommonDiagnoses.Find(code).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("f4310", "F43.10")]
    [InlineData(" r45851 ", "R45.851")]
    public void A_code_is_found_in_any_accepted_spelling(string typed, string code)
    {
        CommonDiagnoses.Find(typed)!.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("Z99.89")]
    [InlineData("F3")]
    [InlineData(null)]
    public void Codes_not_on_the_list_or_malformed_are_not_found(string? code)
    {
        CommonDiagnoses.Find(code).ShouldBeNull();
    }
}
