using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Users;

/// <summary>Sign-in accounts: role, linked staff member, disabled / locked-out state. Practice manager only.</summary>
[Authorize(Policy = Policies.ManageAdmin)]
public class IndexModel(ClinicDbContext db, ClinicTime clinicTime, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public sealed record Row(string Id, string DisplayName, string? Email, string Roles, int? StaffId, string? StaffName,
        bool IsDisabled, DateTime? LockedUntilLocal, int FailedSignIns, bool IsYou);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        var now = time.GetUtcNow();
        var me = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(u => u.DisplayName.ToLower().Contains(q) || (u.Email != null && u.Email.ToLower().Contains(q)));
        }
        var users = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsDisabled, u.LockoutEnd, u.AccessFailedCount }).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var staff = await db.Staff.Where(s => s.UserId != null)
            .Select(s => new { s.Id, s.UserId, Name = s.FirstName + " " + s.LastName }).ToListAsync();
        Rows = users.Select(u =>
        {
            var person = staff.FirstOrDefault(s => s.UserId == u.Id);
            return new Row(u.Id, u.DisplayName, u.Email,
                string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => Vocabulary.Role(r.Name!))),
                person?.Id, person?.Name, u.IsDisabled,
                u.LockoutEnd > now ? clock.ToLocal(u.LockoutEnd.Value.UtcDateTime) : null, u.AccessFailedCount, u.Id == me);
        }).ToList();
    }
}
