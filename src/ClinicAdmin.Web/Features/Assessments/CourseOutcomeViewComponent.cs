using ClinicAdmin.Data;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Assessments;

/// <summary>
/// A course's baseline, latest score, change, response and remission per instrument, all from
/// <see cref="CourseOutcome.Compute"/> (the one definition the reports use too). First treatment = the course's first visit.
/// Renders nothing for users who may not read clinical records.
/// </summary>
public class CourseOutcomeViewComponent(ClinicDbContext db, ClinicTime clinicTime) : ViewComponent
{
    public sealed record Line(Instrument Instrument, CourseOutcome Outcome, int Scores, DateTime? BaselineAtLocal, DateTime? LatestAtLocal)
    {
        /// <summary>Response and remission are defined for PHQ-9 only (NCQA / CBE 1885).</summary>
        public bool ShowsResponse => Instrument == Instrument.Phq9;
    }

    public sealed record Model(int CourseId, int PatientId, DateTime? FirstTreatmentLocal, IReadOnlyList<Line> Lines, bool CanRecord, string ReturnUrl);

    public async Task<IViewComponentResult> InvokeAsync(int courseId)
    {
        if (!ClinicalAccess.CanRead(HttpContext.User)) return Content("");
        var patientId = await db.Courses.Where(c => c.Id == courseId).Select(c => (int?)c.PatientId).SingleOrDefaultAsync();
        if (patientId is null) return Content("");
        var clock = await clinicTime.ClockAsync();
        var firstTreatment = await db.Visits.Where(v => v.TreatmentCourseId == courseId).MinAsync(v => (DateTime?)v.StartedAt);
        var scores = await db.Assessments.AsNoTracking().Where(a => a.TreatmentCourseId == courseId)
            .Select(a => new { a.Instrument, a.TakenAt, a.TotalScore }).ToListAsync();

        var lines = Instruments.All.Where(i => scores.Any(s => s.Instrument == i)).Select(i =>
        {
            var mine = scores.Where(s => s.Instrument == i).OrderBy(s => s.TakenAt).ToList();
            var outcome = CourseOutcome.Compute(mine.Select(s => (s.TakenAt, s.TotalScore)), firstTreatment);
            // When each shown score was taken, for the reader (Compute itself only returns the totals).
            DateTime? baselineAt = firstTreatment is { } ft && outcome.HasBaseline ? mine.Last(s => s.TakenAt <= ft).TakenAt : null;
            DateTime? latestAt = outcome.Latest is not null ? mine[^1].TakenAt : null;
            return new Line(i, outcome, mine.Count, baselineAt is { } b ? clock.ToLocal(b) : null, latestAt is { } l ? clock.ToLocal(l) : null);
        }).ToList();
        var canRecord = ClinicalAccess.CanRecord(HttpContext.User);
        return View("~/Features/Assessments/Components/CourseOutcome/Default.cshtml", new Model(courseId, patientId.Value, firstTreatment is { } f ? clock.ToLocal(f) : null, lines, canRecord,
            HttpContext.Request.PathBase + HttpContext.Request.Path + HttpContext.Request.QueryString));
    }
}
