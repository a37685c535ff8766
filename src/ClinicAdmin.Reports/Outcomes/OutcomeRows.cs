using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Reports.Workbooks;
using Route = ClinicAdmin.Domain.Visits.Route;

namespace ClinicAdmin.Reports.Outcomes;

/// <summary>The workbook's row sheets from a month's facts; names only when the clinic shows them in reports. Rows are streamed: made as the writer asks for them.</summary>
public sealed class OutcomeRows(MonthFacts d, ClinicClock clock, bool names)
{
    private string? NameOf(int patientId) => names && d.Patients.TryGetValue(patientId, out var p) ? p.Name : null;
    private string MrnOf(int patientId) => d.Patients.TryGetValue(patientId, out var p) ? p.Mrn : $"#{patientId}";

    public IReadOnlyList<OutcomeRow> Outcomes() => d.Courses.Values
            .OrderBy(c => MrnOf(c.PatientId), StringComparer.Ordinal).ThenBy(c => c.StartDate).ThenBy(c => c.Id)
            .Select(c => new OutcomeRow
            {
                PatientMrn = MrnOf(c.PatientId), PatientName = NameOf(c.PatientId), Indication = Vocabulary.Label(c.Indication),
                CourseStarted = c.StartDate, SessionsSoFar = c.SessionsSoFar,
                Phq9Baseline = c.Phq9.Baseline, Phq9Latest = c.Phq9.Latest, Phq9PercentChange = c.Phq9.PercentChange,
                Gad7Baseline = c.Gad7.Baseline, Gad7Latest = c.Gad7.Latest, Gad7PercentChange = c.Gad7.PercentChange,
                Responder = c.InResponseDenominator ? c.Phq9.Responder : null,
                Remitter = c.InRemissionDenominator ? c.Phq9.Remitter : null,
            }).ToList();

    public IEnumerable<AssessmentRow> Assessments() => d.Assessments.Select(a =>
        {
            var course = a.CourseId is { } id && d.Courses.TryGetValue(id, out var c) ? c : null;
            return new AssessmentRow
            {
                TakenAt = clock.ToLocal(a.TakenAt), PatientMrn = MrnOf(a.PatientId), PatientName = NameOf(a.PatientId),
                Indication = course is null ? null : Vocabulary.Label(course.Indication), Instrument = Scoring.Name(a.Instrument), Total = a.Total,
                Band = Scoring.Band(a.Instrument, a.Total), IsBaseline = course?.BaselineAt(a.Instrument) == a.TakenAt,
            };
        }); // streamed: rows are made as the writer asks for them

    public IEnumerable<SessionRow> Sessions() => d.Visits.Select(v => new SessionRow
        {
            Date = clock.DateOf(v.StartedAt), PatientMrn = MrnOf(v.PatientId), PatientName = NameOf(v.PatientId),
            Provider = d.ProviderName(v.ProviderId), Location = d.LocationCode(v.LocationId), Service = d.ServiceOf(v).Name, Category = Vocabulary.Label(d.ServiceOf(v).Category),
            Route = v.Route == Route.None ? "" : Vocabulary.Label(v.Route), SessionNumber = v.SessionNumber, DoseMg = v.DoseMg, WeightKg = v.WeightKg,
            AddOns = v.Lines.Where(l => l.IsAddOn).OrderBy(l => l.Id).Select(l => d.ServiceName(l.ServiceId)).ToList(),
            Charge = v.Lines.Sum(l => l.Amount),
        }); // streamed: rows are made as the writer asks for them

    public IEnumerable<IncidentRow> Incidents() => d.Incidents.Select(i => new IncidentRow
        {
            OccurredAt = clock.ToLocal(i.OccurredAt), PatientMrn = MrnOf(i.PatientId), PatientName = NameOf(i.PatientId),
            Visit = i.VisitId is { } vid ? $"V-{vid}" : null, Type = Vocabulary.Label(i.Type), Grade = i.Grade, Serious = i.Serious != SeriousCriteria.None,
            SeriousCriteria = i.Serious == SeriousCriteria.None ? null
                : Vocabulary.Serious(i.Serious, "; "),
            Drug = i.Drug, Route = Vocabulary.Label(i.Route), DoseMg = i.DoseMg, LotNumber = i.LotNumber, OnsetMinutesAfterDose = i.Onset,
            Description = i.Description, Systolic = i.Systolic, Diastolic = i.Diastolic, HeartRate = i.HeartRate, SpO2 = i.SpO2,
            ActionTaken = i.ActionTaken, RescueMedication = i.RescueMedication, RescueDose = i.RescueDose,
            RescueGivenAt = i.RescueGivenAt is { } rg ? clock.ToLocal(rg) : null, ResolvedAt = i.ResolvedAt is { } ra ? clock.ToLocal(ra) : null,
            Outcome = Vocabulary.Label(i.Outcome), FollowUp = i.FollowUp, ReportedBy = i.ReportedBy, ReviewedBy = i.ReviewedBy,
            ReviewedAt = i.SignedOffAt is { } so ? clock.ToLocal(so) : null, ReviewNotes = i.ReviewNotes,
            ReportableToMedWatch = i.MedWatch, ReportableToRems = i.Rems,
            Addenda = d.Addenda.TryGetValue(i.Id, out var list) ? list : [],
        }); // streamed: rows are made as the writer asks for them

    public IReadOnlyList<RevenueRow> Revenue() => d.Visits.SelectMany(v => v.Lines.Select(l => (Visit: v.Id, Line: l, Service: d.ServiceInfo(l.ServiceId))))
            .GroupBy(x => (Category: x.Service.Category, x.Service.Name))
            .Select(g => new RevenueRow(Vocabulary.Label(g.Key.Category), g.Key.Name, g.Select(x => x.Visit).Distinct().Count(), g.Sum(x => x.Line.Amount)))
            .OrderBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.Service, StringComparer.Ordinal).ToList();
}
