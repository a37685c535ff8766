using ClinicAdmin.Reports.Workbooks;

namespace ClinicAdmin.Reports.Tests.Workbooks;

/// <summary>A small fixed month (invented clinic and people) whose every figure the tests know by heart.</summary>
public static class SampleMonth
{
    public const string Injection = "=HYPERLINK(\"http://evil.example\",\"x\")";

    public static readonly MonthSummary March = new()
    {
        PatientsTreated = 7,
        SessionsByService = [new("IV ketamine infusion, mood", 12), new("Spravato session", 4), new("Integration session", 3)],
        SessionsByProvider = [new("Rowan Pike, MD", 10), new("Tess Alder, PMHNP-BC", 9)],
        SessionsByLocation = [new("MAD Harbor Madison", 14), new("MID Harbor Middleton", 5)],
        CoursesStarted = 3,
        CoursesCompleted = 1,
        Phq9Change = new(-6.5m, 4),
        Gad7Change = new(-4.25m, 4),
        Response = new(3, 4),
        Remission = new(1, 4),
        IncidentsByType = [new("Nausea/vomiting", 2), new("Dissociation", 1)],
        IncidentsByGrade = [new(1, 2), new(3, 1)],
        SeriousIncidents = 1,
        AddOnUse = [new("Ondansetron", 5), new("NAD+ infusion", 2)],
        RevenueByCategory = [new("Infusions", 4788m), new("Spravato", 1200.50m), new("Therapy", 450m)],
    };

    public static readonly MonthSummary February = new()
    {
        PatientsTreated = 5,
        SessionsByService = [new("IV ketamine infusion, mood", 10), new("Lidocaine infusion", 2)],
        SessionsByProvider = [new("Rowan Pike, MD", 12)],
        CoursesStarted = 2,
        CoursesCompleted = 2,
        Phq9Change = new(-5m, 2),
        Gad7Change = new(null, 0),
        Response = new(1, 2),
        Remission = new(0, 2),
        IncidentsByType = [new("Nausea/vomiting", 1)],
        IncidentsByGrade = [new(2, 1)],
        SeriousIncidents = 0,
        AddOnUse = [new("Ondansetron", 3)],
        RevenueByCategory = [new("Infusions", 3990m), new("Pain", 900m)],
    };

    public static IReadOnlyList<OutcomeRow> Outcomes =>
    [
        new() { PatientMrn = "MRN-000101", PatientName = "Ivy Marsh", Indication = "F33.2 MDD recurrent, severe", CourseStarted = new(2025, 2, 24),
            SessionsSoFar = 6, Phq9Baseline = 20, Phq9Latest = 10, Phq9PercentChange = -50.0m, Gad7Baseline = 15, Gad7Latest = 9, Gad7PercentChange = -40.0m,
            Responder = true, Remitter = false },
        new() { PatientMrn = "MRN-000102", PatientName = Injection, Indication = "+1", CourseStarted = new(2025, 3, 3),
            SessionsSoFar = 4, Phq9Baseline = 12, Phq9Latest = 4, Phq9PercentChange = -66.7m, Gad7Baseline = 8, Gad7Latest = 5, Gad7PercentChange = -37.5m,
            Responder = true, Remitter = true },
        new() { PatientMrn = "MRN-000103", PatientName = "Noel Brandt", Indication = "F43.10 PTSD", CourseStarted = new(2025, 3, 20),
            SessionsSoFar = 1, Phq9Baseline = null, Phq9Latest = 14, Responder = null, Remitter = null },
    ];

    public static IReadOnlyList<AssessmentRow> Assessments =>
    [
        new() { TakenAt = new(2025, 3, 3, 9, 15, 0), PatientMrn = "MRN-000102", PatientName = Injection, Indication = "+1", Instrument = "PHQ-9", Total = 12, Band = "Moderate", IsBaseline = true },
        new() { TakenAt = new(2025, 3, 28, 16, 45, 0), PatientMrn = "MRN-000102", PatientName = Injection, Indication = "+1", Instrument = "PHQ-9", Total = 4, Band = "Minimal" },
    ];

    public static IReadOnlyList<SessionRow> Sessions =>
    [
        new() { Date = new(2025, 3, 3), PatientMrn = "MRN-000102", PatientName = Injection, Provider = "Rowan Pike, MD", Location = "MAD", Service = "IV ketamine infusion, mood",
            Category = "Infusions", Route = "IV", SessionNumber = 1, DoseMg = 35m, WeightKg = 70m, AddOns = ["Ondansetron", "@SUM(A1)"], Charge = 399m },
        new() { Date = new(2025, 3, 5), PatientMrn = "MRN-000101", PatientName = "Ivy Marsh", Provider = "Tess Alder, PMHNP-BC", Location = "MID", Service = "Spravato session",
            Category = "Spravato", Route = "Intranasal", SessionNumber = 5, DoseMg = 84m, Charge = 300.125m },
        new() { Date = new(2025, 3, 31), PatientMrn = "MRN-000103", PatientName = "Noel Brandt", Provider = "-2", Service = "Integration session",
            Category = "Therapy", Charge = 150m },
    ];

    public static IReadOnlyList<IncidentRow> Incidents =>
    [
        new()
        {
            OccurredAt = new(2025, 3, 3, 10, 5, 0), PatientMrn = "MRN-000102", PatientName = Injection, Visit = "V-1042", Type = "Nausea/vomiting",
            Grade = 3, Serious = true, SeriousCriteria = "Hospitalisation", Drug = "Ketamine", Route = "IV", DoseMg = 35m, LotNumber = "KT-2291",
            OnsetMinutesAfterDose = 25, Description = "+1 vomited twice", Systolic = 150, Diastolic = 95, HeartRate = 102, SpO2 = 97,
            ActionTaken = "-2 infusion paused", RescueMedication = "Ondansetron", RescueDose = "4 mg IV", RescueGivenAt = new(2025, 3, 3, 10, 12, 0),
            ResolvedAt = new(2025, 3, 3, 11, 0, 0), Outcome = "Resolved", FollowUp = "@SUM(A1)", ReportedBy = "Kim Osei, RN", ReviewedBy = "Rowan Pike, MD",
            ReviewedAt = new(2025, 3, 4, 8, 30, 0), ReviewNotes = Injection, ReportableToMedWatch = true, ReportableToRems = false,
            Addenda = ["Called next day: well."],
        },
        new()
        {
            OccurredAt = new(2025, 3, 12, 14, 40, 0), PatientMrn = "MRN-000101", Type = "Dissociation", Grade = 1, Description = "Brief visual distortion",
            ReportedBy = "Kim Osei, RN",
        },
    ];

    public static IReadOnlyList<RevenueRow> Revenue =>
    [
        new("Infusions", "IV ketamine infusion, mood", 12, 4788m),
        new("Spravato", "Spravato session", 4, 1200.50m),
        new("Therapy", "Integration session", 3, 450m),
    ];

    /// <summary>April 2024 … March 2025; July 2024 had no evaluable course (rates blank).</summary>
    public static IReadOnlyList<TrendRow> Trend =>
        Enumerable.Range(0, 12).Select(i =>
        {
            var year = i < 9 ? 2024 : 2025;
            var month = (i + 3) % 12 + 1;
            return month == 7
                ? new TrendRow(year, month, 4, 9, new(0, 0), new(0, 0), 0)
                : new TrendRow(year, month, 5 + i, 10 + i, new(1 + i % 3, 4), new(i % 2, 4), i % 4);
        }).ToList();

    public static OutcomeWorkbookModel Model(bool showNames = false) => new()
    {
        ClinicName = "Maple Grove Ketamine Clinic",
        Month = new ReportMonth(2025, 3, "America/New_York"),
        GeneratedAt = new DateTimeOffset(2025, 4, 1, 6, 0, 0, TimeSpan.Zero),
        GeneratedBy = "Rowan Pike, MD",
        Version = 2,
        ShowPatientNames = showNames,
        ThisMonth = March,
        PreviousMonth = February,
        Outcomes = Outcomes,
        Assessments = Assessments,
        Sessions = Sessions,
        Incidents = Incidents,
        Revenue = Revenue,
        Trend = Trend,
    };

    /// <summary>A clinic's first month: nothing happened, no previous month, no trend.</summary>
    public static OutcomeWorkbookModel Empty() => new()
    {
        ClinicName = "New Clinic",
        Month = new ReportMonth(2025, 1, "America/Denver"),
        GeneratedAt = new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero),
        GeneratedBy = "Job",
        ThisMonth = new MonthSummary(),
    };
}
