using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Staff;

/// <summary>
/// Someone leaves (or comes back). Leaving sets the end date and can disable their sign-in in the same step.
/// Delete exists only for a record entered by mistake: nobody who rendered a visit or has an account is ever deleted.
/// Practice manager only.
/// </summary>
[Authorize(Policy = Policies.ManageAdmin)]
public class DeactivateModel(ClinicDbContext db, ClinicTime clinicTime, UserManager<ApplicationUser> users, ILogger<DeactivateModel> log) : PageModel
{
    [BindProperty] public DeactivateInput Input { get; set; } = new();

    public sealed class DeactivateInput
    {
        [Display(Name = "Last working day"), Required(ErrorMessage = "Enter the last working day.")]
        public DateOnly? LastDay { get; set; }
        [Display(Name = "Also disable their sign-in account now (ends their open sessions)")]
        public bool DisableAccount { get; set; } = true;
        /// <summary>Checked on the server too: a deactivation is never one stray click (the browser's confirm is only a courtesy).</summary>
        [Display(Name = "I understand: after this day they drop off the active roster and the week grid, and cannot be chosen for new visits")]
        public bool Confirmed { get; set; }
        public Guid ConcurrencyStamp { get; set; }
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public bool IsFormer { get; private set; }
    public int VisitCount { get; private set; }
    public string? AccountEmail { get; private set; }
    public bool AccountEnabled { get; private set; }
    public string? AccountId { get; private set; }
    /// <summary>Delete is offered only for a mistaken entry: no visits and no sign-in account.</summary>
    public bool MayDelete => VisitCount == 0 && AccountId is null;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var person = await LoadAsync(id);
        if (person is null) return NotFound();
        Input = new DeactivateInput { LastDay = person.EndDate ?? (await clinicTime.ClockAsync()).Today, ConcurrencyStamp = person.ConcurrencyStamp };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var person = await LoadAsync(id);
        if (person is null) return NotFound();
        // Every problem at once: the date is checked even when the box is not ticked (nothing is saved before both pass).
        if (Input.LastDay is { } lastDay)
        {
            try { person.Deactivate(lastDay); }
            catch (DomainException e) { ModelState.AddModelError(nameof(Input) + "." + nameof(Input.LastDay), e.Message); }
        }
        if (!Input.Confirmed)
            ModelState.AddModelError("Input.Confirmed", "Tick the box to confirm the last day: nothing was changed.");
        if (!ModelState.IsValid) return Page();

        var disable = Input.DisableAccount && AccountId is not null && AccountEnabled;
        if (disable && AccountId == users.GetUserId(User))
        {
            ModelState.AddModelError("Input.DisableAccount", "You cannot disable your own account: ask another practice manager, or untick this box.");
            return Page();
        }
        db.Entry(person).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        await using var tx = await db.Database.BeginTransactionAsync();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await StaleAsync(id);
        }
        if (disable)
        {
            var user = await users.FindByIdAsync(AccountId!);
            user!.IsDisabled = true;
            var result = await users.UpdateAsync(user);
            // A new security stamp makes every open session of this account fail its next validation.
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                ModelState.AddModelError("", "The account could not be disabled: " + string.Join(" ", result.Errors.Select(e => e.Description)));
                return Page();
            }
        }
        await tx.CommitAsync();
        log.LogInformation("Staff member {StaffId} deactivated (account disabled: {Disabled})", id, disable);
        TempData["Flash"] = $"{person.FirstName} {person.LastName}'s last day is set to {RecordText.Date(person.EndDate)}." + (disable ? " Their sign-in account is disabled." : "");
        return RedirectToPage("/Staff/Details", new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(int id)
    {
        var person = await LoadAsync(id);
        if (person is null) return NotFound();
        ModelState.Clear();
        person.Reactivate();
        db.Entry(person).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException) { return await StaleAsync(id); }
        log.LogInformation("Staff member {StaffId} reactivated", id);
        TempData["Flash"] = $"{person.FirstName} {person.LastName} is active again." +
                            (AccountId is not null && !AccountEnabled ? " Their sign-in account is still disabled: enable it under Users if they need it." : "");
        return RedirectToPage("/Staff/Details", new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var person = await LoadAsync(id);
        if (person is null) return NotFound();
        ModelState.Clear();
        if (!MayDelete)
        {
            ModelState.AddModelError("", VisitCount > 0
                ? $"{person.FirstName} {person.LastName} rendered {VisitCount} visit(s): bills and reports refer to them, so they can only be deactivated."
                : "This person has a sign-in account: remove the link under Users first, or deactivate them instead.");
            return Page();
        }
        db.Entry(person).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        db.Staff.Remove(person);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException) { return await StaleAsync(id); }
        catch (DbUpdateException)
        {
            // Something added since (e.g. a visit) now refers to them; the database refused.
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            ModelState.AddModelError("", "Other records now refer to this person, so they cannot be deleted. Deactivate them instead.");
            return Page();
        }
        log.LogInformation("Staff member {StaffId} deleted", id);
        TempData["Flash"] = $"Deleted {person.FirstName} {person.LastName} from the roster.";
        return RedirectToPage("/Staff/Index");
    }

    private async Task<IActionResult> StaleAsync(int id)
    {
        db.ChangeTracker.Clear();
        var fresh = await LoadAsync(id);
        if (fresh is null) return NotFound();
        EditConflict.AddError(ModelState, "this person", [new EditConflict.Change("LastDay", "End date", RecordText.Date(fresh.EndDate, "none"), null)], hasInput: _ => false);
        Input.ConcurrencyStamp = fresh.ConcurrencyStamp;
        return Page();
    }

    private async Task<StaffMember?> LoadAsync(int id)
    {
        var person = await db.Staff.SingleOrDefaultAsync(s => s.Id == id);
        if (person is null) return null;
        var today = (await clinicTime.ClockAsync()).Today;
        Id = id;
        Name = person.DisplayName;
        StartDate = person.StartDate;
        EndDate = person.EndDate;
        IsFormer = person.EndDate < today;
        VisitCount = await db.Visits.CountAsync(v => v.RenderingProviderId == id);
        if (person.UserId is { } userId && await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.IsDisabled }).SingleOrDefaultAsync() is { } account)
            (AccountId, AccountEmail, AccountEnabled) = (userId, account.Email, !account.IsDisabled);
        return person;
    }
}
