using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>Add later information to an incident, signed off or not (the signed record itself never changes). Clinicians and the medical director.</summary>
[Authorize(Policy = Policies.ReadClinical)]
public class AddendumModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<AddendumModel> log) : PageModel, IPatientDataPage
{
    public PatientAccess? Access { get; private set; }
    [BindProperty] public AddendumInput Input { get; set; } = new();

    public sealed class AddendumInput
    {
        [Display(Name = "Addendum"), Required(ErrorMessage = "Write the addendum."), StringLength(FieldLengths.Text, ErrorMessage = "{0} can be at most {1} characters.")]
        public string? Text { get; set; }
    }

    public int Id { get; private set; }
    public string Summary { get; private set; } = "";
    public bool IsLocked { get; private set; }
    public IncidentContext Context { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var incident = await db.Incidents.SingleAsync(i => i.Id == Id);
        try
        {
            incident.AddAddendum(Input.Text!, await IncidentText.PersonNameAsync(db, User), clinicTime.UtcNow);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("Input." + ex.Field, ex.Message);
            return Page();
        }
        await db.SaveChangesAsync();
        log.LogInformation("Addendum added to incident {IncidentId}", Id);
        TempData["Flash"] = "Addendum added.";
        return RedirectToPage("/Incidents/Details", new { id = Id });
    }

    private async Task<bool> LoadAsync(int? id)
    {
        var i = await db.Incidents.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.PatientId, x.VisitId, x.Type, x.Grade, x.OccurredAt, x.SignedOffAt }).SingleOrDefaultAsync();
        if (i is null) return false;
        var clock = await clinicTime.ClockAsync();
        Id = i.Id;
        IsLocked = i.SignedOffAt is not null;
        Summary = $"{Vocabulary.Label(i.Type)} · grade {i.Grade} · {RecordText.DateTime(clock.ToLocal(i.OccurredAt))}";
        Context = await IncidentContext.LoadAsync(db, clock, i.PatientId, i.VisitId);
        Access = PatientAccess.View(i.PatientId);
        return true;
    }
}
