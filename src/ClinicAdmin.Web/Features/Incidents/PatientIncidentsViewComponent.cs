using ClinicAdmin.Data;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>
/// A patient's side-effect incidents with grade and review state. Renders nothing for users who may not read clinical
/// records (front desk, practice manager), so patient pages can include it for everyone.
/// </summary>
public class PatientIncidentsViewComponent(ClinicDbContext db, ClinicTime clinicTime) : ViewComponent
{
    public sealed record Row(int Id, DateTime OccurredAtLocal, IncidentType Type, int Grade, SeriousCriteria Serious, DateTime? SignedOffAt, int? Session, int Addenda);

    public sealed record Model(int PatientId, IReadOnlyList<Row> Rows, bool CanRecord);

    public async Task<IViewComponentResult> InvokeAsync(int patientId)
    {
        if (!ClinicalAccess.CanRead(HttpContext.User)) return Content("");
        var clock = await clinicTime.ClockAsync();
        var rows = await (from i in db.Incidents.AsNoTracking()
                          where i.PatientId == patientId
                          join v in db.Visits on i.VisitId equals v.Id into vs
                          from v in vs.DefaultIfEmpty()
                          orderby i.OccurredAt descending, i.Id descending
                          select new { i.Id, i.OccurredAt, i.Type, i.Grade, i.Serious, i.SignedOffAt, Session = (int?)v.SessionNumber, Addenda = i.Addenda.Count() })
            .ToListAsync();
        var canRecord = ClinicalAccess.CanRecord(HttpContext.User);
        return View("~/Features/Incidents/Components/PatientIncidents/Default.cshtml", new Model(patientId, rows.Select(r => new Row(r.Id, clock.ToLocal(r.OccurredAt), r.Type, r.Grade, r.Serious, r.SignedOffAt, r.Session, r.Addenda)).ToList(), canRecord));
    }
}
