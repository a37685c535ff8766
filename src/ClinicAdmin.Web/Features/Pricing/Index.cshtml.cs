using ClinicAdmin.Data;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Pricing;

/// <summary>The service catalog with today's price and any scheduled change, grouped by category. Every role reads it.</summary>
[Authorize(Policy = Policies.AnyStaff)]
public class IndexModel(ClinicDbContext db, ClinicTime clinicTime, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public ServiceCategory? Category { get; set; }
    /// <summary>"active" (default), "inactive" or "all".</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public DateOnly Today { get; private set; }
    public bool CanManage { get; private set; }
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public int Count { get; private set; }

    public sealed record Row(int Id, string Name, string Code, string? Modifiers, decimal Units, int? Minutes, bool IsActive,
        decimal? Current, DateOnly? CurrentFrom, IReadOnlyList<PendingChange> Pending);
    public sealed record PendingChange(decimal Amount, DateOnly From);
    public sealed record Group(ServiceCategory Category, string Label, IReadOnlyList<Row> Rows);

    public async Task OnGetAsync()
    {
        Today = (await clinicTime.ClockAsync()).Today;
        CanManage = (await auth.AuthorizeAsync(User, Policies.ManageAdmin)).Succeeded;
        Status = Status is "inactive" or "all" ? Status : "active";

        var query = db.Services.AsNoTracking();
        if (Category is { } c) query = query.Where(s => s.Category == c);
        if (Status == "active") query = query.Where(s => s.IsActive);
        else if (Status == "inactive") query = query.Where(s => !s.IsActive);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(s => s.Name.ToLower().Contains(q) || s.BillingCode.ToLower().Contains(q) || (s.Description != null && s.Description.ToLower().Contains(q)));
        }

        // The catalog is tens of rows: load prices with it and let the domain decide what is in force today.
        var services = await query.Include(s => s.Prices).AsSplitQuery().ToListAsync();
        var rows = services.Select(s =>
        {
            var current = s.PriceOn(Today);
            return new { s.Category, Row = new Row(s.Id, s.Name, s.BillingCode, s.Modifiers, s.DefaultUnits, s.DefaultDurationMinutes, s.IsActive,
                current?.Amount, current?.EffectiveFrom, s.PendingOn(Today).Select(p => new PendingChange(p.Amount, p.EffectiveFrom)).ToList()) };
        }).ToList();
        Count = rows.Count;
        Groups = PricingText.Categories
            .Select(cat => new Group(cat.Category, cat.Label,
                rows.Where(r => r.Category == cat.Category).Select(r => r.Row).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList()))
            .Where(g => g.Rows.Count > 0).ToList();
    }
}
