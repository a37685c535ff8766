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
    public bool AppliesTo(ClaimsPrincipal user) => true;

    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        var today = clock.Today;
        var horizon = today.AddDays(StaffView.ExpiryWarningDays);
        var expiring = db.Staff.AsNoTracking().Where(s => (s.EndDate == null || s.EndDate >= today) && s.LicenseExpiresOn != null && s.LicenseExpiresOn <= horizon
                                                          && (s.EndDate == null || s.EndDate >= s.LicenseExpiresOn));
        var count = await expiring.CountAsync(ct);
        var first = await expiring.OrderBy(s => s.LicenseExpiresOn).Take(WorkQueue.Shown).Select(s => new { s.Id, s.FirstName, s.LastName, s.LicenseExpiresOn }).ToListAsync(ct);
        return new WorkQueue("licences", "Licences expiring", "patch-exclamation", count,
            new WorkLink("Roster with warnings", "/Staff/Index", WorkLink.Query(("withWarnings", "true"))),
            first.Select(s => new WorkLink($"{s.FirstName} {s.LastName}", "/Staff/Details", WorkLink.Query(("id", s.Id)),
                s.LicenseExpiresOn < today ? $"expired {RecordText.Date(s.LicenseExpiresOn)}" : $"expires {RecordText.Date(s.LicenseExpiresOn)}")).ToList(),
            $"No licence expires in the next {StaffView.ExpiryWarningDays} days.", Urgent: count > 0);
    }
}
