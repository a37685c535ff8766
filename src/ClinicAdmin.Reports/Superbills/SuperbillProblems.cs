using ClinicAdmin.Domain.Common;
using System.Text.RegularExpressions;

namespace ClinicAdmin.Reports.Superbills;

public sealed partial record SuperbillModel
{
    /// <summary>A CMS-1500 claim holds diagnoses A–L.</summary>
    public const int MaxDiagnoses = 12;

    /// <summary>A line points to at most four diagnoses (box 24E).</summary>
    public const int MaxPointersPerLine = 4;

    /// <summary>Said when box 31 names nobody.</summary>
    public const string SignerMissing = "The signing provider is missing.";

    /// <summary>The letter of the diagnosis at a position: 0 → 'A' … 11 → 'L'.</summary>
    public static char DiagnosisLetter(int index) => (char)('A' + index);

    /// <summary>
    /// Everything that would make this an invalid bill, in words the front desk can act on.
    /// Empty means the superbill can be issued.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();

        if (string.IsNullOrWhiteSpace(DocumentNumber)) p.Add("The document number is missing.");
        if (Version < 1) p.Add($"The version must be 1 or more (is {Version}).");
        if (PeriodStart is { } ps && PeriodEnd is { } pe && pe < ps) p.Add($"The period ends ({SuperbillFormat.Date(pe, DateStyle)}) before it starts ({SuperbillFormat.Date(ps, DateStyle)}).");

        // Clinic (boxes 25, 32, 33).
        if (Clinic is null) p.Add("The clinic details are missing.");
        else
        {
            if (string.IsNullOrWhiteSpace(Clinic.Name)) p.Add("The clinic name is missing.");
            if (string.IsNullOrWhiteSpace(Clinic.TaxId)) p.Add("The clinic Tax ID (EIN) is missing: set it in clinic settings.");
            else if (!IsTaxId(Clinic.TaxId)) p.Add($"The clinic Tax ID \"{Clinic.TaxId}\" is not 9 digits (EIN 12-3456789).");
            if (string.IsNullOrWhiteSpace(Clinic.GroupNpi)) p.Add("The clinic group NPI is missing: set it in clinic settings.");
            else if (!Npi.IsValid(Clinic.GroupNpi)) p.Add($"The clinic group NPI {Clinic.GroupNpi} is not a valid NPI ({NpiReason(Clinic.GroupNpi)}).");
            if (string.IsNullOrWhiteSpace(Clinic.Phone)) p.Add("The clinic phone number is missing.");
            if (!IsComplete(Clinic.BillingAddress)) p.Add("The clinic billing address is incomplete.");
            if (Facilities is not { Count: > 1 })
            {
                if (!IsComplete(Clinic.ServiceFacilityAddress)) p.Add("The service facility address is incomplete: complete the location in Locations.");
                if (Clinic.ServiceFacilityNpi is { Length: > 0 } fnpi && !Npi.IsValid(fnpi)) p.Add($"The service facility NPI {fnpi} is not a valid NPI ({NpiReason(fnpi)}).");
            }
        }
        foreach (var f in Facilities is { Count: > 1 } ? Facilities : [])
        {
            if (!IsComplete(f.Address)) p.Add($"The service facility address of {f.Name} is incomplete: complete the location in Locations.");
            if (f.Npi is { Length: > 0 } fnpi && !Npi.IsValid(fnpi)) p.Add($"The service facility NPI {fnpi} of {f.Name} is not a valid NPI ({NpiReason(fnpi)}).");
        }
        if (Facilities is { Count: > 1 } && (Lines ?? []).Any(l => Facilities.All(f => f.Code != l.FacilityCode)))
            p.Add("A service line names no facility although the bill covers several locations.");

        // Patient (boxes 2, 3, 5).
        if (Patient is null) p.Add("The patient details are missing.");
        else
        {
            if (string.IsNullOrWhiteSpace(Patient.Name)) p.Add("The patient name is missing.");
            if (Patient.DateOfBirth == default) p.Add("The patient date of birth is missing.");
            else if (Patient.DateOfBirth > IssuedOn) p.Add("The patient date of birth is after the issue date.");
            if (!IsComplete(Patient.Address)) p.Add("The patient address is incomplete.");
        }

        // Rendering providers (boxes 24J, 31).
        var providers = Providers ?? [];
        if (providers.Count == 0) p.Add("No rendering provider: every superbill needs the provider who rendered the services, with an NPI.");
        foreach (var provider in providers)
        {
            var who = string.IsNullOrWhiteSpace(provider.Name) ? "A rendering provider" : $"Rendering provider {provider.Name}";
            if (string.IsNullOrWhiteSpace(provider.Name)) p.Add("A rendering provider has no name.");
            if (string.IsNullOrWhiteSpace(provider.Npi)) p.Add($"{who} has no NPI: add it on the staff record.");
            else if (!Npi.IsValid(provider.Npi)) p.Add($"{who} has an invalid NPI {provider.Npi} ({NpiReason(provider.Npi)}).");
        }

        // Diagnoses (box 21).
        var diagnoses = Diagnoses ?? [];
        if (diagnoses.Count == 0) p.Add("No diagnosis: at least one ICD-10-CM code is required.");
        if (diagnoses.Count > MaxDiagnoses) p.Add($"{diagnoses.Count} diagnoses: a claim holds at most {MaxDiagnoses} (A–L).");
        for (var i = 0; i < diagnoses.Count; i++)
        {
            var code = diagnoses[i].Code;
            if (string.IsNullOrWhiteSpace(code)) p.Add($"Diagnosis {DiagnosisLetter(i)} has no code.");
            else if (!Icd10.HasFormat(code)) p.Add($"Diagnosis {DiagnosisLetter(i)} \"{code}\" is not an ICD-10-CM code (a letter, two characters, optional \".\" and up to four more).");
        }
        var duplicates = diagnoses.Where(d => !string.IsNullOrWhiteSpace(d.Code)).GroupBy(d => d.Code.Trim().ToUpperInvariant()).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var duplicate in duplicates) p.Add($"Diagnosis {duplicate} is listed more than once.");

        // Lines (box 24).
        var lines = Lines ?? [];
        if (lines.Count == 0) p.Add("No service lines: there is nothing to bill.");
        var lastLetter = diagnoses.Count == 0 ? (char?)null : DiagnosisLetter(Math.Min(diagnoses.Count, MaxDiagnoses) - 1);
        var providerNpis = providers.Select(x => x.Npi).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var which = $"Line {i + 1} ({(string.IsNullOrWhiteSpace(line.Code) ? "no code" : line.Code)}, {SuperbillFormat.Date(line.ServiceDate, DateStyle)})";
            if (string.IsNullOrWhiteSpace(line.Code)) p.Add($"{which} has no CPT/HCPCS code.");
            else if (!ProcedureFormat().IsMatch(line.Code)) p.Add($"{which}: \"{line.Code}\" is not a CPT/HCPCS code (five characters).");
            if (!PlaceOfServiceFormat().IsMatch(line.PlaceOfService ?? "")) p.Add($"{which}: place of service \"{line.PlaceOfService}\" must be two digits (11 office, 02 or 10 telehealth).");
            var modifiers = line.Modifiers ?? [];
            if (modifiers.Count > 4) p.Add($"{which} has {modifiers.Count} modifiers; at most 4 fit.");
            foreach (var m in modifiers.Where(m => !ModifierFormat().IsMatch(m ?? ""))) p.Add($"{which}: modifier \"{m}\" is not two letters or digits.");
            if (string.IsNullOrWhiteSpace(line.Description)) p.Add($"{which} has no description.");

            var pointers = ParsePointers(line.DiagnosisPointers, out var badPointerText);
            if (badPointerText is not null) p.Add($"{which}: diagnosis pointer \"{badPointerText}\" is not a letter A–L.");
            else if (pointers.Count == 0) p.Add($"{which} points to no diagnosis.");
            else if (pointers.Count > MaxPointersPerLine) p.Add($"{which} points to {pointers.Count} diagnoses; at most {MaxPointersPerLine} fit.");
            foreach (var letter in pointers.Where(l => lastLetter is null || l > lastLetter))
                p.Add(lastLetter is null
                    ? $"{which} points to diagnosis {letter}, which does not exist (there are no diagnoses)."
                    : $"{which} points to diagnosis {letter}, which does not exist (diagnoses are A–{lastLetter}).");

            if (line.Units <= 0) p.Add($"{which}: units must be more than 0.");
            if (line.UnitCharge < 0 || line.Charge < 0) p.Add($"{which}: charges cannot be negative.");
            else if (decimal.Round(line.Units * line.UnitCharge, 2, MidpointRounding.AwayFromZero) != line.Charge)
                p.Add($"{which}: charge {SuperbillFormat.Money(line.Charge)} is not units × unit charge ({SuperbillFormat.Units(line.Units)} × {SuperbillFormat.Money(line.UnitCharge)}).");

            if (string.IsNullOrWhiteSpace(line.RenderingProviderNpi)) p.Add($"{which} has no rendering provider NPI.");
            else if (!Npi.IsValid(line.RenderingProviderNpi)) p.Add($"{which} has an invalid rendering provider NPI {line.RenderingProviderNpi}.");
            else if (!providerNpis.Contains(line.RenderingProviderNpi)) p.Add($"{which}: rendering provider NPI {line.RenderingProviderNpi} is not among the providers listed on the superbill.");
        }

        // Totals (boxes 28, 29, 30).
        if (Totals is null) p.Add("The totals are missing.");
        else
        {
            var sum = lines.Sum(l => l.Charge);
            if (Totals.Charges != sum) p.Add($"Total charges {SuperbillFormat.Money(Totals.Charges)} do not match the sum of the lines {SuperbillFormat.Money(sum)}.");
            if (Totals.AmountPaid < 0) p.Add("The amount paid cannot be negative.");
            if (Totals.Balance != Totals.Charges - Totals.AmountPaid)
                p.Add($"Balance {SuperbillFormat.Money(Totals.Balance)} is not total charges minus amount paid ({SuperbillFormat.Money(Totals.Charges - Totals.AmountPaid)}).");
        }

        // Signature (box 31).
        if (Signature is null || string.IsNullOrWhiteSpace(Signature.ProviderName)) p.Add(SignerMissing);

        return p;
    }

    /// <summary>Reads "A,B", "A B" or "AB" into letters; reports the first thing that is not a letter.</summary>
    public static IReadOnlyList<char> ParsePointers(string? text, out string? invalid)
    {
        invalid = null;
        var letters = new List<char>();
        foreach (var token in (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var c in token)
            {
                var upper = char.ToUpperInvariant(c);
                if (upper is < 'A' or > 'L') { invalid ??= token; continue; }
                if (!letters.Contains(upper)) letters.Add(upper);
            }
        }
        return letters;
    }

    private static bool IsTaxId(string taxId)
    {
        var digits = taxId.Where(c => c != '-' && c != ' ').ToArray();
        return digits.Length == 9 && digits.All(char.IsAsciiDigit);
    }

    private static bool IsComplete(PostalAddress? a) =>
        a is not null && !string.IsNullOrWhiteSpace(a.Line1) && !string.IsNullOrWhiteSpace(a.City)
        && !string.IsNullOrWhiteSpace(a.State) && !string.IsNullOrWhiteSpace(a.PostalCode);

    // The reason in the superbill's own words; the rules themselves are the Domain's.
    private static string NpiReason(string npi) => Npi.HasShape(npi) ? "the check digit is wrong" : "an NPI is exactly 10 digits";

    [GeneratedRegex(@"^[0-9A-Z]{5}$")]
    private static partial Regex ProcedureFormat();

    [GeneratedRegex(@"^[0-9]{2}$")]
    private static partial Regex PlaceOfServiceFormat();

    [GeneratedRegex(@"^[0-9A-Z]{2}$")]
    private static partial Regex ModifierFormat();
}
