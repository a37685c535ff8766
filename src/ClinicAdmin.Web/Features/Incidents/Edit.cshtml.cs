using ClinicAdmin.Data;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>Correct an incident before the medical director signs it off; a signed incident is locked (addenda only). Clinicians only.</summary>
[Authorize(Policy = Policies.RecordClinical)]
public class EditModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<EditModel> log) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    [BindProperty] public IncidentInput Input { get; set; } = new();

    public int Id { get; private set; }
    public IncidentContext Context { get; private set; } = null!;
    public string? LockedMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return NotFound();
        var clock = await clinicTime.ClockAsync();
        await LoadAsync(incident);
        Input = IncidentForm.From(incident, clock);
        Access = PatientAccess.View(incident.PatientId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return NotFound();
        var clock = await clinicTime.ClockAsync();
        await LoadAsync(incident);
        if (incident.IsLocked)
        {
            // Nothing is changed; the typed values stay on screen so they can go into an addendum.
            ModelState.AddModelError("", LockedMessage!);
            return Page();
        }

        var savedNow = IncidentForm.Values(incident, clock);
        var stale = incident.ConcurrencyStamp != Input.ConcurrencyStamp;
        if (!IncidentForm.Apply(Input, incident, clock, clinicTime.UtcNow, ModelState)) return Page();
        if (stale)
        {
            Conflict(savedNow, incident.ConcurrencyStamp, clock);
            return Page();
        }
        db.Entry(incident).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        // The audit interceptor bumps the stamp only when the incident's own columns change; an edit of the vitals alone
        // (an owned type) must bump it too, or a second editor would silently overwrite it.
        incident.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var current = await ex.Entries.Single().GetDatabaseValuesAsync();
            if (current is null) return NotFound();
            db.ChangeTracker.Clear();
            var theirs = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id);
            await LoadAsync(theirs);
            if (theirs.IsLocked) { ModelState.AddModelError("", LockedMessage!); return Page(); }
            Conflict(IncidentForm.Values(theirs, clock), theirs.ConcurrencyStamp, clock);
            return Page();
        }
        log.LogInformation("Incident {IncidentId} updated", incident.Id);
        TempData["Flash"] = $"Incident saved (grade {incident.Grade})." + (incident.NeedsReview ? " Flagged for the medical director's review." : "");
        return RedirectToPage("/Incidents/Details", new { id = incident.Id });
    }

    private async Task LoadAsync(Incident incident)
    {
        var clock = await clinicTime.ClockAsync();
        Id = incident.Id;
        ViewData["NowLocal"] = IncidentForm.Minute(clock.NowLocal).ToString("yyyy-MM-ddTHH:mm");
        Context = await IncidentContext.LoadAsync(db, clock, incident.PatientId, incident.VisitId);
        LockedMessage = incident.IsLocked
            ? $"This incident was signed off by {incident.ReviewedBy} on {RecordText.DateTime(clock.ToLocal(incident.SignedOffAt!.Value))} and is locked: nothing was changed. Add an addendum instead."
            : null;
    }

    /// <summary>Another user saved first: refuse, name what they changed (their value now vs. what this user typed), arm a deliberate re-save.</summary>
    private void Conflict(Dictionary<string, string?> savedNow, Guid currentStamp, Domain.Common.ClinicClock clock)
    {
        var scratch = new Incident();
        IncidentForm.Apply(Input, scratch, clock, clinicTime.UtcNow, new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary());
        Input.Loaded = EditConflict.Refuse(ModelState, "this incident", IncidentForm.Label, Input.Loaded, savedNow, IncidentForm.Values(scratch, clock));
        Input.ConcurrencyStamp = currentStamp;
    }
}
