using ClinicAdmin.Reports.Superbills;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Reports.Tests.Superbills;

[Trait("Category", "Unit")]
public sealed class SuperbillProblemsTests
{
    private readonly SuperbillGenerator _generator = new();

    [Fact]
    public void A_complete_superbill_has_no_problems()
    {
        SuperbillSamples.Typical().Problems().ShouldBeEmpty();
        SuperbillSamples.WithLines(120).Problems().ShouldBeEmpty();
    }

    [Fact]
    public void Missing_npi_diagnosis_and_tax_id_are_refused_with_each_one_listed()
    {
        var model = SuperbillSamples.Typical() with
        {
            Clinic = SuperbillSamples.Clinic() with { TaxId = "" },
            Providers = [SuperbillSamples.Physician with { Npi = "" }, SuperbillSamples.NursePractitioner],
            Diagnoses = [],
        };

        var refused = Should.Throw<SuperbillIncompleteException>(() => _generator.Generate(model));

        refused.DocumentNumber.ShouldBe("SB-2025-000042");
        refused.Problems.ShouldContain("The clinic Tax ID (EIN) is missing: set it in clinic settings.");
        refused.Problems.ShouldContain("Rendering provider Miriam Okafor has no NPI: add it on the staff record.");
        refused.Problems.ShouldContain("No diagnosis: at least one ICD-10-CM code is required.");
        refused.Message.ShouldStartWith("Superbill SB-2025-000042 cannot be issued until these");
        foreach (var problem in refused.Problems) refused.Message.ShouldContain("- " + problem);
    }

    [Fact]
    public void No_rendering_provider_no_group_npi_and_no_lines_are_each_reported()
    {
        var model = SuperbillSamples.Build([], amountPaid: 0) with
        {
            Providers = [],
            Clinic = SuperbillSamples.Clinic() with { GroupNpi = " " },
        };

        var problems = model.Problems();

        problems.ShouldContain(p => p.StartsWith("No rendering provider"));
        problems.ShouldContain("The clinic group NPI is missing: set it in clinic settings.");
        problems.ShouldContain("No service lines: there is nothing to bill.");
    }

    [Theory]
    [InlineData("1234567890", "the check digit is wrong")]
    [InlineData("12345", "an NPI is exactly 10 digits")]
    public void An_invalid_rendering_or_group_npi_is_refused(string npi, string reason)
    {
        var model = SuperbillSamples.Typical() with
        {
            Providers = [SuperbillSamples.Physician with { Npi = npi }, SuperbillSamples.NursePractitioner],
            Clinic = SuperbillSamples.Clinic() with { GroupNpi = npi },
        };

        var problems = model.Problems();

        problems.ShouldContain($"Rendering provider Miriam Okafor has an invalid NPI {npi} ({reason}).");
        problems.ShouldContain($"The clinic group NPI {npi} is not a valid NPI ({reason}).");
        // The physician's lines now point at an NPI that is not on the bill.
        problems.ShouldContain(p => p.StartsWith("Line 2 (96365, 01/08/2025): rendering provider NPI 1234567893 is not among the providers"));
    }

    [Fact]
    public void A_line_without_a_rendering_provider_npi_is_refused()
    {
        var lines = SuperbillSamples.TypicalLines().Select((l, i) => i == 0 ? l with { RenderingProviderNpi = "" } : l).ToList();
        var model = SuperbillSamples.Build(lines, 0);

        model.Problems().ShouldContain("Line 1 (90792, 01/06/2025) has no rendering provider NPI.");
    }

    [Fact]
    public void More_than_twelve_diagnoses_do_not_fit_a_claim()
    {
        var thirteen = Enumerable.Range(0, 13).Select(i => new SuperbillDiagnosis($"F3{i % 10}.{i / 10}", "Diagnosis " + i)).DistinctBy(d => d.Code).ToList();
        thirteen.Count.ShouldBe(13);
        var model = SuperbillSamples.Typical() with { Diagnoses = thirteen };

        model.Problems().ShouldContain("13 diagnoses: a claim holds at most 12 (A–L).");
    }

    [Fact]
    public void A_pointer_to_a_diagnosis_letter_that_does_not_exist_is_refused()
    {
        var lines = SuperbillSamples.TypicalLines().Select((l, i) => i == 1 ? l with { DiagnosisPointers = "A,D" } : l).ToList();
        var model = SuperbillSamples.Build(lines, 0);

        model.Problems().ShouldBe(["Line 2 (96365, 01/08/2025) points to diagnosis D, which does not exist (diagnoses are A–C)."]);
    }

    [Theory]
    [InlineData("", "points to no diagnosis")]
    [InlineData("A,B,C,A,B,C,1", "diagnosis pointer \"1\" is not a letter A–L")]
    [InlineData("M", "diagnosis pointer \"M\" is not a letter A–L")]
    public void Pointers_must_be_one_to_four_letters(string pointers, string expected)
    {
        var lines = SuperbillSamples.TypicalLines().Select((l, i) => i == 0 ? l with { DiagnosisPointers = pointers } : l).ToList();

        SuperbillSamples.Build(lines, 0).Problems().ShouldContain(p => p.StartsWith("Line 1 (90792, 01/06/2025)") && p.Contains(expected));
    }

    [Fact]
    public void Totals_that_do_not_match_the_lines_are_refused()
    {
        var model = SuperbillSamples.Typical() with { Totals = new SuperbillTotals(1400m, 1234.50m, 165.50m) };

        model.Problems().ShouldBe(["Total charges $1,400.00 do not match the sum of the lines $1,417.00."]);

        var badBalance = SuperbillSamples.Typical() with { Totals = new SuperbillTotals(1417m, 1234.50m, 0m) };
        badBalance.Problems().ShouldBe(["Balance $0.00 is not total charges minus amount paid ($182.50)."]);
    }

    [Fact]
    public void A_line_charge_must_be_units_times_unit_charge()
    {
        var lines = SuperbillSamples.TypicalLines().Select((l, i) => i == 3 ? l with { Charge = 3.5m } : l).ToList();
        var model = SuperbillSamples.Build(lines, 0);

        model.Problems().ShouldBe(["Line 4 (J2405, 01/08/2025): charge $3.50 is not units × unit charge (4 × $3.50)."]);
    }

    [Theory]
    [InlineData("F33.2", true)]
    [InlineData("F32.A", true)]
    [InlineData("G90.511", true)]
    [InlineData("R45851", true)]
    [InlineData("F3", false)]
    [InlineData("33.2", false)]
    [InlineData("F33.21234", false)]
    public void Diagnosis_codes_must_look_like_icd10_cm(string code, bool valid)
    {
        var model = SuperbillSamples.Typical() with { Diagnoses = [new(code, "Test"), new("F41.1", "Anxiety"), new("R45.851", "Ideation")] };

        model.Problems().Any(p => p.StartsWith("Diagnosis A")).ShouldBe(!valid);
    }

    [Fact]
    public void Place_of_service_code_and_modifiers_are_checked()
    {
        var lines = SuperbillSamples.TypicalLines()
            .Select((l, i) => i == 0 ? l with { PlaceOfService = "office", Code = "9079", Modifiers = ["GT", "5"] } : l).ToList();

        var problems = SuperbillSamples.Build(lines, 0).Problems();

        problems.ShouldContain(p => p.Contains("place of service \"office\" must be two digits"));
        problems.ShouldContain(p => p.Contains("\"9079\" is not a CPT/HCPCS code"));
        problems.ShouldContain(p => p.Contains("modifier \"5\" is not two letters or digits"));
    }

    [Fact]
    public void Pointers_are_read_in_any_usual_spelling_and_printed_as_a_comma_list()
    {
        SuperbillModel.ParsePointers("a, b", out var invalid).ShouldBe(['A', 'B']);
        invalid.ShouldBeNull();
        SuperbillFormat.Pointers("ABC").ShouldBe("A,B,C");
        SuperbillFormat.Pointers("C;A").ShouldBe("C,A");
        SuperbillModel.DiagnosisLetter(11).ShouldBe('L');
    }
}
