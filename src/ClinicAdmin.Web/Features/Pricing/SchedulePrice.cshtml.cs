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

namespace ClinicAdmin.Web.Features.Pricing;

/// <summary>Adds a price to a service's history from a date (today or later). Rules: Service.SetPrice.</summary>
[Authorize(Policy = Policies.ManageAdmin), RequireRecentSignIn]
public class SchedulePriceModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<SchedulePriceModel> log) : PageModel
{
    [BindProperty] public PriceInput Input { get; set; } = new();

    public sealed class PriceInput
    {
        /// <summary>Text, so "$1,250" is understood and whatever was typed is shown back on an error.</summary>
        [Required(ErrorMessage = "Enter the new price.")]
        [StringLength(20, ErrorMessage = "Enter an amount like 425 or 425.50.")]
        [Display(Name = "New price (USD)")]
        public string? Amount { get; set; }

        [Required(ErrorMessage = "Enter the date the price starts.")]
        [Display(Name = "Effective from")]
        public DateOnly? EffectiveFrom { get; set; }

        [Required(ErrorMessage = "Say why the price changes (kept in the history).")]
        [StringLength(FieldLengths.Line)]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }
    }

    public sealed record Context(int Id, string Name, decimal? Current, DateOnly? CurrentFrom, IReadOnlyList<(decimal Amount, DateOnly From)> Pending);

    public Context Service { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input.EffectiveFrom = Today.AddDays(1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var service = await db.Services.Include(s => s.Prices).SingleOrDefaultAsync(s => s.Id == id);
        if (service is null) return NotFound();
        var amount = RecordText.ParseAmount(Input.Amount);
        if (Input.Amount is not null && amount is null && ModelState.GetFieldValidationState("Input.Amount") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError("Input.Amount", "Enter an amount like 425 or 425.50.");
        // The domain's price rules beside the missing fields, so every error shows in one round.
        var clock = await clinicTime.ClockAsync();
        foreach (var (field, message) in service.PriceProblems(amount, Input.EffectiveFrom, clock.Today))
            if (ModelState.GetFieldValidationState($"Input.{field}") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.AddModelError($"Input.{field}", message);

        if (ModelState.IsValid)
        {
            try
            {
                service.SetPrice(amount!.Value, Input.EffectiveFrom!.Value, clock.Today, User.Identity!.Name!, Input.Reason!.Trim(), clinicTime.UtcNow);
                // Touch the service's stamp so two simultaneous changes to one service cannot both pass the date rules.
                service.ConcurrencyStamp = Guid.NewGuid();
                await db.SaveChangesAsync();
                log.LogInformation("Price scheduled for service {ServiceId} from {EffectiveFrom}", id, Input.EffectiveFrom);
                TempData["Flash"] = Input.EffectiveFrom > clock.Today
                    ? $"New price {RecordText.Money(amount.Value)} scheduled from {RecordText.Date(Input.EffectiveFrom.Value)}."
                    : $"New price {RecordText.Money(amount.Value)} is in force from today.";
                return RedirectToPage("Details", new { id });
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Two people scheduled prices at once: the current price above is reloaded with theirs.
                EditConflict.AddError(ModelState, "this service's prices", []);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Prices).SingleOrDefaultAsync(s => s.Id == id);
        if (service is null) return false;
        Today = (await clinicTime.ClockAsync()).Today;
        var current = service.PriceOn(Today);
        Service = new Context(service.Id, service.Name, current?.Amount, current?.EffectiveFrom,
            service.PendingOn(Today).Select(p => (p.Amount, p.EffectiveFrom)).ToList());
        return true;
    }
}
