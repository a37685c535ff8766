using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>The medical director reviews an incident and signs it off, which locks it. Medical director only.</summary>
[Authorize(Policy = Policies.MedicalDirector)]
public class SignOffModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<SignOffModel> log) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    [BindProperty] public SignOffInput Input { get; set; } = new();

    public sealed class SignOffInput
    {
        [Display(Name = "Review notes"), StringLength(FieldLengths.Text, ErrorMessage = "{0} can be at most {1} characters.")]
        public string? ReviewNotes { get; set; }
        /// <summary>The version reviewed: a change made after the page was opened must be reviewed before signing.</summary>
        public Guid ConcurrencyStamp { get; set; }
    }

    public Incident Incident { get; private set; } = null!;
    public IncidentContext Context { get; private set; } = null!;
    public ClinicClock Clock { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return NotFound();
        await LoadAsync(incident);
        Input.ConcurrencyStamp = incident.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return NotFound();
        await LoadAsync(incident);
        if (!ModelState.IsValid) return Page();
        if (incident.IsLocked)
        {
            ModelState.AddModelError("", $"Already signed off by {incident.ReviewedBy}; nothing was changed.");
            return Page();
        }
        if (incident.ConcurrencyStamp != Input.ConcurrencyStamp)
        {
            EditConflict.AddError(ModelState, "this incident", []);
            Input.ConcurrencyStamp = incident.ConcurrencyStamp;
            return Page();
        }
        incident.SignOff(await IncidentText.PersonNameAsync(db, User), string.IsNullOrWhiteSpace(Input.ReviewNotes) ? null : Input.ReviewNotes.Trim(), clinicTime.UtcNow);
        db.Entry(incident).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var now = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id);
            await LoadAsync(now);
            EditConflict.AddError(ModelState, "this incident", []);
            Input.ConcurrencyStamp = now.ConcurrencyStamp;
            return Page();
        }
        log.LogInformation("Incident {IncidentId} signed off", incident.Id);
        TempData["Flash"] = "Incident signed off and locked.";
        return RedirectToPage("/Incidents/Details", new { id = incident.Id });
    }

    private async Task LoadAsync(Incident incident)
    {
        var clock = Clock = await clinicTime.ClockAsync();
        Incident = incident;
        Context = await IncidentContext.LoadAsync(db, clock, incident.PatientId, incident.VisitId);
        Access = PatientAccess.View(incident.PatientId);
    }

    public string Local(DateTime? utc) => utc is { } u ? RecordText.DateTime(Clock.ToLocal(u)) : "—";
}
