using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Patients;

/// <summary>Rules of a treatment course: planned sessions, its lettered diagnoses (CMS-1500 box 21, A–L).</summary>
public static class CourseRules
{
    public const int DefaultPlannedSessions = 6;
    public const int MaxPlannedSessions = 30;
    /// <summary>Box 21 of the claim form has twelve diagnosis slots, A to L.</summary>
    public const int MaxDiagnoses = 12;

    public static char Letter(int position) =>
        position is >= 0 and < MaxDiagnoses ? (char)('A' + position) : throw new ArgumentOutOfRangeException(nameof(position));

    public static void CheckPlannedSessions(int planned)
    {
        if (planned is < 1 or > MaxPlannedSessions)
            throw new DomainException("PlannedSessions", $"Planned sessions are between 1 and {MaxPlannedSessions}.");
    }

    /// <summary>
    /// Sets the course's diagnoses in billing order (the first is A). At least one, at most twelve, each a valid
    /// ICD-10-CM code, none twice. Rows already at a position are updated in place so the audit trail shows real changes only.
    /// </summary>
    public static void SetDiagnoses(TreatmentCourse course, IReadOnlyList<(string Code, string Description)> diagnoses)
    {
        if (diagnoses.Count == 0) throw new DomainException("Diagnoses", "Choose at least one diagnosis: bills need one (letter A).");
        if (diagnoses.Count > MaxDiagnoses) throw new DomainException("Diagnoses", $"A bill has room for {MaxDiagnoses} diagnoses (A–L); choose fewer.");
        var codes = new List<string>();
        foreach (var (code, _) in diagnoses)
        {
            var c = Icd10.Normalize(code) ?? throw new DomainException("Diagnoses", $"\"{code}\" is not an ICD-10-CM code.");
            if (codes.Contains(c)) throw new DomainException("Diagnoses", $"{c} is listed twice.");
            codes.Add(c);
        }
        for (var i = 0; i < codes.Count; i++)
        {
            var row = course.Diagnoses.FirstOrDefault(d => d.Position == i);
            if (row is null) course.Diagnoses.Add(row = new CourseDiagnosis { Position = i });
            row.Code = codes[i];
            row.Description = diagnoses[i].Description.Trim();
        }
        course.Diagnoses.RemoveAll(d => d.Position >= codes.Count);
        course.Diagnoses.Sort((a, b) => a.Position.CompareTo(b.Position));
    }

    /// <summary>Completed and stopped courses have an end date; it cannot be before the start.</summary>
    public static void CheckDates(TreatmentCourse course)
    {
        if (course.EndDate is { } end && end < course.StartDate)
            throw new DomainException("EndDate", "The end date cannot be before the start date.");
        if (course.Status is CourseStatus.Planned or CourseStatus.Active && course.EndDate is not null)
            throw new DomainException("EndDate", "Only a completed or stopped course has an end date.");
    }
}
