using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Staff;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class LicencesExpiringQueue(ClinicDbContext db, TimeProvider time) : IWorkQueue
{
    public int Order => 80;
    public string Policy => Policies.ManageAdmin;
    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        var today = clock.Today;
        var horizon = today.AddDays(StaffView.ExpiryWarningDays);
        // The roster's own rule (StaffMember.NeedsLicenseRenewal: no warning when the last day comes first), over the few
        // people whose licence date falls inside the horizon.
        var candidates = await db.Staff.AsNoTracking()
            .Where(s => (s.EndDate == null || s.EndDate >= today) && s.LicenseExpiresOn != null && s.LicenseExpiresOn <= horizon).ToListAsync(ct);
        var expiring = candidates.Where(s => s.NeedsLicenseRenewal(today, StaffView.ExpiryWarningDays)).OrderBy(s => s.LicenseExpiresOn).ToList();
        var count = expiring.Count;
        var first = expiring.Take(WorkQueue.Shown).ToList();
        return new WorkQueue("licences", "Licences expiring", "patch-exclamation", count,
            new WorkLink("Roster with warnings", "/Staff/Index", WorkLink.Query(("withWarnings", "true"))),
            first.Select(s => new WorkLink($"{s.FirstName} {s.LastName}", "/Staff/Details", WorkLink.Query(("id", s.Id)),
                s.LicenseExpiresOn < today ? $"expired {RecordText.Date(s.LicenseExpiresOn)}" : $"expires {RecordText.Date(s.LicenseExpiresOn)}")).ToList(),
            $"No licence expires in the next {StaffView.ExpiryWarningDays} days.", Urgent: count > 0);
    }
}
