using ClinicAdmin.Domain.Clinic;

namespace ClinicAdmin.Reports.Workbooks;

/// <summary>
/// Everything the monthly outcome workbook shows, as plain data: the figures are computed before
/// (by the same code as the on-screen dashboard) and the writer only lays them out. Row lists are
/// <see cref="IEnumerable{T}"/> and are enumerated exactly once, in order, so a caller can stream a
/// 100,000-session month straight from a query without holding it in memory.
/// Times in rows are clinic-local clock times (the producer converts from UTC with
/// <see cref="ReportMonth.TimeZoneId"/>); money is decimal US dollars.
/// </summary>
public sealed record OutcomeWorkbookModel
{
    public required string ClinicName { get; init; }
    /// <summary>The location covered, e.g. ("MID", "Lakeshore Middleton"); null for the whole group (every location).</summary>
    public WorkbookLocation? Location { get; init; }
    public required ReportMonth Month { get; init; }
    /// <summary>When it was generated; shown in the clinic's time zone.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }
    public required string GeneratedBy { get; init; }
    /// <summary>1 for the first workbook of a month; regenerating creates the next version.</summary>
    public int Version { get; init; } = 1;
    /// <summary>Clinic setting: show patient names beside MRNs. Off by default: MRN only.</summary>
    public bool ShowPatientNames { get; init; }
    /// <summary>How date cells display (the clinic's setting); the cells hold real dates whatever the style.</summary>
    public DateStyle DateStyle { get; init; } = DateStyles.Default;

    public required MonthSummary ThisMonth { get; init; }
    /// <summary>Null when the clinic has no previous month (its first month): the column stays blank.</summary>
    public MonthSummary? PreviousMonth { get; init; }
    public OutcomeDefinitions Definitions { get; init; } = OutcomeDefinitions.Standard;

    public IEnumerable<OutcomeRow> Outcomes { get; init; } = [];
    public IEnumerable<AssessmentRow> Assessments { get; init; } = [];
    public IEnumerable<SessionRow> Sessions { get; init; } = [];
    public IEnumerable<IncidentRow> Incidents { get; init; } = [];
    public IEnumerable<RevenueRow> Revenue { get; init; } = [];
    /// <summary>The last 12 months, oldest first, ending with <see cref="Month"/>.</summary>
    public IEnumerable<TrendRow> Trend { get; init; } = [];
}

/// <summary>The one location a workbook covers.</summary>
public sealed record WorkbookLocation(string Code, string Name);

/// <summary>A calendar month in a clinic's time zone (IANA id, e.g. "America/New_York").</summary>
public sealed record ReportMonth(int Year, int Month, string TimeZoneId)
{
    public DateOnly FirstDay => new(Year, Month, 1);
    public ReportMonth Previous() => Month == 1 ? new(Year - 1, 12, TimeZoneId) : new(Year, Month - 1, TimeZoneId);
    /// <summary>"2025-03": the same in every culture.</summary>
    public string Label => $"{Year:D4}-{Month:D2}";
    public override string ToString() => Label;
}

/// <summary>n of N, e.g. responders of courses evaluated. The rate is null when N is 0 (nothing to divide).</summary>
public readonly record struct Proportion(int Count, int Total)
{
    public decimal? Rate => Total == 0 ? null : (decimal)Count / Total;
}

/// <summary>Mean change of a score from baseline (negative = better) over the courses that have both a baseline and a later score.</summary>
public readonly record struct ScoreChange(decimal? Mean, int Courses);

public sealed record LabelCount(string Label, int Count);

public sealed record LabelAmount(string Label, decimal Amount);

/// <summary>Incidents of one CTCAE grade (1 mild … 5 death).</summary>
public sealed record GradeCount(int Grade, int Count);

/// <summary>The headline figures of one month; the Summary sheet shows two of these side by side.</summary>
public sealed record MonthSummary
{
    public int PatientsTreated { get; init; }
    public IReadOnlyList<LabelCount> SessionsByService { get; init; } = [];
    public int CoursesStarted { get; init; }
    public int CoursesCompleted { get; init; }
    public ScoreChange Phq9Change { get; init; }
    public ScoreChange Gad7Change { get; init; }
    public Proportion Response { get; init; }
    public Proportion Remission { get; init; }
    public IReadOnlyList<LabelCount> IncidentsByType { get; init; } = [];
    public IReadOnlyList<GradeCount> IncidentsByGrade { get; init; } = [];
    public int SeriousIncidents { get; init; }
    /// <summary>How many sessions used each add-on.</summary>
    public IReadOnlyList<LabelCount> AddOnUse { get; init; } = [];
    public IReadOnlyList<LabelAmount> RevenueByCategory { get; init; } = [];
    public IReadOnlyList<LabelCount> SessionsByProvider { get; init; } = [];
    /// <summary>Sessions at each location (the group's figures; one entry for a location's own).</summary>
    public IReadOnlyList<LabelCount> SessionsByLocation { get; init; } = [];

    public int Sessions => SessionsByService.Sum(s => s.Count);
    public int Incidents => IncidentsByType.Sum(i => i.Count);
    public decimal Revenue => RevenueByCategory.Sum(r => r.Amount);
    public decimal? IncidentRatePer100 => IncidentRate.Per100Sessions(Incidents, Sessions);
}

public static class IncidentRate
{
    /// <summary>Incidents per 100 sessions; null for a month without sessions.</summary>
    public static decimal? Per100Sessions(int incidents, int sessions) => sessions == 0 ? null : incidents * 100m / sessions;
}

/// <summary>The definitions printed under the rates, so a reader never has to guess what a figure means.</summary>
public sealed record OutcomeDefinitions(string Response, string Remission, string Baseline, string IncidentRate)
{
    public static OutcomeDefinitions Standard { get; } = new(
        Response: "Response: PHQ-9 total reduced by 50% or more from baseline. N = courses with a baseline PHQ-9 above 0 and a later PHQ-9.",
        Remission: "Remission: latest PHQ-9 total below 5, in a course whose baseline PHQ-9 was 5 or more.",
        Baseline: "Baseline: the last assessment on or before the first treatment of the course; courses without one are not counted in the rates.",
        IncidentRate: "Incident rate: side-effect incidents recorded in the month per 100 sessions given in the month.");
}

/// <summary>One course with any activity in the month.</summary>
public sealed record OutcomeRow
{
    public required string PatientMrn { get; init; }
    /// <summary>Shown only when <see cref="OutcomeWorkbookModel.ShowPatientNames"/> is on.</summary>
    public string? PatientName { get; init; }
    public required string Indication { get; init; }
    public DateOnly? CourseStarted { get; init; }
    public int SessionsSoFar { get; init; }
    public int? Phq9Baseline { get; init; }
    public int? Phq9Latest { get; init; }
    /// <summary>Percent points, e.g. -50.0 for halved; null without a baseline, a later score, or with baseline 0.</summary>
    public decimal? Phq9PercentChange { get; init; }
    public int? Gad7Baseline { get; init; }
    public int? Gad7Latest { get; init; }
    public decimal? Gad7PercentChange { get; init; }
    /// <summary>Null when the course cannot be evaluated yet (no baseline or no later PHQ-9).</summary>
    public bool? Responder { get; init; }
    public bool? Remitter { get; init; }
}

public sealed record AssessmentRow
{
    public required DateTime TakenAt { get; init; }
    public required string PatientMrn { get; init; }
    public string? PatientName { get; init; }
    public string? Indication { get; init; }
    /// <summary>"PHQ-9", "GAD-7", "Pain NRS", "PCL-5".</summary>
    public required string Instrument { get; init; }
    public int Total { get; init; }
    public string? Band { get; init; }
    public bool IsBaseline { get; init; }
}

public sealed record SessionRow
{
    public required DateOnly Date { get; init; }
    public required string PatientMrn { get; init; }
    public string? PatientName { get; init; }
    public required string Provider { get; init; }
    /// <summary>The location's code, e.g. "MAD".</summary>
    public string? Location { get; init; }
    public required string Service { get; init; }
    public string? Category { get; init; }
    /// <summary>"IV", "IM", "Intranasal", "Oral", or empty for non-drug sessions.</summary>
    public string? Route { get; init; }
    public int? SessionNumber { get; init; }
    public decimal? DoseMg { get; init; }
    public decimal? WeightKg { get; init; }
    /// <summary>Add-ons used in the session, e.g. ["Ondansetron", "NAD+ infusion"].</summary>
    public IReadOnlyList<string> AddOns { get; init; } = [];
    public decimal Charge { get; init; }

    public decimal? DoseMgPerKg => ClinicAdmin.Domain.Visits.Dosing.MgPerKg(DoseMg, WeightKg);
}

/// <summary>An incident with every field of the record (CTCAE grade, FDA serious criteria, review, reportability).</summary>
public sealed record IncidentRow
{
    public required DateTime OccurredAt { get; init; }
    public required string PatientMrn { get; init; }
    public string? PatientName { get; init; }
    /// <summary>The visit it belongs to, e.g. "V-1042" or the visit date; null when outside a visit.</summary>
    public string? Visit { get; init; }
    public required string Type { get; init; }
    public int Grade { get; init; }
    public bool Serious { get; init; }
    /// <summary>FDA criteria met, e.g. "Hospitalisation; Life-threatening".</summary>
    public string? SeriousCriteria { get; init; }
    public string? Drug { get; init; }
    public string? Route { get; init; }
    public decimal? DoseMg { get; init; }
    public string? LotNumber { get; init; }
    public int? OnsetMinutesAfterDose { get; init; }
    public required string Description { get; init; }
    public int? Systolic { get; init; }
    public int? Diastolic { get; init; }
    public int? HeartRate { get; init; }
    public int? SpO2 { get; init; }
    public string? ActionTaken { get; init; }
    public string? RescueMedication { get; init; }
    public string? RescueDose { get; init; }
    public DateTime? RescueGivenAt { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public string? Outcome { get; init; }
    public string? FollowUp { get; init; }
    public string? ReportedBy { get; init; }
    public string? ReviewedBy { get; init; }
    public DateTime? ReviewedAt { get; init; }
    public string? ReviewNotes { get; init; }
    public bool ReportableToMedWatch { get; init; }
    public bool ReportableToRems { get; init; }
    /// <summary>Later information added after the record, oldest first.</summary>
    public IReadOnlyList<string> Addenda { get; init; } = [];
}

public sealed record RevenueRow(string Category, string Service, int Sessions, decimal Amount);

/// <summary>One month of the 12-month trend.</summary>
public sealed record TrendRow(int Year, int Month, int PatientsTreated, int Sessions, Proportion Response, Proportion Remission, int Incidents)
{
    public string Label => $"{Year:D4}-{Month:D2}";
    public decimal? IncidentRatePer100 => IncidentRate.Per100Sessions(Incidents, Sessions);
}
