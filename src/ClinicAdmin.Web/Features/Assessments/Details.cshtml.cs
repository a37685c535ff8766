using ClinicAdmin.Domain.Common;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Assessments;

/// <summary>One recorded score with its item answers. Clinical readers.</summary>
[Authorize(Policy = Policies.ReadClinical)]
public class DetailsModel(ClinicDbContext db, ClinicTime clinicTime) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    public sealed record View(int Id, int PatientId, string PatientName, string Mrn, Instrument Instrument, DateTime TakenAtLocal, int Total,
        string Band, IReadOnlyList<int> Items, int? Session, DateTime? VisitAtLocal, string? Course, bool SafetyFlag);

    public View Score { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        var a = await (from x in db.Assessments.AsNoTracking()
                       where x.Id == id
                       join p in db.Patients on x.PatientId equals p.Id
                       join v in db.Visits on x.VisitId equals v.Id into vs
                       from v in vs.DefaultIfEmpty()
                       join c in db.Courses on x.TreatmentCourseId equals c.Id into cs
                       from c in cs.DefaultIfEmpty()
                       select new
                       {
                           x.Id, x.PatientId, Name = p.FirstName + " " + p.LastName, p.Mrn, x.Instrument, x.TakenAt, x.TotalScore, x.Items,
                           Session = (int?)v.SessionNumber, VisitAt = (DateTime?)v.StartedAt, Indication = (Domain.Patients.Indication?)c.Indication,
                       }).SingleOrDefaultAsync();
        if (a is null) return NotFound();
        var clock = await clinicTime.ClockAsync();
        var items = a.Items.Length == 0 ? [] : a.Items.Split(',').Select(int.Parse).ToArray();
        Score = new View(a.Id, a.PatientId, a.Name, a.Mrn, a.Instrument, clock.ToLocal(a.TakenAt), a.TotalScore, Scoring.Band(a.Instrument, a.TotalScore),
            items, a.Session, a.VisitAt is { } va ? clock.ToLocal(va) : null, a.Indication is { } i ? Vocabulary.Label(i) : null,
            Scoring.NeedsSafetyFollowUp(a.Instrument, items));
        Access = PatientAccess.View(a.PatientId);
        return Page();
    }
}
