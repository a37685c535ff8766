using ClinicAdmin.Data;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Pricing;

/// <summary>One catalog item and its whole price history (append-only: nothing here edits or deletes a price).</summary>
[Authorize(Policy = Policies.AnyStaff)]
public class DetailsModel(ClinicDbContext db, ClinicTime clinicTime, IAuthorizationService auth) : PageModel
{
    public enum PriceState { Pending, InForce, Past, Cancelled }

    public sealed record ServiceView(int Id, string Name, string? Description, ServiceCategory Category, string Code, string? Modifiers,
        decimal Units, int? Minutes, bool IsActive);
    public sealed record PriceRow(int Id, decimal Amount, DateOnly EffectiveFrom, string SetBy, string? Reason, DateTime SetAtLocal,
        string? CancelledBy, DateTime? CancelledAtLocal, PriceState State);

    public ServiceView Service { get; private set; } = null!;
    public IReadOnlyList<PriceRow> History { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string ZoneName { get; private set; } = "";
    public bool CanManage { get; private set; }
    public bool CanReadAudit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Prices).SingleOrDefaultAsync(s => s.Id == id);
        if (service is null) return NotFound();
        var clock = await clinicTime.ClockAsync();
        Today = clock.Today;
        ZoneName = clock.Zone.Id;
        CanManage = (await auth.AuthorizeAsync(User, Policies.ManageAdmin)).Succeeded;
        CanReadAudit = (await auth.AuthorizeAsync(User, Policies.ReadAudit)).Succeeded;

        Service = new ServiceView(service.Id, service.Name, service.Description, service.Category, service.BillingCode, service.Modifiers,
            service.DefaultUnits, service.DefaultDurationMinutes, service.IsActive);
        var inForce = service.PriceOn(Today);
        History = service.Prices
            .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.SetAt)
            .Select(p => new PriceRow(p.Id, p.Amount, p.EffectiveFrom, p.SetBy, p.Reason, clock.ToLocal(p.SetAt), p.CancelledBy,
                p.CancelledAt is { } c ? clock.ToLocal(c) : null,
                p.CancelledAt is not null ? PriceState.Cancelled
                : ReferenceEquals(p, inForce) ? PriceState.InForce
                : p.EffectiveFrom > Today ? PriceState.Pending
                : PriceState.Past))
            .ToList();
        return Page();
    }
}
