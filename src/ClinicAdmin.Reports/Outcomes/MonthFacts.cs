using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Reports.Workbooks;
using Route = ClinicAdmin.Domain.Visits.Route;

namespace ClinicAdmin.Reports.Outcomes;

// The facts of a clinic month, one projection per table (loaded by Web/Features/Outcomes/OutcomeFigures).

public sealed record LineFact(int Id, int ServiceId, bool IsAddOn, decimal Amount);
public sealed record VisitFact(int Id, int PatientId, int? CourseId, int ProviderId, int LocationId, DateTime StartedAt, Route Route, int? SessionNumber,
                                decimal? DoseMg, decimal? WeightKg, List<LineFact> Lines);
public sealed record ScoreFact(int Id, int PatientId, int? CourseId, Instrument Instrument, DateTime TakenAt, int Total);
public sealed record IncidentFact(int Id, int PatientId, int? VisitId, IncidentType Type, int Grade, SeriousCriteria Serious, string? Drug,
    Route Route, decimal? DoseMg, string? LotNumber, int? Onset, DateTime OccurredAt, string Description, int? Systolic, int? Diastolic,
    int? HeartRate, int? SpO2, string? ActionTaken, string? RescueMedication, string? RescueDose, DateTime? RescueGivenAt, DateTime? ResolvedAt,
    IncidentOutcome Outcome, string? FollowUp, string ReportedBy, bool MedWatch, bool Rems, string? ReviewedBy, DateTime? SignedOffAt, string? ReviewNotes);
public sealed record ServiceFact(string Name, ServiceCategory Category);

public sealed class CourseFact
{
    public int Id, PatientId, SessionsSoFar;
    public Indication Indication;
    public DateOnly StartDate;
    public DateTime? FirstVisitAt;
    public List<ScoreFact> Scores = [];
    public CourseOutcome Phq9 = null!, Gad7 = null!;
    public bool InResponseDenominator => Phq9.InResponseDenominator;
    public bool InRemissionDenominator => Phq9.InRemissionDenominator;

    /// <summary>When the baseline score was taken: the same rule as <see cref="CourseOutcome.Compute"/>.</summary>
    public DateTime? BaselineAt(Instrument instrument) => FirstVisitAt is { } first
        ? Scores.Where(s => s.Instrument == instrument && s.TakenAt <= first).Select(s => (DateTime?)s.TakenAt).Max()
        : null;
}

/// <summary>A month's rows in scope, keyed lookups for names: what the figures and the workbook sheets are computed from.</summary>
public sealed class MonthFacts
{
    public List<VisitFact> Visits = [];
    public List<ScoreFact> Assessments = [];
    public List<IncidentFact> Incidents = [];
    public Dictionary<int, List<string>> Addenda = [];
    public Dictionary<int, CourseFact> Courses = [];
    public Dictionary<int, (string Mrn, string Name)> Patients = [];
    public Dictionary<int, ServiceFact> Services = [];
    public Dictionary<int, string> Providers = [];
    public Dictionary<int, (string Code, string Name)> Locations = [];
    public int CoursesStarted, CoursesCompleted;

    private static readonly ServiceFact NoService = new("(no service)", ServiceCategory.ConsultationEvaluation);
    public ServiceFact ServiceInfo(int id) => Services.TryGetValue(id, out var s) ? s : new($"Service #{id}", ServiceCategory.ConsultationEvaluation);
    public string ServiceName(int id) => ServiceInfo(id).Name;
    /// <summary>A session's service: its first non-add-on line.</summary>
    public ServiceFact ServiceOf(VisitFact v) =>
        v.Lines.Where(l => !l.IsAddOn).OrderBy(l => l.Id).Select(l => ServiceInfo(l.ServiceId)).FirstOrDefault() ?? NoService;
    public string ProviderName(int id) => Providers.TryGetValue(id, out var n) ? n : $"Staff #{id}";
    public string LocationCode(int id) => Locations.TryGetValue(id, out var l) ? l.Code : $"#{id}";
}
