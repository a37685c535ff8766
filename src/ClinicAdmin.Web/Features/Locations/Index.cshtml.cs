using ClinicAdmin.Data;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Locations;

/// <summary>The group's locations with this month's visit count (one grouped query, whatever the number of sites). Everyone sees it; practice managers edit.</summary>
[Authorize(Policy = Policies.AnyStaff)]
public class IndexModel(ClinicDbContext db, ClinicTime clinicTime, IAuthorizationService auth) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, string Address, string Phone, string? FacilityNpi, string PlaceOfService, bool IsActive, int VisitsThisMonth);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string MonthLabel { get; private set; } = "";

    public async Task OnGetAsync()
    {
        CanManage = (await auth.AuthorizeAsync(User, Policies.ManageAdmin)).Succeeded;
        var clock = await clinicTime.ClockAsync();
        var today = clock.Today;
        var first = new DateTime(today.Year, today.Month, 1);
        var (start, end) = (clock.ToUtc(first), clock.ToUtc(first.AddMonths(1)));
        MonthLabel = first.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var counts = await db.Visits.Where(v => v.StartedAt >= start && v.StartedAt < end).GroupBy(v => v.LocationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var locations = await db.Locations.AsNoTracking().OrderByDescending(l => l.IsActive).ThenBy(l => l.Code).ToListAsync();
        Rows = locations.Select(l => new Row(l.Id, l.Code, l.Name, l.ServiceFacilityAddress.ToString(), l.Phone, l.FacilityNpi,
            $"{l.DefaultPlaceOfService} {Domain.Clinic.PlaceOfService.Label(l.DefaultPlaceOfService)}".Trim(), l.IsActive, counts.GetValueOrDefault(l.Id))).ToList();
    }
}
