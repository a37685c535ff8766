using ClinicAdmin.Domain.Patients;

namespace ClinicAdmin.Domain.Tests.Patients;

[Trait("Category", "Unit")]
public class MedicalRecordNumberTests
{
    [Theory]
    [InlineData(null, "MRN-100000")]
    [InlineData("MRN-100000", "MRN-100001")]
    [InlineData("MRN-100627", "MRN-100628")]
    [InlineData("MRN-000042", "MRN-100000")]   // never below the first number
    [InlineData("MRN-999999", "MRN-1000000")]
    [InlineData("OLD-7", "MRN-100000")]        // an imported number of another form does not count
    public void The_next_number_follows_the_highest_issued(string? highest, string next)
    {
        MedicalRecordNumber.Next(highest).ShouldBe(next);
    }

    [Theory]
    [InlineData("MRN-100207", "MRN-100207")]
    [InlineData("mrn-100207", "MRN-100207")]
    [InlineData("mrn100207", "MRN-100207")]
    [InlineData("100207", "MRN-100207")]
    [InlineData(" 1002 ", "MRN-1002")]
    public void Typed_MRNs_become_a_search_prefix(string typed, string prefix)
    {
        MedicalRecordNumber.SearchPrefix(typed).ShouldBe(prefix);
    }

    [Theory]
    [InlineData("Smith")]
    [InlineData("1980-02-03")]
    [InlineData("MRN-")]
    [InlineData("")]
    [InlineData(null)]
    public void Names_dates_and_blanks_are_not_MRNs(string? typed)
    {
        MedicalRecordNumber.SearchPrefix(typed).ShouldBeNull();
    }
}
