using ClinicAdmin.Data;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Staff;

/// <summary>Who works when: the whole active roster against Monday..Sunday. Every role may read it.</summary>
[Authorize(Policy = Policies.AnyStaff)]
public class WeekModel(ClinicDbContext db, ClinicTime clinicTime, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "title")] public string? TitleFilter { get; set; }

    public sealed record Row(int Id, string Name, string Title, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<string>> Hours, double HoursPerWeek);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Titles { get; private set; } = [];
    public DayOfWeek Today { get; private set; }
    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        var today = (await clinicTime.ClockAsync()).Today;
        Today = today.DayOfWeek;
        CanManage = (await auth.AuthorizeAsync(User, Policies.ManageAdmin)).Succeeded;
        var active = db.Staff.AsNoTracking().Where(s => s.StartDate <= today && (s.EndDate == null || s.EndDate >= today));
        Titles = await active.Select(s => s.Title).Distinct().OrderBy(t => t).ToListAsync();
        if (!string.IsNullOrWhiteSpace(TitleFilter)) active = active.Where(s => s.Title == TitleFilter);

        var people = await active.OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new
            {
                s.Id, s.FirstName, s.LastName, s.Credentials, s.Title,
                Slots = s.Availability.Select(a => new { a.Day, a.Start, a.End }).ToList(),
            }).ToListAsync();
        Rows = people.Select(p => new Row(
            p.Id,
            StaffMember.NameWithCredentials(p.FirstName, p.LastName, p.Credentials),
            p.Title,
            WeeklySlot.WeekDays.ToDictionary(d => d, d => (IReadOnlyList<string>)p.Slots.Where(a => a.Day == d).OrderBy(a => a.Start)
                .Select(a => RecordText.TimeRange(a.Start, a.End)).ToList()),
            p.Slots.Sum(a => (a.End - a.Start).TotalHours))).ToList();
    }
}
