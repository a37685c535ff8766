using ClinicAdmin.Reports.Superbills;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Reports.Tests.Superbills;

/// <summary>Box 32 when a bill covers visits at several locations: a facility row above each run of lines rendered there.</summary>
[Trait("Category", "Unit")]
public sealed class SuperbillFacilityTests
{
    private static readonly SuperbillFacility Portland = new("PDX", "Bright Harbor Portland", new PostalAddress("2160 Larkspur Avenue", "Floor 2", "Portland", "OR", "97209"), "1457381923");
    private static readonly SuperbillFacility Salem = new("SLM", "Bright Harbor Salem", new PostalAddress("88 Capitol Street", null, "Salem", "OR", "97301"), null);

    private static SuperbillModel TwoSites()
    {
        var lines = SuperbillSamples.TypicalLines();
        // Lines 0-2 in Portland, 3-4 in Salem, 5 back in Portland: three runs, so three facility rows.
        string[] at = ["PDX", "PDX", "PDX", "SLM", "SLM", "PDX"];
        var model = SuperbillSamples.Typical();
        return model with { Facilities = [Portland, Salem], Lines = lines.Select((l, i) => l with { FacilityCode = at[i] }).ToList() };
    }

    [Fact]
    public void A_bill_over_two_locations_names_the_facility_above_each_run_of_lines()
    {
        var flat = PdfReadBack.FlatText(new SuperbillGenerator().GeneratePdf(TwoSites()));

        var pdx = "Service facility (32): Bright Harbor Portland · 2160 Larkspur Avenue, Floor 2, Portland, OR 97209 · NPI (32a) 1457381923";
        var slm = "Service facility (32): Bright Harbor Salem · 88 Capitol Street, Salem, OR 97301";
        flat.ShouldContain(pdx);
        flat.ShouldContain(slm);
        // In order: Portland, its first line's code; Salem before the Ondansetron line; Portland again before the telehealth line.
        var first = flat.IndexOf(pdx, StringComparison.Ordinal);
        var salem = flat.IndexOf(slm, StringComparison.Ordinal);
        var again = flat.IndexOf(pdx, salem, StringComparison.Ordinal);
        first.ShouldBeLessThan(flat.IndexOf("90792", StringComparison.Ordinal));
        salem.ShouldBeGreaterThan(flat.IndexOf("J3490", StringComparison.Ordinal));
        salem.ShouldBeLessThan(flat.IndexOf("J2405", StringComparison.Ordinal));
        again.ShouldBeGreaterThan(salem);
        again.ShouldBeLessThan(flat.IndexOf("90834", StringComparison.Ordinal));
        flat.ShouldContain("2 locations: each is shown above its services");
    }

    [Fact]
    public void A_bill_at_one_location_prints_it_in_the_clinic_bar_with_its_npi_and_no_facility_rows()
    {
        var model = SuperbillSamples.Typical() with { Clinic = SuperbillSamples.Clinic() with { ServiceFacilityNpi = "1457381923" } };
        var flat = PdfReadBack.FlatText(new SuperbillGenerator().GeneratePdf(model));
        flat.ShouldContain("Bright Harbor Infusion Suite");
        flat.ShouldContain("NPI (32a) 1457381923");
        flat.ShouldNotContain("Service facility (32):");
    }

    [Fact]
    public void Each_facility_of_a_multi_location_bill_is_checked()
    {
        var model = TwoSites() with
        {
            Facilities = [Portland with { Npi = "1457381924" }, Salem with { Address = Salem.Address with { PostalCode = "" } }],
        };
        var problems = model.Problems();
        problems.ShouldContain(p => p.Contains("1457381924") && p.Contains("Bright Harbor Portland"));
        problems.ShouldContain(p => p.Contains("address of Bright Harbor Salem is incomplete"));

        var orphan = TwoSites() with { Lines = TwoSites().Lines.Select((l, i) => i == 0 ? l with { FacilityCode = "XYZ" } : l).ToList() };
        orphan.Problems().ShouldContain(p => p.Contains("names no facility"));
    }
}
