using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Reports.Outcomes;
using Shouldly;
using Xunit;
using Route = ClinicAdmin.Domain.Visits.Route;

namespace ClinicAdmin.Reports.Tests.Outcomes;

/// <summary>The month's figures from hand-made facts: no database, no web host.</summary>
[Trait("Category", "Unit")]
public sealed class OutcomeMathTests
{
    private static readonly DateTime Day = new(2026, 10, 5, 15, 0, 0, DateTimeKind.Utc);

    private static VisitFact Visit(int id, int patient, int provider, params LineFact[] lines) =>
        new(id, patient, 1, provider, 1, Day.AddDays(id), Route.IV, id, 35m, 70m, [.. lines]);

    private static CourseFact Course(int id, int patient, int baseline, int latest)
    {
        var first = Day;
        var scores = new[] { (first.AddDays(-1), baseline), (first.AddDays(14), latest) };
        return new CourseFact
        {
            Id = id, PatientId = patient, Indication = Indication.TreatmentResistantDepression, StartDate = DateOnly.FromDateTime(first), FirstVisitAt = first,
            Phq9 = CourseOutcome.Compute(scores, first), Gad7 = CourseOutcome.Compute([], first),
        };
    }

    private static MonthFacts Month()
    {
        var d = new MonthFacts
        {
            Services = { [1] = new ServiceFact("IV ketamine infusion", ServiceCategory.Infusion), [2] = new ServiceFact("NAD+ add-on", ServiceCategory.AddOnTherapy) },
            Providers = { [7] = "Dr. Ada Reyes", [8] = "Sam Ortiz, NP" },
            Locations = { [1] = ("MAIN", "Main clinic") },
            CoursesStarted = 2,
        };
        d.Visits.Add(Visit(1, 100, 7, new LineFact(1, 1, false, 399m), new LineFact(2, 2, true, 150m)));
        d.Visits.Add(Visit(2, 100, 7, new LineFact(3, 1, false, 399m)));
        d.Visits.Add(Visit(3, 200, 8, new LineFact(4, 1, false, 399.50m)));
        d.Courses[1] = Course(1, 100, baseline: 20, latest: 4);   // responder and remitter
        d.Courses[2] = Course(2, 200, baseline: 12, latest: 9);   // neither
        d.Courses[3] = Course(3, 300, baseline: 3, latest: 2);    // baseline under 5: not in the remission denominator
        d.Incidents.Add(Incident(1, IncidentType.NauseaVomiting, 1, SeriousCriteria.None));
        d.Incidents.Add(Incident(2, IncidentType.Hypertension, 3, SeriousCriteria.None));
        d.Incidents.Add(Incident(3, IncidentType.NauseaVomiting, 2, SeriousCriteria.Hospitalisation));
        return d;
    }

    private static IncidentFact Incident(int id, IncidentType type, int grade, SeriousCriteria serious) =>
        new(id, 100, 1, type, grade, serious, null, Route.IV, null, null, null, Day, "text", null, null, null, null, null, null, null, null, null,
            IncidentOutcome.Resolved, null, "nurse", false, false, null, null, null);

    [Fact]
    public void Sessions_patients_revenue_and_add_ons_are_counted_from_the_visits()
    {
        var s = OutcomeMath.Summarize(Month());

        s.PatientsTreated.ShouldBe(2);
        s.SessionsByService.Single().ShouldBe(new ClinicAdmin.Reports.Workbooks.LabelCount("IV ketamine infusion", 3));
        s.AddOnUse.Single().Count.ShouldBe(1);
        s.RevenueByCategory.Sum(r => r.Amount).ShouldBe(1347.50m);
        s.RevenueByCategory[0].Amount.ShouldBe(1197.50m); // infusions first: the larger amount
        s.SessionsByProvider.Select(p => (p.Label, p.Count)).ShouldBe([("Dr. Ada Reyes", 2), ("Sam Ortiz, NP", 1)]);
    }

    [Fact]
    public void Response_and_remission_use_their_own_denominators()
    {
        var s = OutcomeMath.Summarize(Month());

        (s.Response.Count, s.Response.Total).ShouldBe((1, 3));   // 20→4 responds; 12→9 and 3→2 fall less than half
        (s.Remission.Count, s.Remission.Total).ShouldBe((1, 2)); // course 3's baseline of 3 cannot remit
        s.Phq9Change.Courses.ShouldBe(3);
        s.Phq9Change.Mean.ShouldBe(Math.Round((-16m - 3m - 1m) / 3m, 2));
        s.Gad7Change.Mean.ShouldBeNull();
    }

    [Fact]
    public void Incidents_are_counted_by_type_grade_and_seriousness()
    {
        var s = OutcomeMath.Summarize(Month());

        s.IncidentsByType[0].Count.ShouldBe(2);
        s.IncidentsByGrade.Select(g => g.Grade).ShouldBe([1, 2, 3]);
        s.SeriousIncidents.ShouldBe(1);
    }
}
