using ClinicAdmin.Data;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Reports.Outcomes;
using ClinicAdmin.Reports.Workbooks;
using Microsoft.EntityFrameworkCore;
using Route = ClinicAdmin.Domain.Visits.Route;

namespace ClinicAdmin.Web.Features.Outcomes;

/// <summary>
/// Loads a month's facts for the outcome figures (the arithmetic is ClinicAdmin.Reports/Outcomes/OutcomeMath, unit-tested
/// without a host). THE one place the figures come from: the dashboard and the workbook both call this, so they cannot
/// disagree. A clinic month is [1st 00:00 local, next 1st 00:00 local), converted to UTC with the clinic's zone.
/// Definitions:
/// - a session is a visit that started in the month; its service is its first non-add-on charge line's service;
/// - a course "with activity" had a visit or an assessment in the month; response/remission come from
///   <see cref="CourseOutcome.Compute"/> over the course's scores taken before the month ended (baseline = last score on or
///   before the course's first visit). Response N = courses with a baseline above 0 and a later PHQ-9; remission N =
///   courses with a baseline of 5 or more and a later PHQ-9;
/// - incidents are those that occurred in the month; revenue is the charges of the month's sessions.
/// Scope: the whole group (location null) or one location, filtered in SQL. A location's month is its sessions; the
/// assessments and incidents recorded at those visits, plus those recorded outside a visit for patients it treated in the
/// month; courses started/completed that had a session there. A course seen at two sites counts at both, so locations
/// do not add up to the group for courses (sessions, revenue and visit-bound records do).
/// Reads are Select projections, a fixed number of queries per month whatever its size (no N+1).
/// </summary>
public sealed class OutcomeFigures(ClinicDbContext db, TimeProvider time)
{
    public sealed record MonthRange(ReportMonth Month, DateTime StartUtc, DateTime EndUtc)
    {
        public DateOnly FirstDay => Month.FirstDay;
        public DateOnly LastDay => Month.FirstDay.AddMonths(1).AddDays(-1);
    }

    /// <summary>The clinic month in UTC: local midnight of the 1st to local midnight of the next 1st (DST-correct).</summary>
    public static MonthRange RangeOf(ReportMonth month)
    {
        var clock = ClinicClock.For(month.TimeZoneId, TimeProvider.System);
        var first = new DateTime(month.Year, month.Month, 1);
        return new(month, clock.ToUtc(first), clock.ToUtc(first.AddMonths(1)));
    }

    public async Task<(string Name, string TimeZoneId, bool ShowNames, DateStyle DateStyle)> SettingsAsync(CancellationToken ct = default)
    {
        var s = await db.ClinicSettings.AsNoTracking().Select(x => new { x.Name, x.TimeZoneId, x.ShowPatientNamesInReports, x.DateStyle }).FirstOrDefaultAsync(ct);
        return (s?.Name ?? "Clinic", ClinicClocks.ZoneOf(s?.TimeZoneId), s?.ShowPatientNamesInReports ?? false, s?.DateStyle ?? DateStyles.Default);
    }

    public async Task<ReportMonth> MonthAsync(int year, int month, CancellationToken ct = default) =>
        new(year, month, (await SettingsAsync(ct)).TimeZoneId);

    /// <summary>The headline figures of a month (the Summary sheet's column and the dashboard).</summary>
    public async Task<MonthSummary> SummaryAsync(ReportMonth month, int? locationId = null, CancellationToken ct = default)
    {
        var data = await LoadAsync(RangeOf(month), locationId, ct);
        return OutcomeMath.Summarize(data);
    }

    /// <summary>Null when the clinic had no session before the month (its first month): nothing to compare with.</summary>
    public async Task<MonthSummary?> PreviousSummaryAsync(ReportMonth month, int? locationId = null, CancellationToken ct = default)
    {
        var start = RangeOf(month).StartUtc;
        if (!await db.Visits.AnyAsync(v => v.StartedAt < start && (locationId == null || v.LocationId == locationId), ct)) return null;
        return await SummaryAsync(month.Previous(), locationId, ct);
    }

    /// <summary>
    /// The last 12 months, oldest first, ending with <paramref name="month"/>. Each row holds the figures its month's Summary
    /// shows, computed from the same scoped queries and the same course-outcome rule, but without loading the months'
    /// rows: counts in SQL, and the PHQ-9 scores of the courses active in the 12 months read once for all of them.
    /// <paramref name="known"/> lets a caller that already has a month's Summary (the dashboard, the workbook) reuse it.
    /// </summary>
    public async Task<IReadOnlyList<TrendRow>> TrendAsync(ReportMonth month, int? locationId = null, CancellationToken ct = default,
                                                          IReadOnlyDictionary<ReportMonth, MonthSummary>? known = null)
    {
        var months = new List<ReportMonth> { month };
        for (var i = 0; i < 11; i++) months.Insert(0, months[0].Previous());
        var ranges = months.Select(RangeOf).ToList();

        // Per month: sessions, patients, incidents (counts) and the courses with activity (ids only).
        var perMonth = new List<(int Sessions, int Patients, int Incidents, List<int> Courses)>();
        foreach (var range in ranges)
        {
            if (known is not null && known.ContainsKey(range.Month)) { perMonth.Add(default); continue; }
            var (visits, assessments, incidents, _) = Scoped(range, locationId);
            var sessions = await visits.CountAsync(ct);
            var patients = sessions == 0 ? 0 : await visits.Select(v => v.PatientId).Distinct().CountAsync(ct);
            var incidentCount = await incidents.CountAsync(ct);
            var courseIds = await visits.Where(v => v.TreatmentCourseId != null).Select(v => v.TreatmentCourseId!.Value)
                .Union(assessments.Where(a => a.TreatmentCourseId != null).Select(a => a.TreatmentCourseId!.Value)).ToListAsync(ct);
            perMonth.Add((sessions, patients, incidentCount, courseIds));
        }

        // The PHQ-9 history and first visit of every course active in any of the months, in two queries.
        var allCourses = perMonth.Where(m => m.Courses is not null).SelectMany(m => m.Courses).Distinct().ToList();
        var end = ranges[^1].EndUtc;
        var phq9 = new Dictionary<int, List<(DateTime TakenAt, int Total)>>();
        var firstVisit = new Dictionary<int, DateTime>();
        if (allCourses.Count > 0)
        {
            foreach (var a in await db.Assessments.AsNoTracking()
                         .Where(a => a.TreatmentCourseId != null && allCourses.Contains(a.TreatmentCourseId.Value) && a.Instrument == Instrument.Phq9 && a.TakenAt < end)
                         .Select(a => new { CourseId = a.TreatmentCourseId!.Value, a.TakenAt, a.TotalScore }).ToListAsync(ct))
                (phq9.TryGetValue(a.CourseId, out var list) ? list : phq9[a.CourseId] = []).Add((a.TakenAt, a.TotalScore));
            foreach (var v in await db.Visits.AsNoTracking()
                         .Where(v => v.TreatmentCourseId != null && allCourses.Contains(v.TreatmentCourseId.Value))
                         .GroupBy(v => v.TreatmentCourseId!.Value).Select(g => new { CourseId = g.Key, First = g.Min(v => v.StartedAt) }).ToListAsync(ct))
                firstVisit[v.CourseId] = v.First;
        }

        var rows = new List<TrendRow>();
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            if (known is not null && known.TryGetValue(m, out var s))
            {
                rows.Add(new TrendRow(m.Year, m.Month, s.PatientsTreated, s.Sessions, s.Response, s.Remission, s.Incidents));
                continue;
            }
            var e = ranges[i].EndUtc;
            // The Summary's rule: scores known when the month ended; the first visit only if it happened by then.
            var outcomes = perMonth[i].Courses.Select(c => CourseOutcome.Compute(
                (phq9.TryGetValue(c, out var scores) ? scores : []).Where(x => x.TakenAt < e),
                firstVisit.TryGetValue(c, out var f) && f < e ? f : null)).ToList();
            rows.Add(new TrendRow(m.Year, m.Month, perMonth[i].Patients, perMonth[i].Sessions,
                OutcomeMath.ResponseOf(outcomes), OutcomeMath.RemissionOf(outcomes), perMonth[i].Incidents));
        }
        return rows;
    }

    /// <summary>The trend for a month whose own and previous summaries the caller already has (the workbook, the dashboard).</summary>
    public Task<IReadOnlyList<TrendRow>> TrendAsync(ReportMonth month, int? locationId, MonthSummary thisMonth, MonthSummary? previous,
                                                   CancellationToken ct = default)
    {
        var known = new Dictionary<ReportMonth, MonthSummary> { [month] = thisMonth };
        if (previous is not null) known[month.Previous()] = previous;
        return TrendAsync(month, locationId, ct, known);
    }

    /// <summary>Everything the workbook shows for a month.</summary>
    public async Task<OutcomeWorkbookModel> WorkbookAsync(int year, int monthNumber, int version, string generatedBy, int? locationId = null, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(ct);
        var month = new ReportMonth(year, monthNumber, settings.TimeZoneId);
        var range = RangeOf(month);
        var data = await LoadAsync(range, locationId, ct);
        var scope = locationId is { } lid && data.Locations.TryGetValue(lid, out var here) ? new WorkbookLocation(here.Code, here.Name) : null;
        var clock = ClinicClock.For(month.TimeZoneId, time);
        var names = settings.ShowNames;
        var rows = new OutcomeRows(data, clock, names);
        // This month's and the previous month's summaries are computed once; the trend reuses them.
        var thisMonth = OutcomeMath.Summarize(data);
        var previous = await PreviousSummaryAsync(month, locationId, ct);

        return new OutcomeWorkbookModel
        {
            ClinicName = settings.Name, Location = scope, Month = month, GeneratedAt = time.GetUtcNow(), GeneratedBy = generatedBy, Version = version,
            ShowPatientNames = names, DateStyle = settings.DateStyle, ThisMonth = thisMonth, PreviousMonth = previous,
            Outcomes = rows.Outcomes(), Assessments = rows.Assessments(), Sessions = rows.Sessions(), Incidents = rows.Incidents(), Revenue = rows.Revenue(),
            Trend = await TrendAsync(month, locationId, thisMonth, previous, ct),
        };
    }

    // ---- loading: one projection per table, keyed lookups in memory ----

    /// <summary>
    /// What belongs to a month and scope, as queries: the month's sessions, assessments, incidents, and the courses of the
    /// scope. One location: its sessions; records made at those sessions; records outside a visit of patients it treated
    /// this month. Written as EXISTS subqueries so each figure stays one query (the (LocationId, StartedAt) index serves
    /// them). Shared by the full month and the trend, so both count the same rows.
    /// </summary>
    private (IQueryable<Visit> Visits, IQueryable<Assessment> Assessments, IQueryable<Incident> Incidents, IQueryable<TreatmentCourse> Courses)
        Scoped(MonthRange range, int? loc)
    {
        var (s, e) = (range.StartUtc, range.EndUtc);
        var monthVisits = db.Visits.AsNoTracking().Where(v => v.StartedAt >= s && v.StartedAt < e);
        var assessments = db.Assessments.AsNoTracking().Where(a => a.TakenAt >= s && a.TakenAt < e);
        var incidents = db.Incidents.AsNoTracking().Where(i => i.OccurredAt >= s && i.OccurredAt < e);
        var courses = db.Courses.AsNoTracking();
        if (loc is { } l)
        {
            assessments = assessments.Where(a => a.VisitId != null
                ? db.Visits.Any(v => v.Id == a.VisitId && v.LocationId == l)
                : monthVisits.Any(v => v.PatientId == a.PatientId && v.LocationId == l));
            incidents = incidents.Where(i => i.VisitId != null
                ? db.Visits.Any(v => v.Id == i.VisitId && v.LocationId == l)
                : monthVisits.Any(v => v.PatientId == i.PatientId && v.LocationId == l));
            courses = courses.Where(c => db.Visits.Any(v => v.TreatmentCourseId == c.Id && v.LocationId == l && v.StartedAt < e));
            monthVisits = monthVisits.Where(v => v.LocationId == l);
        }
        return (monthVisits, assessments, incidents, courses);
    }

    private async Task<MonthFacts> LoadAsync(MonthRange range, int? loc, CancellationToken ct)
    {
        var (s, e) = (range.StartUtc, range.EndUtc);
        var d = new MonthFacts();
        var (monthVisits, assessments, incidents, courses) = Scoped(range, loc);
        d.Visits = await monthVisits.AsNoTracking()
            .OrderBy(v => v.StartedAt).ThenBy(v => v.Id)
            .Select(v => new VisitFact(v.Id, v.PatientId, v.TreatmentCourseId, v.RenderingProviderId, v.LocationId, v.StartedAt, v.Route, v.SessionNumber,
                v.DoseMg, v.WeightKg, v.ChargeLines.Select(l => new LineFact(l.Id, l.ServiceId, l.IsAddOn, l.Amount)).ToList()))
            .ToListAsync(ct);
        d.Assessments = await assessments
            .OrderBy(a => a.TakenAt).ThenBy(a => a.Id)
            .Select(a => new ScoreFact(a.Id, a.PatientId, a.TreatmentCourseId, a.Instrument, a.TakenAt, a.TotalScore))
            .ToListAsync(ct);
        d.Incidents = await incidents
            .OrderBy(i => i.OccurredAt).ThenBy(i => i.Id)
            .Select(i => new IncidentFact(i.Id, i.PatientId, i.VisitId, i.Type, i.Grade, i.Serious, i.Drug, i.Route, i.DoseMg, i.LotNumber,
                i.OnsetMinutesAfterDose, i.OccurredAt, i.Description, i.Vitals.Systolic, i.Vitals.Diastolic, i.Vitals.HeartRate, i.Vitals.SpO2,
                i.ActionTaken, i.RescueMedication, i.RescueDose, i.RescueGivenAt, i.ResolvedAt, i.Outcome, i.FollowUp, i.ReportedBy,
                i.ReportableToMedWatch, i.ReportableToRems, i.ReviewedBy, i.SignedOffAt, i.ReviewNotes))
            .ToListAsync(ct);
        var incidentIds = d.Incidents.Select(i => i.Id).ToList();
        if (incidentIds.Count > 0)
            d.Addenda = (await db.IncidentAddenda.AsNoTracking().Where(a => incidentIds.Contains(a.IncidentId))
                    .OrderBy(a => a.WrittenAt).ThenBy(a => a.Id).Select(a => new { a.IncidentId, a.Text }).ToListAsync(ct))
                .GroupBy(a => a.IncidentId).ToDictionary(g => g.Key, g => g.Select(a => a.Text).ToList());

        // Courses with activity: a session or an assessment in the month.
        var courseIds = d.Visits.Where(v => v.CourseId is not null).Select(v => v.CourseId!.Value)
            .Concat(d.Assessments.Where(a => a.CourseId is not null).Select(a => a.CourseId!.Value)).Distinct().ToList();
        if (courseIds.Count > 0)
        {
            d.Courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id))
                .Select(c => new CourseFact { Id = c.Id, PatientId = c.PatientId, Indication = c.Indication, StartDate = c.StartDate })
                .ToDictionaryAsync(c => c.Id, ct);
            var courseVisits = await db.Visits.AsNoTracking()
                .Where(v => v.TreatmentCourseId != null && courseIds.Contains(v.TreatmentCourseId.Value) && v.StartedAt < e)
                .Select(v => new { CourseId = v.TreatmentCourseId!.Value, v.StartedAt }).ToListAsync(ct);
            foreach (var g in courseVisits.GroupBy(v => v.CourseId))
                if (d.Courses.TryGetValue(g.Key, out var c)) { c.FirstVisitAt = g.Min(v => v.StartedAt); c.SessionsSoFar = g.Count(); }
            // All per-course scores in one query: only what was known when the month ended.
            var scores = await db.Assessments.AsNoTracking()
                .Where(a => a.TreatmentCourseId != null && courseIds.Contains(a.TreatmentCourseId.Value) && a.TakenAt < e
                            && (a.Instrument == Instrument.Phq9 || a.Instrument == Instrument.Gad7))
                .Select(a => new ScoreFact(a.Id, a.PatientId, a.TreatmentCourseId, a.Instrument, a.TakenAt, a.TotalScore)).ToListAsync(ct);
            foreach (var g in scores.GroupBy(a => a.CourseId!.Value))
                if (d.Courses.TryGetValue(g.Key, out var c)) c.Scores = g.ToList();
            foreach (var c in d.Courses.Values)
            {
                c.Phq9 = CourseOutcome.Compute(c.Scores.Where(x => x.Instrument == Instrument.Phq9).Select(x => (x.TakenAt, x.Total)), c.FirstVisitAt);
                c.Gad7 = CourseOutcome.Compute(c.Scores.Where(x => x.Instrument == Instrument.Gad7).Select(x => (x.TakenAt, x.Total)), c.FirstVisitAt);
            }
        }

        var (first, last) = (range.FirstDay, range.LastDay);
        d.CoursesStarted = await courses.CountAsync(c => c.StartDate >= first && c.StartDate <= last, ct);
        d.CoursesCompleted = await courses.CountAsync(c => c.Status == CourseStatus.Completed && c.EndDate >= first && c.EndDate <= last, ct);

        var patientIds = d.Visits.Select(v => v.PatientId).Concat(d.Assessments.Select(a => a.PatientId))
            .Concat(d.Incidents.Select(i => i.PatientId)).Concat(d.Courses.Values.Select(c => c.PatientId)).Distinct().ToList();
        if (patientIds.Count > 0)
            d.Patients = (await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
                    .Select(p => new { p.Id, p.Mrn, p.FirstName, p.LastName }).ToListAsync(ct))
                .ToDictionary(p => p.Id, p => (p.Mrn, $"{p.FirstName} {p.LastName}"));
        // The catalog and roster are small: whole tables, two queries.
        d.Services = (await db.Services.AsNoTracking().Select(x => new { x.Id, x.Name, x.Category }).ToListAsync(ct))
            .ToDictionary(x => x.Id, x => new ServiceFact(x.Name, x.Category));
        d.Locations = (await db.Locations.AsNoTracking().Select(x => new { x.Id, x.Code, x.Name }).ToListAsync(ct)).ToDictionary(x => x.Id, x => (x.Code, x.Name));
        d.Providers = (await db.Staff.AsNoTracking().Select(x => new { x.Id, x.FirstName, x.LastName, x.Credentials }).ToListAsync(ct))
            .ToDictionary(x => x.Id, x => StaffMember.NameWithCredentials(x.FirstName, x.LastName, x.Credentials));
        return d;
    }
}
