using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Reports.Workbooks;
using Route = ClinicAdmin.Domain.Visits.Route;

namespace ClinicAdmin.Reports.Outcomes;

/// <summary>
/// The outcome arithmetic over a month's facts: the dashboard and the workbook both come through here, so they cannot
/// disagree. Pure: no database and no web host, so it is unit-tested from hand-made facts.
/// </summary>
public static class OutcomeMath
{
    /// <summary>Response: a fall of 50% or more from a baseline above 0, among courses with a baseline above 0 and a later score.</summary>
    public static Proportion ResponseOf(IReadOnlyCollection<CourseOutcome> phq9) =>
        new(phq9.Count(o => o.InResponseDenominator && o.Responder), phq9.Count(o => o.InResponseDenominator));
    /// <summary>Remission: a latest score under 5, among courses with a baseline of 5 or more and a later score.</summary>
    public static Proportion RemissionOf(IReadOnlyCollection<CourseOutcome> phq9) =>
        new(phq9.Count(o => o.InRemissionDenominator && o.Remitter), phq9.Count(o => o.InRemissionDenominator));

    /// <summary>The headline figures of a month (the Summary sheet's column and the dashboard).</summary>
    public static MonthSummary Summarize(MonthFacts d)
    {
        var courses = d.Courses.Values.ToList();
        static IReadOnlyList<LabelCount> Counted(IEnumerable<string> labels) =>
            labels.GroupBy(l => l).Select(g => new LabelCount(g.Key, g.Count()))
                .OrderByDescending(x => x.Count).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
        static ScoreChange Change(IEnumerable<CourseOutcome> outcomes)
        {
            var changes = outcomes.Where(o => o.Baseline is not null && o.Latest is not null).Select(o => (decimal)(o.Latest!.Value - o.Baseline!.Value)).ToList();
            return new ScoreChange(changes.Count == 0 ? null : Math.Round(changes.Average(), 2), changes.Count);
        }
        return new MonthSummary
        {
            PatientsTreated = d.Visits.Select(v => v.PatientId).Distinct().Count(),
            SessionsByService = Counted(d.Visits.Select(v => d.ServiceOf(v).Name)),
            CoursesStarted = d.CoursesStarted,
            CoursesCompleted = d.CoursesCompleted,
            Phq9Change = Change(courses.Select(c => c.Phq9)),
            Gad7Change = Change(courses.Select(c => c.Gad7)),
            Response = ResponseOf(courses.Select(c => c.Phq9).ToList()),
            Remission = RemissionOf(courses.Select(c => c.Phq9).ToList()),
            IncidentsByType = Counted(d.Incidents.Select(i => Vocabulary.Label(i.Type))),
            IncidentsByGrade = d.Incidents.GroupBy(i => i.Grade).OrderBy(g => g.Key).Select(g => new GradeCount(g.Key, g.Count())).ToList(),
            SeriousIncidents = d.Incidents.Count(i => i.Serious != SeriousCriteria.None),
            AddOnUse = Counted(d.Visits.SelectMany(v => v.Lines.Where(l => l.IsAddOn).Select(l => d.ServiceName(l.ServiceId)).Distinct())),
            RevenueByCategory = d.Visits.SelectMany(v => v.Lines).GroupBy(l => d.ServiceInfo(l.ServiceId).Category)
                .Select(g => new LabelAmount(Vocabulary.Label(g.Key), g.Sum(l => l.Amount)))
                .OrderByDescending(x => x.Amount).ThenBy(x => x.Label, StringComparer.Ordinal).ToList(),
            SessionsByProvider = Counted(d.Visits.Select(v => d.ProviderName(v.ProviderId))),
            SessionsByLocation = Counted(d.Visits.Select(v => d.Locations.TryGetValue(v.LocationId, out var l) ? $"{l.Code} {l.Name}" : $"Location #{v.LocationId}")),
        };
    }
}
