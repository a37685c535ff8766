using ClinicAdmin.Data;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>One incident in full: what happened, severity, response, review and addenda. Clinicians and the medical director.</summary>
[Authorize(Policy = Policies.ReadClinical)]
public class DetailsModel(ClinicDbContext db, ClinicTime clinicTime, IAuthorizationService auth) : PageModel, IPatientDataPage
{
    /// <summary>For the access log: this patient's incident was shown.</summary>
    public PatientAccess? Access { get; private set; }
    public sealed record AddendumRow(DateTime WrittenAtLocal, string Author, string Text);

    public Incident Incident { get; private set; } = null!;
    public IncidentContext Context { get; private set; } = null!;
    public int PatientId { get; private set; }
    public IReadOnlyList<AddendumRow> Addenda { get; private set; } = [];
    public Domain.Common.ClinicClock Clock { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanSignOff { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return NotFound();
        var clock = Clock = await clinicTime.ClockAsync();
        Incident = incident;
        PatientId = incident.PatientId;
        Access = PatientAccess.View(incident.PatientId);
        Context = await IncidentContext.LoadAsync(db, clock, incident.PatientId, incident.VisitId);
        Addenda = (await db.IncidentAddenda.Where(a => a.IncidentId == incident.Id).OrderBy(a => a.WrittenAt).ThenBy(a => a.Id)
                .Select(a => new { a.WrittenAt, a.Author, a.Text }).ToListAsync())
            .Select(a => new AddendumRow(clock.ToLocal(a.WrittenAt), a.Author, a.Text)).ToList();
        CanEdit = !incident.IsLocked && (await auth.AuthorizeAsync(User, Policies.RecordClinical)).Succeeded;
        CanSignOff = !incident.IsLocked && (await auth.AuthorizeAsync(User, Policies.MedicalDirector)).Succeeded;
        return Page();
    }

    public string Local(DateTime? utc) => utc is { } u ? RecordText.DateTime(Clock.ToLocal(u)) : "—";
}
