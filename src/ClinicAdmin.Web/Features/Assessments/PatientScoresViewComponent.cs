using ClinicAdmin.Domain.Common;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Assessments;

/// <summary>
/// A patient's outcome scores: a chart over time per instrument plus a table. Renders nothing for users who may not
/// read clinical records (front desk, practice manager), so patient pages can include it for everyone.
/// </summary>
public class PatientScoresViewComponent(ClinicDbContext db, ClinicTime clinicTime) : ViewComponent
{
    public sealed record Row(int Id, Instrument Instrument, DateTime TakenAtLocal, int Total, string Band, int? Session, string? Course, bool SafetyFlag);

    public sealed record Model(int PatientId, IReadOnlyList<ScoreChart> Charts, IReadOnlyList<Row> Rows, bool CanRecord, Row? LatestPhq9WithSafetyFlag, string ReturnUrl,
        bool ShowingAll)
    {
        /// <summary>The table's rows: the latest <see cref="Shown"/> unless ?scores=all (the charts always draw every score).</summary>
        public IEnumerable<Row> RowsOnPage => ShowingAll ? Rows : Rows.Take(Shown);
    }

    /// <summary>A years-long record holds hundreds of scores; the table lists the latest this many so the patient page stays quick.</summary>
    public const int Shown = 20;

    public async Task<IViewComponentResult> InvokeAsync(int patientId)
    {
        if (!ClinicalAccess.CanRead(HttpContext.User)) return Content("");
        var clock = await clinicTime.ClockAsync();
        var raw = await (from a in db.Assessments.AsNoTracking()
                         where a.PatientId == patientId
                         join v in db.Visits on a.VisitId equals v.Id into vs
                         from v in vs.DefaultIfEmpty()
                         join c in db.Courses on a.TreatmentCourseId equals c.Id into cs
                         from c in cs.DefaultIfEmpty()
                         orderby a.TakenAt, a.Id
                         select new { a.Id, a.Instrument, a.TakenAt, a.TotalScore, a.Items, Session = (int?)v.SessionNumber, Indication = (Domain.Patients.Indication?)c.Indication })
            .ToListAsync();
        var rows = raw.Select(a =>
        {
            var items = a.Items.Length == 0 ? [] : a.Items.Split(',').Select(int.Parse).ToArray();
            return new Row(a.Id, a.Instrument, clock.ToLocal(a.TakenAt), a.TotalScore, Scoring.Band(a.Instrument, a.TotalScore), a.Session,
                a.Indication is { } ind ? Vocabulary.Label(ind) : null, Scoring.NeedsSafetyFollowUp(a.Instrument, items));
        }).ToList();
        var charts = Instruments.All.Where(i => rows.Any(r => r.Instrument == i))
            .Select(i => ScoreChart.For(i, rows.Where(r => r.Instrument == i)
                .Select(r => new ScorePoint(r.Id, r.TakenAtLocal, r.Total, r.Band, r.Session, r.SafetyFlag)).ToList()))
            .ToList();
        var latestPhq9 = rows.LastOrDefault(r => r.Instrument == Instrument.Phq9);
        var canRecord = ClinicalAccess.CanRecord(HttpContext.User);
        return View("~/Features/Assessments/Components/PatientScores/Default.cshtml", new Model(patientId, charts, rows.AsEnumerable().Reverse().ToList(), canRecord, latestPhq9 is { SafetyFlag: true } ? latestPhq9 : null,
            // After recording, come back to the page that shows this component (the patient page, usually).
            HttpContext.Request.PathBase + HttpContext.Request.Path + HttpContext.Request.QueryString,
            HttpContext.Request.Query["scores"] == "all"));
    }
}
