using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Staff;

/// <summary>One person's profile: every field, weekly availability, sign-in account and warnings. Every role may read it.</summary>
[Authorize(Policy = Policies.AnyStaff)]
public class DetailsModel(ClinicDbContext db, ClinicTime clinicTime, IAuthorizationService auth, TimeProvider time) : PageModel
{
    public sealed record Account(string Id, string? Email, string DisplayName, string Roles, bool IsDisabled, DateTime? LockedUntilLocal);

    public StaffMember Person { get; private set; } = null!;
    public int Id { get; private set; }
    public Account? Login { get; private set; }
    public int VisitCount { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public StaffStatus Status { get; private set; }
    public bool ShowLicenseNumber { get; private set; }
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // Untracked: a read page never saves.
        var person = await db.Staff.AsNoTracking().Include(s => s.Availability).SingleOrDefaultAsync(s => s.Id == id);
        if (person is null) return NotFound();
        var clock = await clinicTime.ClockAsync();
        Person = person;
        Id = id;
        Today = clock.Today;
        Status = person.StatusOn(Today);
        Warnings = StaffView.Warnings(person, Today);
        ShowLicenseNumber = StaffView.MaySeeLicenseNumbers(User);
        CanManage = (await auth.AuthorizeAsync(User, Policies.ManageAdmin)).Succeeded;
        VisitCount = await db.Visits.CountAsync(v => v.RenderingProviderId == id);
        if (person.UserId is { } userId)
        {
            var user = await db.Users.Where(u => u.Id == userId)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd }).SingleOrDefaultAsync();
            if (user is not null)
            {
                var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).ToListAsync();
                var now = time.GetUtcNow();
                Login = new Account(user.Id, user.Email, user.DisplayName, string.Join(", ", roles.Select(r => Vocabulary.Role(r!))), user.IsDisabled,
                    user.LockoutEnd > now ? clock.ToLocal(user.LockoutEnd.Value.UtcDateTime) : null);
            }
        }
        return Page();
    }

    public IEnumerable<(DayOfWeek Day, string Hours)> Week() =>
        WeeklySlot.WeekDays.Select(d => (d, StaffView.Slots(Person.Availability.Where(a => a.Day == d).Select(a => (a.Start, a.End)))));
}
