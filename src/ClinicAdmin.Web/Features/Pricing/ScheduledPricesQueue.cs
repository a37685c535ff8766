using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Pricing;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class ScheduledPricesQueue(ClinicDbContext db, TimeProvider time) : IWorkQueue
{
    public int Order => 90;
    public string Policy => Policies.ManageAdmin;
    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        var today = clock.Today;
        var scheduled = db.ServicePrices.AsNoTracking().Where(p => p.EffectiveFrom > today && p.CancelledAt == null);
        var count = await scheduled.CountAsync(ct);
        var first = await scheduled.OrderBy(p => p.EffectiveFrom).Take(WorkQueue.Shown)
            .Join(db.Services, p => p.ServiceId, s => s.Id, (p, s) => new { s.Id, s.Name, p.Amount, p.EffectiveFrom }).ToListAsync(ct);
        return new WorkQueue("prices", "Scheduled price changes", "tags", count,
            new WorkLink("Services & prices", "/Pricing/Index", WorkLink.Query()),
            first.Select(p => new WorkLink(p.Name, "/Pricing/Details", WorkLink.Query(("id", p.Id)), $"{RecordText.Money(p.Amount)} from {RecordText.Date(p.EffectiveFrom)}")).ToList(),
            "No price change is scheduled.");
    }
}
