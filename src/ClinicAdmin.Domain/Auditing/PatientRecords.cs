using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Auditing;

/// <summary>
/// The audited record types that hold a patient's health information (HIPAA minimum necessary): the audit trail shows
/// their values only to roles that may read clinical records; others see which fields changed, by whom and when.
/// </summary>
public static class PatientRecords
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Patient), nameof(PatientDiagnosis), nameof(TreatmentCourse), nameof(CourseDiagnosis), nameof(Visit),
        nameof(ChargeLine), nameof(Payment), nameof(Assessment), nameof(Incident), nameof(IncidentAddendum),
        nameof(GeneratedDocument), nameof(PatientLink),
    };

    /// <summary>True for a patient record type, or one of its owned values ("Visit.Vitals").</summary>
    public static bool Holds(string auditedType) => Types.Contains(auditedType.Split('.')[0]);
}
