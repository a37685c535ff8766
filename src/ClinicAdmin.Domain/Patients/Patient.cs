using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Patients;

public class Patient : EditableEntity
{
    /// <summary>Medical record number: what reports show instead of the name.</summary>
    public string Mrn { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public string? Sex { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public Address Address { get; set; } = new();
    public string? InsurancePayer { get; set; }
    /// <summary>Insured's ID number (CMS-1500 box 1a).</summary>
    public string? InsuranceMemberId { get; set; }
    public decimal? WeightKg { get; set; }

    // Contraindication screening (a present one is shown as a warning on every clinical page).
    public bool HasUncontrolledHypertension { get; set; }
    public bool HasPsychosisHistory { get; set; }
    public bool IsPregnant { get; set; }
    public bool HasSevereLiverDisease { get; set; }
    public bool HasSubstanceMisuse { get; set; }

    public List<PatientDiagnosis> Diagnoses { get; set; } = [];
    public List<TreatmentCourse> Courses { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";

    public IEnumerable<string> Contraindications()
    {
        if (HasUncontrolledHypertension) yield return "Uncontrolled hypertension";
        if (HasPsychosisHistory) yield return "History of psychosis";
        if (IsPregnant) yield return "Pregnancy";
        if (HasSevereLiverDisease) yield return "Severe liver disease";
        if (HasSubstanceMisuse) yield return "Substance misuse";
    }
}

/// <summary>An ICD-10-CM diagnosis on the patient's problem list.</summary>
public class PatientDiagnosis : Entity
{
    public int PatientId { get; set; }
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public bool IsPrimary { get; set; }
    public DateOnly? DiagnosedOn { get; set; }
}
