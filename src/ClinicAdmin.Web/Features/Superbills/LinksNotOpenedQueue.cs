using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class LinksNotOpenedQueue(ClinicDbContext db, TimeProvider time) : IWorkQueue
{
    public int Order => 70;
    public string Policy => Policies.ManagePatients;
    // The billing queues are the front desk's work; clinical roles reach the same pages but their home stays clinical.
    public bool AppliesTo(ClaimsPrincipal user) => !WorkQueue.May(user, Policies.ReadClinical);

    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        // A link sent and never opened is the delivery that failed as far as the clinic can tell: resend or call.
        var now = time.GetUtcNow().UtcDateTime;
        var unopened = db.PatientLinks.AsNoTracking().Where(l => l.LastUsedAt == null && (l.ExpiresAt < now.AddDays(3) || l.LockedAt != null)
                                                               && l.CreatedAt >= now.AddDays(-30));
        var count = await unopened.CountAsync(ct);
        var first = await unopened.OrderBy(l => l.ExpiresAt).Take(WorkQueue.Shown)
            .Join(db.Documents, l => l.DocumentId, d => d.Id, (l, d) => new { l.ExpiresAt, l.LockedAt, d.Id, d.DocumentNumber, d.PatientId }).ToListAsync(ct);
        return new WorkQueue("links", "Patient links not opened", "envelope-exclamation", count,
            new WorkLink("Month-end superbills", "/Superbills/Batch", WorkLink.Query()),
            first.Select(l => new WorkLink($"Superbill {l.DocumentNumber}", "/Superbills/Link", WorkLink.Query(("documentId", l.Id)),
                l.LockedAt is not null ? "locked after wrong dates of birth" : l.ExpiresAt < now ? "expired unopened" : $"expires {RecordText.Date(clock.DateOf(l.ExpiresAt))}")).ToList(),
            "Every link sent in the last 30 days was opened or has time left.", Urgent: count > 0);
    }
}
