using ClinicAdmin.Data;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Route = ClinicAdmin.Domain.Visits.Route;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>
/// Record a side effect from a visit in a few clicks: patient, visit, drug, route and dose come from the visit, the
/// reporter is the signed-in clinician. Also from a patient without a visit (e.g. next-day headache by phone). Clinicians only.
/// </summary>
[Authorize(Policy = Policies.RecordClinical)]
public class CreateModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<CreateModel> log) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    [BindProperty(SupportsGet = true)] public int? VisitId { get; set; }
    [BindProperty(SupportsGet = true)] public int? PatientId { get; set; }
    [BindProperty] public IncidentInput Input { get; set; } = new();

    public sealed record VisitSummary(int Id, DateTime StartedAtLocal, string Provider, Route Route, decimal? DoseMg, int? Session, bool IsSpravato);
    public sealed record PatientSummary(int Id, string Name, string Mrn, IReadOnlyList<string> Contraindications);

    public PatientSummary Patient { get; private set; } = null!;
    public VisitSummary? Visit { get; private set; }
    public string NowLocal { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var clock = await clinicTime.ClockAsync();
        var now = IncidentForm.Minute(clock.NowLocal);
        Input = new IncidentInput
        {
            Drug = Visit?.IsSpravato == true ? "Esketamine (Spravato)" : "Ketamine",
            Route = Visit?.Route ?? Route.IV, DoseMg = Visit?.DoseMg,
            // During today's visit "now" is right; for an earlier visit, start from the visit's time.
            OccurredAt = Visit is { } v && DateOnly.FromDateTime(v.StartedAtLocal) != clock.Today ? v.StartedAtLocal : now,
            ReportedBy = await IncidentText.PersonNameAsync(db, User),
            ReportableToRems = Visit?.IsSpravato == true,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var clock = await clinicTime.ClockAsync();
        var incident = new Incident { PatientId = Patient.Id, VisitId = Visit?.Id };
        if (!IncidentForm.Apply(Input, incident, clock, clinicTime.UtcNow, ModelState)) return Page();

        // A double-clicked submit sends the same report twice: keep the first.
        var duplicate = await db.Incidents.Where(i => i.PatientId == incident.PatientId && i.VisitId == incident.VisitId && i.Type == incident.Type
                                                      && i.OccurredAt == incident.OccurredAt && i.Description == incident.Description)
            .Select(i => (int?)i.Id).FirstOrDefaultAsync();
        if (duplicate is { } existing)
        {
            TempData["Flash"] = "This incident was already recorded.";
            return RedirectToPage("/Incidents/Details", new { id = existing });
        }

        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        log.LogInformation("Incident {IncidentId} recorded for patient {PatientId}, grade {Grade}", incident.Id, incident.PatientId, incident.Grade);
        TempData["Flash"] = $"Incident recorded (grade {incident.Grade})." + (incident.NeedsReview ? " Flagged for the medical director's review." : "");
        return RedirectToPage("/Incidents/Details", new { id = incident.Id });
    }

    private async Task<bool> LoadAsync()
    {
        var clock = await clinicTime.ClockAsync();
        NowLocal = IncidentForm.Minute(clock.NowLocal).ToString("yyyy-MM-ddTHH:mm");
        ViewData["NowLocal"] = NowLocal;
        if (VisitId is { } vid)
        {
            var v = await (from x in db.Visits
                           where x.Id == vid
                           join s in db.Staff on x.RenderingProviderId equals s.Id
                           select new { x.Id, x.PatientId, x.StartedAt, s.FirstName, s.LastName, s.Credentials, x.Route, x.DoseMg, x.SessionNumber }).SingleOrDefaultAsync();
            if (v is null || (PatientId is { } p && p != v.PatientId)) return false;
            var spravato = await db.ChargeLines.AnyAsync(l => l.VisitId == vid && IncidentText.SpravatoCodes.Contains(l.Code));
            Visit = new VisitSummary(v.Id, clock.ToLocal(v.StartedAt), StaffMember.NameWithCredentials(v.FirstName, v.LastName, v.Credentials),
                v.Route, v.DoseMg, v.SessionNumber, spravato);
            PatientId = v.PatientId;
        }
        if (PatientId is null) return false;
        var patient = await db.Patients.AsNoTracking().Where(x => x.Id == PatientId).SingleOrDefaultAsync();
        if (patient is null) return false;
        Patient = new PatientSummary(patient.Id, patient.FullName, patient.Mrn, patient.Contraindications().ToList());
        Access = PatientAccess.View(patient.Id);
        return true;
    }
}
