using ClinicAdmin.Domain.Clinic;
using System.Diagnostics;
using System.Text.Json;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Reports.Workbooks;
using ClinicAdmin.Web.Features.Outcomes;
using ClinicAdmin.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Outcomes;

/// <summary>
/// The outcome figures against hand-computed expectations on a small fixed data set (clinic zone America/Chicago,
/// February 2026 = [2026-02-01 06:00Z, 2026-03-01 06:00Z), CST all month).
/// Courses (PHQ-9 baseline -> latest before the month ended):
///   C1 20 -> 10 exactly 50%: responder, not remitter (a March score of 2 is ignored)
///   C2 12 -> 5: responder (5*2 = 10 &lt;= 12), PHQ-9 exactly 5 is not a remitter
///   C3 12 -> 4: responder and remitter
///   C4 no baseline (first score after the first visit): not evaluated
///   C5 baseline 0 -> 3: not evaluated
///   C6 16 -> 14: neither
/// Sessions in February: V1..V6 (V6 at 23:30 on Feb 28 local = Mar 1 05:30Z still counts); V7 (Mar 1 00:30 local),
/// V8 (Jan 31 23:30 local = Feb 1 05:30Z) and V9 (Jan 15) do not.
/// </summary>
public abstract class OutcomeFiguresTests(ClinicApp app) : PageTest(app)
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static DateTime Local(int month, int day, int hour, int minute = 0, int year = 2026) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), Chicago);

    private static int[] ItemsFor(Instrument instrument, int total)
    {
        var (n, max) = Scoring.Shape(instrument);
        var items = new int[n];
        for (var i = 0; i < n && total > 0; i++) { items[i] = Math.Min(max, total); total -= items[i]; }
        return items;
    }

    private async Task SeedAsync()
    {
        App.Clock.Set(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
        await App.InDbAsync(async db =>
        {
            var drA = new StaffMember { FirstName = "Ada", LastName = "Quill", Credentials = "MD", Title = "Medical Director", StartDate = new(2020, 1, 1) };
            var rnB = new StaffMember { FirstName = "Ben", LastName = "Rowe", Credentials = "RN", Title = "Infusion Nurse", StartDate = new(2020, 1, 1) };
            var infusion = new Service { Name = "IV ketamine infusion", Category = ServiceCategory.Infusion, BillingCode = "96365" };
            var spravato = new Service { Name = "Spravato session", Category = ServiceCategory.Spravato, BillingCode = "G2082" };
            var zofran = new Service { Name = "Ondansetron", Category = ServiceCategory.PreMedication, BillingCode = "J2405" };
            var nad = new Service { Name = "NAD+ infusion", Category = ServiceCategory.AddOnTherapy, BillingCode = "J3490" };
            var patients = Enumerable.Range(1, 6).Select(i => new Patient { Mrn = $"MRN-00{i}", FirstName = $"Pat{i}", LastName = "Testperson", DateOfBirth = new(1980, 1, i) }).ToList();
            db.AddRange(drA, rnB, infusion, spravato, zofran, nad);
            db.AddRange(patients);
            await db.SaveChangesAsync();
            var courses = patients.Select((p, i) => new TreatmentCourse
            {
                PatientId = p.Id, Indication = Indication.TreatmentResistantDepression, StartDate = i == 5 ? new(2026, 1, 15) : new(2026, 2, 2 + i),
                Status = i == 2 ? CourseStatus.Completed : CourseStatus.Active, EndDate = i == 2 ? new(2026, 2, 25) : null,
            }).ToList();
            db.AddRange(courses);
            await db.SaveChangesAsync();

            // V3 and V4 happen at the satellite; everything else at the baseline's MAIN.
            var satellite = new Location { Code = "SAT", Name = "Test Satellite", ServiceFacilityAddress = new() { Line1 = "2 Side St", City = "Springfield", State = "IL", PostalCode = "62702" } };
            db.Locations.Add(satellite);
            await db.SaveChangesAsync();
            SatelliteId = satellite.Id;
            Visit V(int p, int? course, StaffMember by, DateTime at, params (Service S, decimal Amount)[] lines) => VAt(App.MainLocationId, p, course, by, at, lines);
            Visit VAt(int location, int p, int? course, StaffMember by, DateTime at, params (Service S, decimal Amount)[] lines)
            {
                var v = new Visit { PatientId = patients[p].Id, LocationId = location, TreatmentCourseId = course is { } c ? courses[c].Id : null, RenderingProviderId = by.Id, StartedAt = at, Route = Route.IV, DoseMg = 35, WeightKg = 70 };
                foreach (var (s, amount) in lines) v.ChargeLines.Add(new ChargeLine { ServiceId = s.Id, Code = s.BillingCode, Description = s.Name, UnitPrice = amount, Amount = amount, IsAddOn = s.IsAddOn });
                db.Visits.Add(v);
                return v;
            }
            var v1 = V(0, 0, drA, Local(2, 2, 10), (infusion, 400m), (zofran, 20m));
            V(1, 1, drA, Local(2, 3, 10), (infusion, 400m));
            var v3 = VAt(satellite.Id, 2, 2, rnB, Local(2, 4, 10), (spravato, 600m), (nad, 150m), (zofran, 20m));
            VAt(satellite.Id, 3, 3, rnB, Local(2, 5, 10), (infusion, 400m));
            V(4, 4, drA, Local(2, 6, 10), (infusion, 400m));
            var v6 = V(5, 5, drA, Local(2, 28, 23, 30), (infusion, 400m));   // Mar 1 05:30Z: still February in Chicago
            V(1, null, drA, Local(3, 1, 0, 30), (infusion, 400m));            // March
            V(2, null, drA, Local(1, 31, 23, 30), (infusion, 400m));          // January although Feb 1 05:30Z
            V(5, 5, drA, Local(1, 15, 10), (infusion, 400m));                 // C6's first session, January
            await db.SaveChangesAsync();

            void Score(int p, int c, Instrument i, DateTime at, int total) =>
                db.Assessments.Add(Assessment.Record(patients[p].Id, courses[c].Id, null, i, at, ItemsFor(i, total)));
            Score(0, 0, Instrument.Phq9, Local(1, 31, 12), 20); Score(0, 0, Instrument.Phq9, Local(2, 20, 9), 10); Score(0, 0, Instrument.Phq9, Local(3, 5, 9), 2);
            Score(0, 0, Instrument.Gad7, Local(1, 31, 12), 14); Score(0, 0, Instrument.Gad7, Local(2, 20, 9), 7);
            Score(1, 1, Instrument.Phq9, Local(2, 3, 9), 12); Score(1, 1, Instrument.Phq9, Local(2, 24, 9), 5);
            Score(2, 2, Instrument.Phq9, Local(2, 4, 9), 12); Score(2, 2, Instrument.Phq9, Local(2, 25, 9), 4);
            Score(3, 3, Instrument.Phq9, Local(2, 5, 11), 15); Score(3, 3, Instrument.Phq9, Local(2, 25, 9), 8);
            Score(4, 4, Instrument.Phq9, Local(2, 6, 9), 0); Score(4, 4, Instrument.Phq9, Local(2, 20, 9), 3);
            Score(5, 5, Instrument.Phq9, Local(1, 14, 9), 16); Score(5, 5, Instrument.Phq9, Local(2, 27, 9), 14);

            Incident I(int p, Visit? v, IncidentType type, DateTime at, int grade, SeriousCriteria serious = SeriousCriteria.None)
            {
                var i = new Incident { PatientId = patients[p].Id, VisitId = v?.Id, Type = type, OccurredAt = at, Description = "=HYPERLINK(\"x\") typed by a user", ReportedBy = "Ben Rowe, RN" };
                i.Classify(grade, serious);
                db.Incidents.Add(i);
                return i;
            }
            I(0, v1, IncidentType.NauseaVomiting, Local(2, 2, 10, 30), 1);
            I(2, v3, IncidentType.Dissociation, Local(2, 4, 10, 20), 2);
            I(5, v6, IncidentType.Hypertension, Local(2, 28, 23, 45), 3, SeriousCriteria.Hospitalisation);
            I(1, null, IncidentType.Headache, Local(3, 2, 9), 1); // March
            await db.SaveChangesAsync();
        });
    }

    private int SatelliteId;

    private async Task<T> WithFiguresAsync<T>(Func<OutcomeFigures, Task<T>> work)
    {
        using var scope = App.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<OutcomeFigures>());
    }

    [Fact]
    public async Task The_month_summary_matches_the_hand_computed_figures()
    {
        await SeedAsync();
        var s = await WithFiguresAsync(async f => await f.SummaryAsync(await f.MonthAsync(2026, 2)));

        s.PatientsTreated.ShouldBe(6);            // P1..P6 (V1..V6)
        s.Sessions.ShouldBe(6);                   // V6 at 23:30 on Feb 28 counts, V7/V8/V9 do not
        s.SessionsByService.ShouldBe([new LabelCount("IV ketamine infusion", 5), new LabelCount("Spravato session", 1)]);
        s.SessionsByProvider.ShouldBe([new LabelCount("Ada Quill, MD", 4), new LabelCount("Ben Rowe, RN", 2)]);
        s.CoursesStarted.ShouldBe(5);             // C1..C5 start in February, C6 in January
        s.CoursesCompleted.ShouldBe(1);           // C3 ended Feb 25
        // Response: C1 (10*2 = 20 <= 20), C2, C3 of N = C1, C2, C3, C6 (C4 no baseline, C5 baseline 0) = 3/4
        s.Response.ShouldBe(new Proportion(3, 4));
        s.Response.Rate.ShouldBe(0.75m);
        // Remission: only C3 (4 < 5; C2's 5 is not) of the same 4 (all baselines >= 5) = 1/4
        s.Remission.ShouldBe(new Proportion(1, 4));
        // PHQ-9 change: C1 -10, C2 -7, C3 -8, C5 +3, C6 -2 => -24 / 5 = -4.8 (C4 has no baseline)
        s.Phq9Change.ShouldBe(new ScoreChange(-4.8m, 5));
        s.Gad7Change.ShouldBe(new ScoreChange(-7m, 1)); // C1 14 -> 7
        // Incidents: 3 in February (the one at 23:45 on Feb 28 local included) per 6 sessions => 3 * 100 / 6 = 50
        s.Incidents.ShouldBe(3);
        s.IncidentRatePer100.ShouldBe(50m);
        s.SeriousIncidents.ShouldBe(1);
        s.IncidentsByGrade.ShouldBe([new GradeCount(1, 1), new GradeCount(2, 1), new GradeCount(3, 1)]);
        s.AddOnUse.ShouldBe([new LabelCount("Ondansetron", 2), new LabelCount("NAD+ infusion", 1)]);
        // Revenue: infusion 5 * 400 = 2000; Spravato 600; add-on therapy (NAD+) 150; pre-medication 2 * 20 = 40; total 2790
        s.RevenueByCategory.ShouldBe([new LabelAmount("Infusions", 2000m), new LabelAmount("Spravato (esketamine)", 600m), new LabelAmount("Add-on therapies", 150m), new LabelAmount("Pre-medications", 40m)]);
        s.Revenue.ShouldBe(2790m);
    }

    [Fact]
    public async Task The_trend_gives_each_month_the_figures_of_its_own_summary_for_the_group_and_each_location()
    {
        await SeedAsync();
        foreach (var scope in new int?[] { null, SatelliteId, App.MainLocationId })
        {
            var (trend, summaries) = await WithFiguresAsync(async f =>
            {
                var march = await f.MonthAsync(2026, 3);
                var rows = await f.TrendAsync(march, scope); // computed without reusing any summary
                var months = new Dictionary<string, MonthSummary>();
                foreach (var m in new[] { march.Previous().Previous(), march.Previous(), march })
                    months[m.Label] = await f.SummaryAsync(m, scope);
                return (rows, months);
            });
            trend.Count.ShouldBe(12);
            foreach (var (label, s) in summaries)
            {
                var row = trend.Single(t => t.Label == label);
                row.ShouldSatisfyAllConditions($"{label} at {scope?.ToString() ?? "group"}",
                    r => r.Sessions.ShouldBe(s.Sessions), r => r.PatientsTreated.ShouldBe(s.PatientsTreated),
                    r => r.Response.ShouldBe(s.Response), r => r.Remission.ShouldBe(s.Remission), r => r.Incidents.ShouldBe(s.Incidents));
            }
            if (scope is null)
            {
                summaries["2026-02"].Response.ShouldBe(new Proportion(3, 4)); // the hand-computed month, so the comparison is not of empties
                trend.Single(t => t.Label == "2026-03").Sessions.ShouldBe(1); // V7
            }
        }
    }

    [Fact]
    public async Task One_location_counts_its_sessions_and_what_was_recorded_for_the_patients_it_treated()
    {
        await SeedAsync();
        var (sat, main, group, previous) = await WithFiguresAsync(async f =>
        {
            var m = await f.MonthAsync(2026, 2);
            return (await f.SummaryAsync(m, SatelliteId), await f.SummaryAsync(m, App.MainLocationId), await f.SummaryAsync(m), await f.PreviousSummaryAsync(m, SatelliteId));
        });

        // SAT: V3 (P3, C3, Spravato + NAD+ + ondansetron, Ben) and V4 (P4, C4, infusion, Ben).
        sat.PatientsTreated.ShouldBe(2);
        sat.Sessions.ShouldBe(2);
        sat.SessionsByService.ShouldBe([new LabelCount("IV ketamine infusion", 1), new LabelCount("Spravato session", 1)]);
        sat.SessionsByProvider.ShouldBe([new LabelCount("Ben Rowe, RN", 2)]);
        sat.SessionsByLocation.ShouldBe([new LabelCount("SAT Test Satellite", 2)]);
        sat.CoursesStarted.ShouldBe(2);   // C3 (Feb 4) and C4 (Feb 5) had a session there
        sat.CoursesCompleted.ShouldBe(1); // C3
        // Courses with activity: C3 (12 -> 4) and C4 (no baseline): response 1/1, remission 1/1, PHQ-9 change -8 over 1.
        sat.Response.ShouldBe(new Proportion(1, 1));
        sat.Remission.ShouldBe(new Proportion(1, 1));
        sat.Phq9Change.ShouldBe(new ScoreChange(-8m, 1));
        sat.Gad7Change.ShouldBe(new ScoreChange(null, 0)); // P1's GAD-7 was at MAIN
        sat.Incidents.ShouldBe(1);                          // the dissociation at V3
        sat.IncidentRatePer100.ShouldBe(50m);
        sat.SeriousIncidents.ShouldBe(0);
        sat.AddOnUse.ShouldBe([new LabelCount("NAD+ infusion", 1), new LabelCount("Ondansetron", 1)]);
        sat.RevenueByCategory.ShouldBe([new LabelAmount("Spravato (esketamine)", 600m), new LabelAmount("Infusions", 400m), new LabelAmount("Add-on therapies", 150m), new LabelAmount("Pre-medications", 20m)]);
        sat.Revenue.ShouldBe(1170m);
        previous.ShouldBeNull(); // SAT had no session before February

        // MAIN: V1, V2, V5, V6; the rest of the group.
        main.Sessions.ShouldBe(4);
        main.Revenue.ShouldBe(1620m);
        main.Incidents.ShouldBe(2);
        main.Response.ShouldBe(new Proportion(2, 3)); // C1, C2 of C1, C2, C6
        // Sessions, revenue and visit-bound incidents add up to the group's.
        (main.Sessions + sat.Sessions).ShouldBe(group.Sessions);
        (main.Revenue + sat.Revenue).ShouldBe(group.Revenue);
        (main.Incidents + sat.Incidents).ShouldBe(group.Incidents);
        group.SessionsByLocation.ShouldBe([new LabelCount("MAIN Test Ketamine Clinic Springfield", 4), new LabelCount("SAT Test Satellite", 2)]);
    }

    [Fact]
    public async Task A_location_workbook_is_its_own_document_and_the_group_workbook_names_each_session_location()
    {
        await SeedAsync();
        JobRun group, sat;
        using (var scope = App.Services.CreateScope())
        {
            var requests = scope.ServiceProvider.GetRequiredService<OutcomeWorkbookRequests>();
            group = await requests.RequestFirstAsync(2026, 2, "schedule", null);
            sat = await requests.RequestNextAsync(2026, 2, "tester", null, locationId: SatelliteId);
        }
        sat.RequestKey.ShouldBe($"workbook:2026-02:loc{SatelliteId}:v1"); // v1 of its own scope although the group has v1 too
        (await WaitAsync(group.Id)).Status.ShouldBe(JobStatus.Succeeded);
        var satDone = await WaitAsync(sat.Id);
        satDone.Status.ShouldBe(JobStatus.Succeeded, satDone.Error);
        var docs = await App.InDbAsync(db => db.Documents.AsNoTracking().Where(d => d.Kind == DocumentKind.OutcomeWorkbook).OrderBy(d => d.Id).ToListAsync());
        docs.Count.ShouldBe(2);
        var groupDoc = docs.Single(d => d.LocationId == null);
        var satDoc = docs.Single(d => d.LocationId == SatelliteId);
        satDoc.FileName.ShouldBe("outcomes-2026-02-SAT-v1.xlsx");
        satDoc.Version.ShouldBe(1);

        var groupSessions = ReadSheetWithOpenpyxl(groupDoc.Content, "Sessions");
        var column = groupSessions[0].IndexOf("Location");
        column.ShouldBeGreaterThanOrEqualTo(0);
        groupSessions.Skip(1).Select(r => r[column]).Where(v => v is "MAIN" or "SAT").ShouldBe(["MAIN", "MAIN", "SAT", "SAT", "MAIN", "MAIN"]);
        var satSessions = ReadSheetWithOpenpyxl(satDoc.Content, "Sessions");
        satSessions.Skip(1).Select(r => r[column]).Where(v => v is "MAIN" or "SAT").ShouldBe(["SAT", "SAT"]);

        var groupSummary = ReadSummaryWithOpenpyxl(groupDoc.Content);
        Number(groupSummary, "SAT Test Satellite").ShouldBe(2);
        Number(groupSummary, "MAIN Test Ketamine Clinic Springfield").ShouldBe(4);
        var satSummary = ReadSummaryWithOpenpyxl(satDoc.Content);
        Number(satSummary, "Sessions, all services").ShouldBe(2);
        satSummary.ContainsKey("Sessions by location").ShouldBeFalse(); // only the group's workbook breaks down by location
    }

    [Fact]
    public async Task Outcome_rows_show_the_edge_cases_and_the_mrn_not_the_name()
    {
        await SeedAsync();
        var model = await WithFiguresAsync(f => f.WorkbookAsync(2026, 2, 1, "tester"));
        var rows = model.Outcomes.ToDictionary(r => r.PatientMrn);
        rows.Count.ShouldBe(6);
        rows["MRN-001"].ShouldSatisfyAllConditions(r => r.Phq9PercentChange.ShouldBe(-50.0m), r => r.Responder.ShouldBe(true), r => r.Remitter.ShouldBe(false), r => r.PatientName.ShouldBeNull());
        rows["MRN-002"].ShouldSatisfyAllConditions(r => r.Phq9Latest.ShouldBe(5), r => r.Responder.ShouldBe(true), r => r.Remitter.ShouldBe(false));
        rows["MRN-003"].ShouldSatisfyAllConditions(r => r.Phq9Latest.ShouldBe(4), r => r.Remitter.ShouldBe(true));
        rows["MRN-004"].ShouldSatisfyAllConditions(r => r.Phq9Baseline.ShouldBeNull(), r => r.Responder.ShouldBeNull(), r => r.Remitter.ShouldBeNull());
        rows["MRN-005"].ShouldSatisfyAllConditions(r => r.Phq9Baseline.ShouldBe(0), r => r.Phq9PercentChange.ShouldBeNull(), r => r.Responder.ShouldBeNull());
        rows["MRN-006"].ShouldSatisfyAllConditions(r => r.SessionsSoFar.ShouldBe(2), r => r.Responder.ShouldBe(false), r => r.Remitter.ShouldBe(false));
        model.Sessions.Count().ShouldBe(6);
        model.Sessions.Last().Date.ShouldBe(new DateOnly(2026, 2, 28));
        model.Trend.Count().ShouldBe(12);
        model.Trend.Last().ShouldSatisfyAllConditions(t => t.Label.ShouldBe("2026-02"), t => t.Sessions.ShouldBe(6), t => t.Response.ShouldBe(new Proportion(3, 4)));
        model.PreviousMonth.ShouldNotBeNull().Sessions.ShouldBe(2); // V8 and V9 in January

        await App.InDbAsync(db => db.ClinicSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.ShowPatientNamesInReports, true)));
        var named = await WithFiguresAsync(f => f.WorkbookAsync(2026, 2, 1, "tester"));
        named.Outcomes.First(r => r.PatientMrn == "MRN-001").PatientName.ShouldBe("Pat1 Testperson");
    }

    [Fact]
    public async Task The_job_stores_a_valid_workbook_whose_summary_an_independent_reader_agrees_with()
    {
        await SeedAsync();
        JobRun run;
        using (var scope = App.Services.CreateScope())
        {
            var requests = scope.ServiceProvider.GetRequiredService<OutcomeWorkbookRequests>();
            var burst = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                using var s = App.Services.CreateScope();
                return await s.ServiceProvider.GetRequiredService<OutcomeWorkbookRequests>().RequestFirstAsync(2026, 2, "schedule", null);
            }));
            burst.Select(r => r.Id).Distinct().Count().ShouldBe(1); // two instances firing = one run
            run = burst[0];
        }
        run.RequestKey.ShouldBe("workbook:2026-02:v1");
        var done = await WaitAsync(run.Id);
        done.Status.ShouldBe(JobStatus.Succeeded, done.Error);
        var doc = await App.InDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == done.DocumentId));
        doc.ShouldSatisfyAllConditions(d => d.Kind.ShouldBe(DocumentKind.OutcomeWorkbook), d => d.Version.ShouldBe(1),
            d => d.PeriodStart.ShouldBe(new DateOnly(2026, 2, 1)), d => d.PeriodEnd.ShouldBe(new DateOnly(2026, 2, 28)),
            d => d.FileName.ShouldBe("outcomes-2026-02-v1.xlsx"), d => d.Content.Take(2).ShouldBe("PK"u8.ToArray()));

        using (var stream = new MemoryStream(doc.Content))
        using (var xlsx = SpreadsheetDocument.Open(stream, false))
            new OpenXmlValidator().Validate(xlsx).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();

        var summary = ReadSummaryWithOpenpyxl(doc.Content);
        var figures = await WithFiguresAsync(async f => await f.SummaryAsync(await f.MonthAsync(2026, 2)));
        Number(summary, "Patients treated").ShouldBe(figures.PatientsTreated);
        Number(summary, "Sessions, all services").ShouldBe(figures.Sessions);
        Number(summary, "Responders (n)").ShouldBe(figures.Response.Count);
        Number(summary, "Courses evaluated for response (N)").ShouldBe(figures.Response.Total);
        Number(summary, "Remitters (n)").ShouldBe(figures.Remission.Count);
        Number(summary, "Courses evaluated for remission (N)").ShouldBe(figures.Remission.Total);
        Number(summary, "Response rate (PHQ-9)").ShouldBe((double)figures.Response.Rate!.Value, 0.0001);
        Number(summary, "Incidents, all types").ShouldBe(figures.Incidents);
        Number(summary, "Incidents per 100 sessions").ShouldBe((double)figures.IncidentRatePer100!.Value, 0.0001);
        Number(summary, "Serious incidents (FDA criteria)").ShouldBe(figures.SeriousIncidents);
        Number(summary, "Mean PHQ-9 change from baseline, points").ShouldBe(-4.8, 0.0001);

        // A rerun of the same request returns the stored document; regenerating makes v2.
        using (var scope = App.Services.CreateScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<OutcomeWorkbookRequests>().RequestFirstAsync(2026, 2, "schedule", null);
            again.Id.ShouldBe(run.Id);
            var v2 = await scope.ServiceProvider.GetRequiredService<OutcomeWorkbookRequests>().RequestNextAsync(2026, 2, "tester", null);
            v2.RequestKey.ShouldBe("workbook:2026-02:v2");
            (await WaitAsync(v2.Id)).Status.ShouldBe(JobStatus.Succeeded);
        }
        (await App.InDbAsync(db => db.Documents.Where(d => d.Kind == DocumentKind.OutcomeWorkbook).OrderBy(d => d.Version).Select(d => d.Version).ToListAsync())).ShouldBe([1, 2]);
    }

    private static double Number(Dictionary<string, JsonElement> summary, string label) =>
        summary.TryGetValue(label, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw new ShouldAssertException($"Summary has no number for '{label}': {(summary.TryGetValue(label, out var x) ? x.ToString() : "missing")}");

    /// <summary>openpyxl: every row of a sheet as text cells (header row first).</summary>
    private static List<List<string?>> ReadSheetWithOpenpyxl(byte[] xlsx, string sheet)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wb-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, xlsx);
        try
        {
            const string script = "import json,sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1],data_only=True)\nws=wb[sys.argv[2]]\nrows=[[None if c is None else str(c) for c in r] for r in ws.iter_rows(values_only=True)]\nh=next(i for i,r in enumerate(rows) if 'Date' in r)\nprint(json.dumps(rows[h:]))\n";
            var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("-c"); psi.ArgumentList.Add(script); psi.ArgumentList.Add(path); psi.ArgumentList.Add(sheet);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEnd();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            p.ExitCode.ShouldBe(0, stderr);
            return JsonSerializer.Deserialize<List<List<string?>>>(stdout)!;
        }
        finally { File.Delete(path); }
    }

    /// <summary>openpyxl (an independent reader): column A label -> column B value of the Summary sheet.</summary>
    private static Dictionary<string, JsonElement> ReadSummaryWithOpenpyxl(byte[] xlsx)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wb-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, xlsx);
        try
        {
            const string script = "import json,sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1],data_only=True)\nws=wb['Summary']\nout={}\nfor r in ws.iter_rows(min_col=1,max_col=2,values_only=True):\n    if isinstance(r[0],str) and r[0] not in out: out[r[0]]=r[1] if isinstance(r[1],(int,float,str)) or r[1] is None else str(r[1])\nprint(json.dumps(out))\n";
            var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("-c"); psi.ArgumentList.Add(script); psi.ArgumentList.Add(path);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEnd();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            p.ExitCode.ShouldBe(0, stderr);
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(stdout)!;
        }
        finally { File.Delete(path); }
    }

    private async Task<JobRun> WaitAsync(int runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await App.InDbAsync(db => db.JobRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
            if (run.IsFinished) return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Run {runId} is {run.Status} ({run.Error}).");
            await Task.Delay(100);
        }
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class OutcomeFiguresTests_Sqlite(SqliteApp app) : OutcomeFiguresTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class OutcomeFiguresTests_PostgreSql(PostgreSqlApp app) : OutcomeFiguresTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class OutcomeFiguresTests_SqlServer(SqlServerApp app) : OutcomeFiguresTests(app);
