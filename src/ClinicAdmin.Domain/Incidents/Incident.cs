using System.Linq.Expressions;
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
    public bool NeedsReview => RequiresReview(Grade, Serious);

    /// <summary>From this CTCAE grade up, an incident goes to the medical director's review (as does any serious one).</summary>
    public const int ReviewFromGrade = 3;

    /// <summary>The review rule for values read without the entity (lists, badges).</summary>
    public static bool RequiresReview(int grade, SeriousCriteria serious) => grade >= ReviewFromGrade || serious != SeriousCriteria.None;

    /// <summary>The same rule as <see cref="NeedsReview"/>, written so a query provider translates it to SQL.</summary>
    public static readonly Expression<Func<Incident, bool>> NeedsReviewQuery =
        i => i.Grade >= ReviewFromGrade || i.Serious != SeriousCriteria.None;

    /// <summary>Needs review and not signed off yet: the medical director's queue, as SQL.</summary>
    public static readonly Expression<Func<Incident, bool>> AwaitingReviewQuery =
        i => i.SignedOffAt == null && (i.Grade >= ReviewFromGrade || i.Serious != SeriousCriteria.None);
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

    /// <summary>Longest plausible onset after a dose: a week (later reactions are not attributed to the session).</summary>
    public const int MaxOnsetMinutes = 7 * 24 * 60;

    /// <summary>What is impossible in the record as filled in: times in the future or out of order, implausible vitals, dose or onset.</summary>
    public IEnumerable<DomainException> RuleViolations(DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(Description)) yield return new(nameof(Description), "Describe what happened.");
        if (PastTimes.IsFuture(OccurredAt, nowUtc)) yield return new(nameof(OccurredAt), "The time it occurred cannot be in the future.");
        else if (PlausibleDates.Problem(DateOnly.FromDateTime(OccurredAt), "The time it occurred") is { } year) yield return new(nameof(OccurredAt), year);
        if (ResolvedAt is { } resolved)
        {
            if (resolved < OccurredAt) yield return new(nameof(ResolvedAt), "Resolved cannot be before the time it occurred.");
            else if (PastTimes.IsFuture(resolved, nowUtc)) yield return new(nameof(ResolvedAt), "Resolved cannot be in the future; leave it empty while ongoing.");
        }
        if (RescueGivenAt is { } given)
        {
            if (given < OccurredAt) yield return new(nameof(RescueGivenAt), "Rescue medication cannot be given before the time it occurred.");
            else if (PastTimes.IsFuture(given, nowUtc)) yield return new(nameof(RescueGivenAt), "The time rescue medication was given cannot be in the future.");
        }
        if ((RescueDose is not null || RescueGivenAt is not null) && string.IsNullOrWhiteSpace(RescueMedication))
            yield return new(nameof(RescueMedication), "Name the rescue medication given.");
        if (OnsetMinutesAfterDose is { } onset && onset is < 0 or > MaxOnsetMinutes)
            yield return new(nameof(OnsetMinutesAfterDose), $"Onset must be between 0 and {MaxOnsetMinutes} minutes after the dose.");
        if (ClinicalLimits.DoseProblem(DoseMg) is { } doseProblem) yield return new(nameof(DoseMg), doseProblem);
        if (Outcome == IncidentOutcome.Fatal && Grade != 5)
            yield return new(nameof(Outcome), "A fatal outcome is CTCAE grade 5.");
        if (Outcome is IncidentOutcome.Resolved or IncidentOutcome.ResolvedWithSequelae && ResolvedAt is null)
            yield return new(nameof(ResolvedAt), "Enter when it resolved.");
        // The same limits as a visit's vitals: SpO2 120 or BP 400/20 are typing errors wherever they are entered.
        foreach (var (field, message) in ClinicalLimits.VitalsProblems(Vitals)) yield return new($"{nameof(Vitals)}.{field}", message);
    }

    /// <summary>Later information: allowed before and after sign-off (the signed record itself never changes).</summary>
    public IncidentAddendum AddAddendum(string text, string author, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Text", "Write the addendum.");
        var addendum = new IncidentAddendum { IncidentId = Id, Text = text.Trim(), Author = author, WrittenAt = nowUtc };
        Addenda.Add(addendum);
        return addendum;
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
