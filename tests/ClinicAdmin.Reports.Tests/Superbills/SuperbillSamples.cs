using ClinicAdmin.Reports.Superbills;

namespace ClinicAdmin.Reports.Tests.Superbills;

/// <summary>Invented clinic, people and visits (no real names). Also compiled into the benchmark project.</summary>
public static class SuperbillSamples
{
    public const string PatientName = "Zoë Ñúñez-O'Brien";
    public const string PhysicianNpi = "1234567893";
    public const string NursePractitionerNpi = "1987654328";
    public const string GroupNpi = "1543210987";

    public static readonly SuperbillProvider Physician = new("Miriam Okafor", "MD", PhysicianNpi);
    public static readonly SuperbillProvider NursePractitioner = new("Theo Lindqvist", "MSN, PMHNP-BC", NursePractitionerNpi);

    public static SuperbillClinic Clinic() => new()
    {
        Name = "Bright Harbor Ketamine Clinic",
        BillingAddress = new PostalAddress("2150 Larkspur Avenue", "Suite 300", "Portland", "OR", "97205"),
        ServiceFacilityName = "Bright Harbor Infusion Suite",
        ServiceFacilityAddress = new PostalAddress("2160 Larkspur Avenue", "Floor 2", "Portland", "OR", "97209"),
        Phone = "(503) 555-0147",
        TaxId = "93-1234567",
        GroupNpi = GroupNpi,
    };

    public static SuperbillPatient Patient() => new()
    {
        Name = PatientName,
        DateOfBirth = new DateOnly(1988, 7, 14),
        Address = new PostalAddress("48 Cedar Hollow Road", "Apt 2B", "Beaverton", "OR", "97005"),
        Phone = "(971) 555-0182",
        InsuredMemberId = "XQJ448812907",
        PayerName = "Cascade Mutual Health",
        AccountNumber = "MRN-004211",
    };

    public static IReadOnlyList<SuperbillDiagnosis> Diagnoses() =>
    [
        new("F33.2", "Major depression, recurrent, severe, no psychotic features"),
        new("F41.1", "Generalized anxiety"),
        new("R45.851", "Suicidal ideation"),
    ];

    /// <summary>A typical single week of an induction series: six lines, two providers, an add-on, telehealth.</summary>
    public static IReadOnlyList<SuperbillLine> TypicalLines() =>
    [
        Line(new(2025, 1, 6), "11", "90792", "Psychiatric evaluation before ketamine treatment", "A,B", 1, 400m, NursePractitionerNpi),
        Line(new(2025, 1, 8), "11", "96365", "IV ketamine infusion, first hour", "A,C", 1, 399m, PhysicianNpi),
        Line(new(2025, 1, 8), "11", "J3490", "Ketamine hydrochloride, drug supply", "A", 1, 25m, PhysicianNpi),
        Line(new(2025, 1, 8), "11", "J2405", "Ondansetron before infusion (anti-nausea)", "A", 4, 3.5m, PhysicianNpi, addOn: true),
        Line(new(2025, 1, 10), "11", "96365", "IV ketamine infusion, first hour", "A,C", 1, 399m, PhysicianNpi, modifiers: ["59"]),
        Line(new(2025, 1, 13), "10", "90834", "Integration psychotherapy, 45 minutes, by video", "A,B", 1, 180m, NursePractitionerNpi, modifiers: ["95"]),
    ];

    /// <summary>Six typical lines: charges $1,417.00, paid $1,234.50, balance $182.50.</summary>
    public static SuperbillModel Typical() => Build(TypicalLines(), amountPaid: 1234.50m);

    /// <summary>A long history of <paramref name="count"/> lines, three per visit day, paid in full.</summary>
    public static SuperbillModel WithLines(int count)
    {
        var lines = new List<SuperbillLine>();
        var day = new DateOnly(2024, 1, 2);
        for (var i = 0; i < count; i++)
        {
            if (i % 3 == 0 && i > 0) day = day.AddDays(i % 2 == 0 ? 2 : 3);
            lines.Add((i % 3) switch
            {
                0 => Line(day, "11", "96365", $"IV ketamine infusion, first hour (session {i / 3 + 1})", "A,C", 1, 399m, PhysicianNpi),
                1 => Line(day, "11", "J3490", "Ketamine hydrochloride, drug supply", "A", 1, 25m, PhysicianNpi),
                _ => Line(day, "10", "90834", "Integration psychotherapy by video", "A,B", 1, 180m, NursePractitionerNpi, modifiers: ["95"]),
            });
        }
        return Build(lines, amountPaid: lines.Sum(l => l.Charge)) with
        {
            Kind = SuperbillKind.TreatmentCourse,
            CourseName = "IV ketamine series with integration therapy",
        };
    }

    public static SuperbillModel Build(IReadOnlyList<SuperbillLine> lines, decimal amountPaid) => new()
    {
        DocumentNumber = "SB-2025-000042",
        Version = 1,
        IssuedOn = new DateOnly(2025, 1, 31),
        Kind = SuperbillKind.DateRange,
        PeriodStart = null,
        Clinic = Clinic(),
        Providers = [Physician, NursePractitioner],
        Patient = Patient(),
        Diagnoses = Diagnoses(),
        Lines = lines,
        Totals = SuperbillTotals.FromLines(lines, amountPaid),
        Signature = new SuperbillSignature("Miriam Okafor", "MD", new DateOnly(2025, 1, 31), "Electronically signed by Miriam Okafor, MD"),
        FooterText = "Bright Harbor Ketamine Clinic · billing@brightharbor.example · Payment is due at the time of service. " +
                     "Keep this statement for your records; the clinic does not file claims on your behalf.",
    };

    public static SuperbillLine Line(DateOnly date, string pos, string code, string description, string pointers, decimal units, decimal unitCharge,
        string npi, bool addOn = false, IReadOnlyList<string>? modifiers = null) => new()
    {
        ServiceDate = date,
        PlaceOfService = pos,
        Code = code,
        Modifiers = modifiers ?? [],
        Description = description,
        DiagnosisPointers = pointers,
        Units = units,
        UnitCharge = unitCharge,
        Charge = decimal.Round(units * unitCharge, 2),
        RenderingProviderNpi = npi,
        IsAddOn = addOn,
    };
}
