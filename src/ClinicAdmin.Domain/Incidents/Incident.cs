using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Incidents;

public enum IncidentType
{
    NauseaVomiting, Dizziness, Headache, Dissociation, AnxietyAgitation, Hypertension, Sedation,
    Desaturation, NasalBurning, BladderSymptoms, BlurredVision, Other,
}

[Flags]
public enum SeriousCriteria { None = 0, Death = 1, LifeThreatening = 2, Hospitalisation = 4, Disability = 8, CongenitalAnomaly = 16, RequiredIntervention = 32 }

public enum IncidentOutcome { Resolved, ResolvedWithSequelae, Ongoing, Fatal, Unknown }

/// <summary>
/// A side-effect incident during or after treatment, graded by CTCAE v5 (1 mild … 5 death).
/// Grade 3 or more, or serious by FDA criteria, needs the medical director's review; once signed
/// off the record is locked and later information goes into addenda.
/// </summary>
public class Incident : EditableEntity
{
    public int PatientId { get; set; }
    public int? VisitId { get; set; }
    public IncidentType Type { get; set; }
    public string? Drug { get; set; } = "Ketamine";
    public Route Route { get; set; }
    public decimal? DoseMg { get; set; }
    public string? LotNumber { get; set; }
    /// <summary>Minutes after the start of dosing the effect began.</summary>
    public int? OnsetMinutesAfterDose { get; set; }
    public DateTime OccurredAt { get; set; }
    public string Description { get; set; } = "";
    public VitalSigns Vitals { get; set; } = new();
    public int Grade { get; private set; } = 1;
    public SeriousCriteria Serious { get; private set; }
    public string? ActionTaken { get; set; }
    public string? RescueMedication { get; set; }
    public string? RescueDose { get; set; }
    public DateTime? RescueGivenAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public IncidentOutcome Outcome { get; set; } = IncidentOutcome.Unknown;
    public string? FollowUp { get; set; }
    public string ReportedBy { get; set; } = "";
    public bool ReportableToMedWatch { get; set; }
    public bool ReportableToRems { get; set; }
    public string? ReviewedBy { get; private set; }
    public DateTime? SignedOffAt { get; private set; }
    public string? ReviewNotes { get; private set; }
    public List<IncidentAddendum> Addenda { get; set; } = [];

    public bool IsSerious => Serious != SeriousCriteria.None;
    public bool NeedsReview => Grade >= 3 || IsSerious;
    public bool IsLocked => SignedOffAt is not null;

    public void Classify(int grade, SeriousCriteria serious)
    {
        EnsureUnlocked();
        if (grade is < 1 or > 5) throw new DomainException("Grade", "CTCAE grade is 1 to 5.");
        if (grade == 5 && !serious.HasFlag(SeriousCriteria.Death)) serious |= SeriousCriteria.Death;
        if (grade == 4 && !serious.HasFlag(SeriousCriteria.LifeThreatening)) serious |= SeriousCriteria.LifeThreatening;
        Grade = grade; Serious = serious;
    }

    public void SignOff(string reviewer, string? notes, DateTime nowUtc)
    {
        EnsureUnlocked();
        ReviewedBy = reviewer; ReviewNotes = notes; SignedOffAt = nowUtc;
    }

    public void EnsureUnlocked()
    {
        if (IsLocked) throw new DomainException("", "This incident was signed off and is locked; add an addendum instead.");
    }
}

public class IncidentAddendum : Entity
{
    public int IncidentId { get; set; }
    public string Text { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime WrittenAt { get; set; }
}
