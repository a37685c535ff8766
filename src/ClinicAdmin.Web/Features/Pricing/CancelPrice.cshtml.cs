using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Pricing;

/// <summary>
/// Cancels a scheduled price change that has not taken effect. The domain refuses anything else:
/// a price that is or was in force is history, and there is no page or handler that edits or deletes one.
/// </summary>
[Authorize(Policy = Policies.ManageAdmin), RequireRecentSignIn]
public class CancelPriceModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<CancelPriceModel> log) : PageModel
{
    public sealed record PriceView(int ServiceId, string ServiceName, int PriceId, decimal Amount, DateOnly EffectiveFrom, string SetBy,
        string? Reason, decimal? Current, bool IsCancelled);

    public PriceView Price { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int priceId)
    {
        if (!await LoadAsync(id, priceId)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int priceId)
    {
        var service = await db.Services.Include(s => s.Prices).SingleOrDefaultAsync(s => s.Id == id);
        if (service is null || service.Prices.All(p => p.Id != priceId)) return NotFound();
        var clock = await clinicTime.ClockAsync();
        var from = service.Prices.Single(p => p.Id == priceId).EffectiveFrom;
        try
        {
            service.CancelPrice(priceId, clock.Today, User.Identity!.Name!, clinicTime.UtcNow);
            // Touch the service's stamp so two simultaneous price edits of one service cannot both pass.
            service.ConcurrencyStamp = Guid.NewGuid();
            await db.SaveChangesAsync();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two people changed this price's history at once: the history below is reloaded with theirs.
            EditConflict.AddError(ModelState, "this price", []);
        }
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, priceId);
            return Page();
        }
        log.LogInformation("Price {PriceId} of service {ServiceId} cancelled", priceId, id);
        TempData["Flash"] = $"The price change from {RecordText.Date(from)} was cancelled.";
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, int priceId)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Prices).SingleOrDefaultAsync(s => s.Id == id);
        var price = service?.Prices.SingleOrDefault(p => p.Id == priceId);
        if (service is null || price is null) return false;
        Today = (await clinicTime.ClockAsync()).Today;
        Price = new PriceView(service.Id, service.Name, price.Id, price.Amount, price.EffectiveFrom, price.SetBy, price.Reason,
            service.PriceOn(Today)?.Amount, price.CancelledAt is not null);
        return true;
    }
}
