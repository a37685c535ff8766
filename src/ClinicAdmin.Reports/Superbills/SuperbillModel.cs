using ClinicAdmin.Domain.Clinic;

namespace ClinicAdmin.Reports.Superbills;

// Plain data for one superbill, filled by the issuing job from the database at the moment of issue
// (prices as charged on the date of service). Boxes refer to the CMS-1500 claim form. Money is decimal USD.

public enum SuperbillKind
{
    /// <summary>One visit.</summary>
    SingleVisit,
    /// <summary>Every billable visit between two dates (e.g. the month-end batch).</summary>
    DateRange,
    /// <summary>All sessions of one treatment course (e.g. an induction series of six infusions).</summary>
    TreatmentCourse,
}

public sealed partial record SuperbillModel
{
    /// <summary>Unique, human-readable number printed on every page, e.g. "SB-2025-000042".</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>1 for the first issue; a correction is issued as the next version of the same number.</summary>
    public int Version { get; init; } = 1;

    public required DateOnly IssuedOn { get; init; }

    /// <summary>How the document writes dates: the clinic's setting.</summary>
    public DateStyle DateStyle { get; init; } = DateStyles.Default;

    public SuperbillKind Kind { get; init; } = SuperbillKind.SingleVisit;

    /// <summary>For a date range: the requested period. Null means "first to last date of service".</summary>
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>For a treatment course: its name as shown to the patient, e.g. "IV ketamine induction series".</summary>
    public string? CourseName { get; init; }

    public required SuperbillClinic Clinic { get; init; }

    /// <summary>
    /// The service facilities of the lines (box 32, 32a) when they were rendered at more than one location; lines refer to
    /// them by <see cref="SuperbillLine.FacilityCode"/> and the services table then prints each facility above its lines.
    /// Empty or one entry: <see cref="SuperbillClinic.ServiceFacilityAddress"/> is the facility of every line.
    /// </summary>
    public IReadOnlyList<SuperbillFacility> Facilities { get; init; } = [];

    /// <summary>Every provider who rendered a line (box 24J, 31). Lines refer to them by NPI.</summary>
    public IReadOnlyList<SuperbillProvider> Providers { get; init; } = [];

    public required SuperbillPatient Patient { get; init; }

    /// <summary>ICD-10-CM codes in claim order; the first is lettered A, the twelfth L (box 21).</summary>
    public IReadOnlyList<SuperbillDiagnosis> Diagnoses { get; init; } = [];

    /// <summary>One line per billed service, add-ons as their own lines (box 24).</summary>
    public IReadOnlyList<SuperbillLine> Lines { get; init; } = [];

    public required SuperbillTotals Totals { get; init; }

    public required SuperbillSignature Signature { get; init; }

    /// <summary>Statement for the insurer. Null prints the standard wording (<see cref="SuperbillText.InsurerStatement"/>).</summary>
    public string? InsurerStatement { get; init; }

    /// <summary>Free text from clinic settings printed at the foot of every page (e.g. payment terms, contact).</summary>
    public string? FooterText { get; init; }

    /// <summary>Set when this superbill was voided; it is then marked VOID on every page.</summary>
    public SuperbillVoid? Void { get; init; }
}

public sealed record PostalAddress(string Line1, string? Line2, string City, string State, string PostalCode)
{
    /// <summary>Two lines: street (with suite/apartment), then "City, ST 12345".</summary>
    public IReadOnlyList<string> Lines() => [StreetLine, CityLine];

    public string StreetLine => string.IsNullOrWhiteSpace(Line2) ? Line1 : $"{Line1}, {Line2}";

    public string CityLine => $"{City}, {State} {PostalCode}";

    public override string ToString() => string.Join(", ", Lines());
}

public sealed record SuperbillClinic
{
    /// <summary>Practice / billing provider name (box 33).</summary>
    public required string Name { get; init; }
    /// <summary>Billing address (box 33).</summary>
    public required PostalAddress BillingAddress { get; init; }
    /// <summary>Where the services were rendered (box 32); its name when it differs from the practice.</summary>
    public string? ServiceFacilityName { get; init; }
    public required PostalAddress ServiceFacilityAddress { get; init; }
    /// <summary>The facility's own NPI (box 32a), when it has one.</summary>
    public string? ServiceFacilityNpi { get; init; }
    public required string Phone { get; init; }
    /// <summary>Federal Tax ID / EIN, e.g. "12-3456789" (box 25).</summary>
    public required string TaxId { get; init; }
    /// <summary>Billing (group) NPI (box 33a).</summary>
    public required string GroupNpi { get; init; }
}

/// <summary>A rendering provider (box 24J, 31), e.g. "Dana Whitfield", "MSN, PMHNP-BC".</summary>
public sealed record SuperbillProvider(string Name, string Credentials, string Npi)
{
    public string NameWithCredentials => string.IsNullOrWhiteSpace(Credentials) ? Name : $"{Name}, {Credentials}";
}

public sealed record SuperbillPatient
{
    /// <summary>Full name as it should read on the claim (box 2).</summary>
    public required string Name { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public required PostalAddress Address { get; init; }
    public string? Phone { get; init; }
    /// <summary>Insured's ID / member number, when known (box 1a).</summary>
    public string? InsuredMemberId { get; init; }
    /// <summary>Health plan name, when known.</summary>
    public string? PayerName { get; init; }
    /// <summary>The clinic's account / chart number for the patient (box 26).</summary>
    public string? AccountNumber { get; init; }
}

/// <summary>An ICD-10-CM code with our own short description, e.g. ("F33.2", "Major depression, recurrent, severe").</summary>
public sealed record SuperbillDiagnosis(string Code, string Description);

public sealed record SuperbillLine
{
    /// <summary>Date of service (box 24A).</summary>
    public required DateOnly ServiceDate { get; init; }
    /// <summary>Place of service, two digits: "11" office, "02"/"10" telehealth (box 24B).</summary>
    public required string PlaceOfService { get; init; }
    /// <summary>CPT or HCPCS code (box 24D), e.g. "96365", "J3490".</summary>
    public required string Code { get; init; }
    /// <summary>Up to four two-character modifiers (box 24D).</summary>
    public IReadOnlyList<string> Modifiers { get; init; } = [];
    /// <summary>Short description in our own words (never the AMA descriptor).</summary>
    public required string Description { get; init; }
    /// <summary>Diagnosis letters this line is for, e.g. "A,B" (box 24E, at most four).</summary>
    public required string DiagnosisPointers { get; init; }
    /// <summary>Days or units (box 24G).</summary>
    public decimal Units { get; init; } = 1m;
    /// <summary>Price per unit in force on the date of service.</summary>
    public required decimal UnitCharge { get; init; }
    /// <summary>Units × unit charge (box 24F).</summary>
    public required decimal Charge { get; init; }
    /// <summary>NPI of the provider who rendered this line (box 24J).</summary>
    public required string RenderingProviderNpi { get; init; }
    /// <summary>An add-on item (e.g. magnesium, anti-nausea pre-medication) billed with the visit.</summary>
    public bool IsAddOn { get; init; }
    /// <summary>The <see cref="SuperbillFacility.Code"/> of where it was rendered (box 32), when the bill has several.</summary>
    public string? FacilityCode { get; init; }
}

/// <summary>One place of service (box 32): the location's name and address, and its own NPI when it has one (box 32a).</summary>
public sealed record SuperbillFacility(string Code, string Name, PostalAddress Address, string? Npi)
{
    public string OneLine => string.Join(" · ", new[] { Name, Address.ToString(), Npi is { Length: > 0 } ? $"NPI (32a) {Npi}" : "" }.Where(x => x.Length > 0));
}

/// <summary>Total charge (box 28), amount paid (box 29), balance (box 30).</summary>
public sealed record SuperbillTotals(decimal Charges, decimal AmountPaid, decimal Balance)
{
    /// <summary>Totals that agree with the lines by construction.</summary>
    public static SuperbillTotals FromLines(IEnumerable<SuperbillLine> lines, decimal amountPaid)
    {
        var charges = lines.Sum(l => l.Charge);
        return new(charges, amountPaid, charges - amountPaid);
    }
}

/// <summary>The signing provider of record (box 31). <see cref="SignatureText"/>, when set, is printed on the line (e.g. "Electronically signed");
/// <see cref="Npi"/>, when set, is printed beside the name.</summary>
public sealed record SuperbillSignature(string ProviderName, string Credentials, DateOnly SignedOn, string? SignatureText = null, string? Npi = null);

/// <summary>This superbill is void; <see cref="ReplacedBy"/> names the document that replaces it, if any.</summary>
public sealed record SuperbillVoid(string? ReplacedBy, string? Reason = null)
{
    public string Banner => string.IsNullOrWhiteSpace(ReplacedBy) ? "VOID" : $"VOID — replaced by {ReplacedBy}";
}
