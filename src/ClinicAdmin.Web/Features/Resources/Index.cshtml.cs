using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Resources;

/// <summary>
/// Each active location's chairs and rooms with the appointments they hold from now on (one grouped query, whatever the
/// number of chairs). Everyone sees it, so the desk knows what can be booked; practice managers add and edit.
/// </summary>
[Authorize(Policy = Policies.AnyStaff)]
public class IndexModel(ClinicDbContext db, TimeProvider time, IAuthorizationService auth) : PageModel
{
    public sealed record Row(int Id, string Name, string Kind, int Capacity, string Takes, bool IsActive, int Upcoming);
    public sealed record Site(int Id, string Code, string Name, IReadOnlyList<Row> Rows);

    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        CanManage = (await auth.AuthorizeAsync(User, Policies.ManageAdmin)).Succeeded;
        var now = time.GetUtcNow().UtcDateTime;
        var locations = await db.Locations.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Code)
            .Select(l => new { l.Id, l.Code, l.Name }).ToListAsync();
        var ids = locations.Select(l => l.Id).ToList();
        var resources = await db.Resources.AsNoTracking().Where(r => ids.Contains(r.LocationId)).ToListAsync();
        var upcoming = await db.Appointments.Where(a => a.ResourceId != null && a.StartUtc >= now && a.HoldsTime)
            .GroupBy(a => a.ResourceId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        Sites = locations.Select(l => new Site(l.Id, l.Code, l.Name, resources.Where(r => r.LocationId == l.Id)
            .OrderByDescending(r => r.IsActive).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Select(r => new Row(r.Id, r.Name, Vocabulary.Label(r.Kind), r.Capacity, string.Join(", ", r.TakenCategories.Order().Select(c => Vocabulary.Label(c))),
                r.IsActive, upcoming.GetValueOrDefault(r.Id)))
            .ToList())).ToList();
    }
}
