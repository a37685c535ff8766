using System.Text.RegularExpressions;
using ClinicAdmin.Reports.Superbills;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Reports.Tests.Superbills;

/// <summary>The signature block (box 31) never stands alone on a page: it stays with the totals and with a service row.</summary>
[Trait("Category", "Unit")]
public sealed class SuperbillSignaturePlacementTests
{
    private const string SignatureLabel = "SIGNATURE OF PHYSICIAN OR SUPPLIER (31)";
    private static readonly Regex ServiceRow = new(@"^\s*\d\d/\d\d/\d{4}\s+\d\d\s+[0-9A-Z]{5}\b", RegexOptions.Multiline);
    private readonly SuperbillGenerator _generator = new();

    [Fact]
    public void At_every_page_break_position_the_signature_page_also_holds_the_totals_and_a_service_row()
    {
        // 1..80 lines move the end of the table through every position near the bottom of pages 1, 2 and 3.
        var pageCounts = new HashSet<int>();
        for (var count = 1; count <= 80; count++)
        {
            var bytes = _generator.GeneratePdf(SuperbillSamples.WithLines(count));
            var pages = PdfReadBack.PageCount(bytes);
            pageCounts.Add(pages);
            var signaturePages = Enumerable.Range(1, pages).Where(n => PdfReadBack.Page(bytes, n).Contains(SignatureLabel)).ToList();
            signaturePages.Count.ShouldBe(1, $"{count} lines");

            var page = PdfReadBack.Page(bytes, signaturePages[0]);
            page.ShouldContain("Total charges (28)", customMessage: $"{count} lines: signature on page {signaturePages[0]} without the totals");
            page.ShouldContain("Balance due (30)", customMessage: $"{count} lines");
            ServiceRow.IsMatch(page).ShouldBeTrue($"{count} lines: the signature page {signaturePages[0]} holds no service row");
        }
        pageCounts.Count.ShouldBeGreaterThanOrEqualTo(3, "the lengths tried must cross at least two page breaks");
    }

    [Fact]
    public void The_signature_names_the_signer_with_credentials_and_npi()
    {
        var model = SuperbillSamples.Typical() with
        {
            Signature = new SuperbillSignature("Theo Lindqvist", "MSN, PMHNP-BC", new DateOnly(2025, 1, 31), "Electronically signed", SuperbillSamples.NursePractitionerNpi),
        };
        var text = PdfReadBack.FlatText(_generator.GeneratePdf(model));
        text.ShouldContain($"Theo Lindqvist, MSN, PMHNP-BC · NPI {SuperbillSamples.NursePractitionerNpi}");
    }

    [Fact]
    public void A_page_that_ends_with_the_table_renders_to_an_image()
    {
        // Find a length whose signature went to page 2 and look at that page (kept for a human under the temp folder).
        var count = Enumerable.Range(20, 40).First(n =>
        {
            var b = _generator.GeneratePdf(SuperbillSamples.WithLines(n));
            return PdfReadBack.PageCount(b) == 2 && !PdfReadBack.Page(b, 1).Contains(SignatureLabel);
        });
        var bytes = _generator.GeneratePdf(SuperbillSamples.WithLines(count));
        var prefix = Path.Combine(Path.GetTempPath(), $"superbill-signature-page2-{count}");
        var png = PdfReadBack.RenderPage(bytes, 2, prefix, dpi: 72);
        new FileInfo(png).Length.ShouldBeGreaterThan(10_000);
    }
}
