using System.Globalization;
using System.Text.RegularExpressions;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Reports.Pdf;
using ClinicAdmin.Reports.Superbills;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Reports.Tests.Superbills;

[Trait("Category", "Unit")]
public sealed class SuperbillDocumentTests
{
    private readonly SuperbillGenerator _generator = new();

    [Fact]
    public void Every_required_field_appears_in_the_pdf()
    {
        var model = SuperbillSamples.Typical();
        var bytes = _generator.GeneratePdf(model);
        var text = PdfReadBack.Text(bytes);
        var flat = PdfReadBack.FlatText(bytes);

        // Header and clinic (boxes 25, 32, 33).
        text.ShouldContain("SUPERBILL");
        text.ShouldContain("SB-2025-000042");
        text.ShouldContain("01/31/2025");                         // issued
        text.ShouldContain("Bright Harbor Ketamine Clinic");
        text.ShouldContain("2150 Larkspur Avenue");               // billing address
        text.ShouldContain("Portland, OR 97205");
        text.ShouldContain("Bright Harbor Infusion Suite");       // service facility
        text.ShouldContain("2160 Larkspur Avenue");
        text.ShouldContain("Portland, OR 97209");
        text.ShouldContain("(503) 555-0147");
        text.ShouldContain("93-1234567");
        text.ShouldContain(SuperbillSamples.GroupNpi);

        // Rendering providers (24J, 31).
        text.ShouldContain("Miriam Okafor");
        text.ShouldContain("MSN, PMHNP-BC");
        text.ShouldContain("Theo Lindqvist");
        text.ShouldContain(SuperbillSamples.PhysicianNpi);
        text.ShouldContain(SuperbillSamples.NursePractitionerNpi);

        // Patient (1a, 2, 3, 5, 26).
        text.ShouldContain(SuperbillSamples.PatientName);
        text.ShouldContain("07/14/1988");
        text.ShouldContain("48 Cedar Hollow Road");
        text.ShouldContain("Beaverton, OR 97005");
        text.ShouldContain("(971) 555-0182");
        text.ShouldContain("XQJ448812907");
        text.ShouldContain("Cascade Mutual Health");
        text.ShouldContain("MRN-004211");

        // Diagnoses lettered A–L (21).
        text.ShouldMatch(@"(?s).*A\s+F33\.2\s+Major depression.*");
        text.ShouldMatch(@"(?s).*B\s+F41\.1\s+Generalized anxiety.*");
        text.ShouldMatch(@"(?s).*C\s+R45\.851\s+Suicidal ideation.*");

        // Totals (28, 29, 30), statement, signature, footer.
        text.ShouldContain("$1,417.00");
        text.ShouldContain("$1,234.50");
        text.ShouldContain("$182.50");
        flat.ShouldContain("The patient has paid $1,234.50 of the $1,417.00 charged above and may submit this statement to their health plan to claim reimbursement.");
        flat.ShouldContain("were medically necessary for the diagnoses given");
        text.ShouldContain("Electronically signed by Miriam Okafor, MD");
        text.ShouldContain("Miriam Okafor, MD");
        text.ShouldContain("SIGNATURE OF PHYSICIAN OR SUPPLIER");
        text.ShouldContain("Page 1 of 1");
        text.ShouldContain("billing@brightharbor.example");
    }

    [Theory]
    [InlineData(DateStyle.UnitedStates, "07/14/1988", "01/31/2025")]
    [InlineData(DateStyle.International, "14/07/1988", "31/01/2025")]
    [InlineData(DateStyle.Iso, "1988-07-14", "2025-01-31")]
    public void Dates_print_in_the_clinic_style(DateStyle style, string dateOfBirth, string issued)
    {
        var model = SuperbillSamples.Typical() with { DateStyle = style };
        var text = PdfReadBack.Text(_generator.GeneratePdf(model));

        text.ShouldContain(dateOfBirth);
        text.ShouldContain(issued);
        var rows = ServiceRows(text);
        rows.Count.ShouldBe(model.Lines.Count);
        for (var i = 0; i < rows.Count; i++) rows[i].ShouldStartWith(style.Date(model.Lines[i].ServiceDate));
        // The date of birth in another style is nowhere (14/07 and 07/14 differ, so this would catch a fixed format).
        foreach (var other in Enum.GetValues<DateStyle>().Where(o => o != style))
            text.ShouldNotContain(other.Date(model.Patient.DateOfBirth));
    }

    [Fact]
    public void Each_line_shows_date_place_code_modifiers_pointers_units_charge_and_provider()
    {
        var model = SuperbillSamples.Typical();
        var rows = ServiceRows(PdfReadBack.Text(_generator.GeneratePdf(model)));

        rows.Count.ShouldBe(model.Lines.Count);
        for (var i = 0; i < model.Lines.Count; i++)
        {
            var line = model.Lines[i];
            var row = rows[i];
            row.ShouldStartWith(SuperbillFormat.Date(line.ServiceDate, model.DateStyle));
            row.ShouldContain($" {line.PlaceOfService} ");
            row.ShouldContain(line.Code);
            foreach (var modifier in line.Modifiers) row.ShouldContain($" {modifier} ");
            row.ShouldContain(" " + SuperbillFormat.Pointers(line.DiagnosisPointers) + " ");
            row.ShouldContain($" {SuperbillFormat.Units(line.Units)} ");
            row.ShouldContain(SuperbillFormat.Money(line.UnitCharge));
            row.ShouldContain(SuperbillFormat.Money(line.Charge));
            row.ShouldEndWith(line.RenderingProviderNpi);
        }
        rows[3].ShouldContain("Add-on: Ondansetron");
        rows[3].ShouldContain("$14.00");
    }

    [Fact]
    public void Total_charges_printed_equal_the_sum_of_the_printed_lines()
    {
        var model = SuperbillSamples.WithLines(40);
        var text = PdfReadBack.Text(_generator.GeneratePdf(model));

        var lineCharges = ServiceRows(text).Select(row => Amounts(row)[^1]).ToList();   // the Charge column is the last amount
        lineCharges.Count.ShouldBe(40);
        var totalCharges = Amounts(Regex.Match(text, @"Total charges \(28\).*").Value).Single();
        totalCharges.ShouldBe(lineCharges.Sum());
        totalCharges.ShouldBe(model.Lines.Sum(l => l.Charge));
        Amounts(Regex.Match(text, @"Balance due \(30\).*").Value).Single().ShouldBe(0m);
    }

    [Fact]
    public void A_120_line_history_flows_onto_more_pages_with_the_table_header_on_each()
    {
        var model = SuperbillSamples.WithLines(120);
        var result = _generator.Generate(model);
        var pages = PdfReadBack.Pages(result.Bytes);

        result.PageCount.ShouldBeGreaterThanOrEqualTo(3);
        pages.Count.ShouldBe(result.PageCount);
        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            page.ShouldContain($"Page {p + 1} of {pages.Count}");
            page.ShouldContain("SB-2025-000042");
            if (ServiceRows(page).Count > 0)
            {
                page.ShouldMatch(@"(?s).*Description\s+Dx\s.*Charge\s+Rendering.*", $"page {p + 1} has service rows but no table header");
            }
            if (p > 0)
            {
                page.ShouldContain("(continued)");
                page.ShouldContain(SuperbillSamples.PatientName);
            }
        }
        pages.Sum(p => ServiceRows(p).Count).ShouldBe(120);
        ServiceRows(pages[1]).Count.ShouldBeGreaterThan(0);
        pages[0].ShouldContain("Services continue on the next page.");
        pages[^1].ShouldContain("Total charges (28)");
        pages.Count(p => p.Contains("Total charges (28)")).ShouldBe(1);
        PdfReadBack.QpdfCheck(result.Bytes).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_unicode_patient_name_survives_the_round_trip()
    {
        var model = SuperbillSamples.Typical() with
        {
            Patient = SuperbillSamples.Patient() with { Name = "Zoë Ñúñez-O'Brien", Address = new PostalAddress("Große Straße 5", null, "São Paulo", "SP", "01310-100") },
        };
        var text = PdfReadBack.Text(_generator.GeneratePdf(model));

        text.ShouldContain("Zoë Ñúñez-O'Brien");
        text.ShouldContain("Große Straße 5");
        text.ShouldContain("São Paulo");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(120)]
    public void Qpdf_finds_the_file_structurally_sound(int lines)
    {
        var bytes = _generator.GeneratePdf(lines == 6 ? SuperbillSamples.Typical() : SuperbillSamples.WithLines(lines));
        var (exitCode, output) = PdfReadBack.QpdfCheck(bytes);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("No syntax or stream encoding errors found");
    }

    [Fact]
    public void Fonts_are_embedded_and_the_page_is_us_letter()
    {
        var info = PdfReadBack.Info(_generator.GeneratePdf(SuperbillSamples.Typical()));

        info.ShouldContain("Page size:       612 x 792 pts (letter)");
        info.ShouldMatch(@"(?s).*Title:\s+Superbill SB-2025-000042.*");
        info.ShouldMatch(@"(?s).*Creator:\s+ClinicAdmin.*");
        info.ShouldNotContain(SuperbillSamples.PatientName);    // no patient data in the metadata
        Fonts(SuperbillSamples.Typical()).ShouldAllBe(f => f.Embedded, "every font must be embedded");
    }

    [Fact]
    public void Superbills_come_from_the_mit_licensed_pdfsharp()
    {
        // The project's MIT licence rests on PDFsharp 6.2.x; 6.5 is AGPL and says so in every Producer it writes.
        var info = PdfReadBack.Info(_generator.GeneratePdf(SuperbillSamples.Typical()));

        info.ShouldMatch(@"(?m)^Producer:\s+PDFsharp 6\.2\.\d+$");
        info.ShouldNotContain("AGPL", Case.Insensitive);
    }

    [Fact]
    public void Money_and_dates_read_the_us_way_whatever_the_server_culture()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            var text = PdfReadBack.Text(_generator.GeneratePdf(SuperbillSamples.Typical()));

            text.ShouldContain("$1,234.50");
            text.ShouldContain("$1,417.00");
            text.ShouldContain("01/08/2025");
            text.ShouldNotContain("1.234,50");
            text.ShouldNotContain("08.01.2025");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void A_void_superbill_says_so_on_every_page_and_names_its_replacement()
    {
        var model = SuperbillSamples.WithLines(60) with { Void = new SuperbillVoid("SB-2025-000042 (version 2)", "wrong date of birth") };
        var bytes = _generator.GeneratePdf(model);
        var pages = PdfReadBack.Pages(bytes);

        pages.Count.ShouldBeGreaterThan(1);
        PdfReadBack.FlatText(bytes).ShouldContain("VOID — replaced by SB-2025-000042 (version 2) — this superbill is no longer valid: wrong date of birth");
        pages.ShouldAllBe(p => p.Contains("VOID — replaced by SB-2025-000042 (version 2)"));
        PdfReadBack.QpdfCheck(bytes).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void The_sha256_is_that_of_the_bytes_and_a_download_name_carries_no_patient_data()
    {
        var result = _generator.Generate(SuperbillSamples.Typical());

        result.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(result.Bytes)));
        result.Sha256.Length.ShouldBe(64);
        DocumentHash.Sha256Hex(result.Bytes).ShouldBe(result.Sha256);
        SuperbillPdf.FileName("SB-2025-000042", 2).ShouldBe("superbill-SB-2025-000042-v2.pdf");
        SuperbillPdf.FileName("SB/2025 42", 1).ShouldBe("superbill-SB-2025-42-v1.pdf");
    }

    [Fact]
    public void Superbills_generated_in_parallel_are_all_sound()
    {
        var results = new SuperbillPdf[8];
        Parallel.For(0, results.Length, i => results[i] = _generator.Generate(i % 2 == 0 ? SuperbillSamples.Typical() : SuperbillSamples.WithLines(30 + i)));

        foreach (var result in results)
        {
            PdfReadBack.QpdfCheck(result.Bytes).ExitCode.ShouldBe(0);
            PdfReadBack.Text(result.Bytes).ShouldContain(SuperbillSamples.PatientName);
        }
    }

    [Fact]
    public void The_first_page_renders_to_an_image()
    {
        var bytes = _generator.GeneratePdf(SuperbillSamples.Typical());
        var prefix = Path.Combine(Path.GetTempPath(), $"superbill-page1-{Guid.NewGuid():N}");
        var png = PdfReadBack.RenderFirstPage(bytes, prefix);
        try
        {
            File.Exists(png).ShouldBeTrue();
            new FileInfo(png).Length.ShouldBeGreaterThan(10_000);
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Fact]
    public void Whatever_the_length_every_block_appears_once_and_every_page_is_numbered()
    {
        // Lengths that put the end of the table, the totals and the signature at every position of a page break.
        for (var count = 18; count <= 75; count += 1)
        {
            var bytes = _generator.GeneratePdf(SuperbillSamples.WithLines(count));
            var pages = PdfReadBack.Pages(bytes);
            var text = string.Join("\n", pages);

            Occurrences(text, "Total charges (28)").ShouldBe(1, $"{count} lines");
            Occurrences(text, "SIGNATURE OF PHYSICIAN OR SUPPLIER (31)").ShouldBe(1, $"{count} lines");
            Occurrences(text, "STATEMENT FOR THE INSURER").ShouldBe(1, $"{count} lines");
            ServiceRows(text).Count.ShouldBe(count);
            for (var p = 0; p < pages.Count; p++) pages[p].ShouldContain($"Page {p + 1} of {pages.Count}");
        }
    }

    [Fact]
    public void Many_providers_and_long_diagnoses_flow_onto_the_next_page_too()
    {
        var providers = Enumerable.Range(0, 30).Select(i => new SuperbillProvider($"Provider Number{i:D2}", "RN", NpiWithCheckDigit($"1{i:D2}000000"))).ToList();
        var diagnoses = Enumerable.Range(0, 12).Select(i => new SuperbillDiagnosis($"F{30 + i}.{i % 10}",
            $"Condition {i + 1}: a deliberately long description that has to wrap over several lines in its column of the diagnoses block")).ToList();
        var lines = SuperbillSamples.TypicalLines().Select(l => l with { RenderingProviderNpi = providers[0].Npi }).ToList();
        var model = SuperbillSamples.Build(lines, 0) with { Providers = providers, Diagnoses = diagnoses };
        model.Problems().ShouldBeEmpty();

        var bytes = _generator.GeneratePdf(model);
        var text = PdfReadBack.Text(bytes);

        foreach (var provider in providers) text.ShouldContain(provider.Npi);
        for (var i = 0; i < 12; i++) text.ShouldContain($"F{30 + i}.{i % 10}");
        ServiceRows(text).Count.ShouldBe(lines.Count);
        PdfReadBack.Pages(bytes).Count.ShouldBeGreaterThan(1);
        PdfReadBack.QpdfCheck(bytes).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Twelve_diagnoses_are_lettered_a_to_l_and_a_line_may_point_to_l()
    {
        var twelve = Enumerable.Range(0, 12).Select(i => new SuperbillDiagnosis($"F{30 + i}.{i % 10}", $"Condition number {i + 1}")).ToList();
        var lines = SuperbillSamples.TypicalLines().Select((l, i) => i == 0 ? l with { DiagnosisPointers = "A,K,L" } : l).ToList();
        var model = SuperbillSamples.Build(lines, 0) with { Diagnoses = twelve };

        var text = PdfReadBack.Text(_generator.GeneratePdf(model));

        for (var i = 0; i < 12; i++) text.ShouldMatch($@"(?s).*\b{(char)('A' + i)}\s+F{30 + i}\.{i % 10}\s+Condition number {i + 1}\b.*");
        ServiceRows(text)[0].ShouldContain(" A,K,L ");
    }

    [Fact]
    public void A_single_visit_without_insurance_details_prints_dashes_for_the_unknowns()
    {
        var line = SuperbillSamples.TypicalLines()[1];
        var model = SuperbillSamples.Build([line], amountPaid: 399m) with
        {
            Kind = SuperbillKind.SingleVisit,
            Providers = [SuperbillSamples.Physician],
            Patient = SuperbillSamples.Patient() with { InsuredMemberId = null, PayerName = null, AccountNumber = null, Phone = null },
            FooterText = null,
        };

        var result = _generator.Generate(model);
        var text = PdfReadBack.Text(result.Bytes);

        result.PageCount.ShouldBe(1);
        text.ShouldContain("Single visit");
        text.ShouldContain("RENDERING PROVIDER (24J, 31)");
        text.ShouldContain("—");
        text.ShouldContain("$0.00");   // balance
        PdfReadBack.FlatText(result.Bytes).ShouldContain("The patient has paid the charges above in full ($399.00)");
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Table rows of the services table: lines starting with a date of service.</summary>
    private static List<string> ServiceRows(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => Regex.IsMatch(l, @"^(\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2})\s+\d{2}\s+[0-9A-Z]{5}\s")).Select(CollapseSpaces).ToList();

    private static List<decimal> Amounts(string text) =>
        Regex.Matches(text, @"-?\$([\d,]+\.\d{2})").Select(m => decimal.Parse(m.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture)).ToList();

    private static int Occurrences(string text, string value) => Regex.Matches(text, Regex.Escape(value)).Count;

    /// <summary>Completes nine digits into a valid NPI (Luhn over "80840" + the nine digits).</summary>
    private static string NpiWithCheckDigit(string firstNine)
    {
        var digits = "80840" + firstNine;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return firstNine + (10 - sum % 10) % 10;
    }

    private static string CollapseSpaces(string s) => Regex.Replace(s, @"\s+", " ");

    private static IReadOnlyList<(string Name, bool Embedded)> Fonts(SuperbillModel model)
    {
        var bytes = new SuperbillGenerator().GeneratePdf(model);
        var file = Path.Combine(Path.GetTempPath(), $"superbill-fonts-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, bytes);
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo("/usr/bin/pdffonts", file) { RedirectStandardOutput = true };
            using var process = System.Diagnostics.Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            // name  type  encoding  emb sub uni  object ID
            return output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0)
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(parts => (parts[0], parts[^5] == "yes"))
                .ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
