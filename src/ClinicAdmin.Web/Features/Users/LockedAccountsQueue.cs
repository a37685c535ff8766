using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Users;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class LockedAccountsQueue(ClinicDbContext db, TimeProvider time) : IWorkQueue
{
    public int Order => 100;
    public string Policy => Policies.ManageAdmin;
    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Few accounts; lockout ends are compared here because SQLite cannot compare DateTimeOffset in SQL.
        var locked = (await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null).Select(u => new { u.Id, u.Email, u.LockoutEnd }).ToListAsync(ct))
            .Where(u => u.LockoutEnd > now).OrderBy(u => u.Email).ToList();
        return new WorkQueue("locked", "Accounts locked", "person-lock", locked.Count,
            new WorkLink("Users", "/Users/Index", WorkLink.Query()),
            locked.Take(WorkQueue.Shown).Select(u => new WorkLink(u.Email ?? u.Id, "/Users/Edit", WorkLink.Query(("id", u.Id)), "locked after failed sign-ins")).ToList(),
            "No account is locked.", Urgent: locked.Count > 0);
    }
}
