using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Scheduling;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Appointments;

/// <summary>
/// One location's day: its chairs and rooms as columns (a room for several has a column per place), 15-minute rows in
/// the clinic's time zone, booked time coloured by state, and the hours when any provider works shaded as open.
/// Provider-only appointments (consults, integration) are listed under the grid. Three queries whatever the day holds.
/// </summary>
[Authorize(Policy = Policies.ManagePatients)]
public class DayModel(ClinicDbContext db, ClinicTime clinicTime) : PageModel
{
    public const int SlotMinutes = 15;

    public sealed record Item(int Id, DateTime Start, DateTime End, AppointmentStatus Status, int? ResourceId, int Place,
        string Patient, string Mrn, string Service, string Provider, string? Note);
    public sealed record Column(int ResourceId, int Place, string Name, string Kind);

    public int? LocationId { get; private set; }
    public string LocationName { get; private set; } = "";
    public IReadOnlyList<(int Id, string Name)> Locations { get; private set; } = [];
    public DateOnly Date { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<Column> Columns { get; private set; } = [];
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<Item> WithoutChair => Items.Where(i => i.ResourceId is null).ToList();
    /// <summary>The local start of each row.</summary>
    public IReadOnlyList<DateTime> Slots { get; private set; } = [];
    /// <summary>Rows when at least one provider works (weekly hours): shaded as open time.</summary>
    public IReadOnlySet<DateTime> Open { get; private set; } = new HashSet<DateTime>();

    public async Task<IActionResult> OnGetAsync(int? locationId, DateOnly? date)
    {
        var clock = await clinicTime.ClockAsync();
        Today = clock.Today;
        Date = date is { Year: >= 2000 and <= 2100 } d ? d : Today;
        Locations = (await db.Locations.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Code).Select(l => new { l.Id, l.Name }).ToListAsync())
            .Select(l => (l.Id, l.Name)).ToList();
        if (locationId is { } asked && Locations.All(l => l.Id != asked)) return NotFound();
        LocationId = locationId ?? (Locations.Count > 0 ? Locations[0].Id : null);
        if (LocationId is not { } loc) return Page();
        LocationName = Locations.First(l => l.Id == loc).Name;

        var resources = await db.Resources.AsNoTracking().Where(r => r.LocationId == loc && r.IsActive).OrderBy(r => r.Kind).ThenBy(r => r.Name).ToListAsync();
        Columns = resources.SelectMany(r => Enumerable.Range(1, r.Capacity).Select(p =>
            new Column(r.Id, p, r.Capacity == 1 ? r.Name : $"{r.Name} · place {p}", Vocabulary.Label(r.Kind)))).ToList();

        var (dayFrom, dayTo) = (clock.DayStartUtc(Date), clock.DayEndUtc(Date));
        var rows = await (from a in db.Appointments.AsNoTracking()
                          where a.LocationId == loc && a.StartUtc < dayTo && a.EndUtc > dayFrom
                          join p in db.Patients on a.PatientId equals p.Id
                          join s in db.Services on a.ServiceId equals s.Id
                          join st in db.Staff on a.ProviderId equals st.Id
                          orderby a.StartUtc
                          select new { a.Id, a.StartUtc, a.EndUtc, a.Status, a.ResourceId, a.Place, PatientFirst = p.FirstName, PatientLast = p.LastName, p.Mrn,
                              Service = s.Name, st.FirstName, st.LastName, st.Credentials, a.Note }).ToListAsync();
        Items = rows.Select(r => new Item(r.Id, clock.ToLocal(r.StartUtc), clock.ToLocal(r.EndUtc), r.Status, r.ResourceId, r.Place,
            $"{r.PatientFirst} {r.PatientLast}", r.Mrn, r.Service, Domain.Staff.StaffMember.NameWithCredentials(r.FirstName, r.LastName, r.Credentials), r.Note)).ToList();

        // Rows: 7 AM to 7 PM, stretched to whatever is booked outside that.
        var dayStart = Date.ToDateTime(TimeOnly.MinValue);
        var first = dayStart.AddHours(7);
        var last = dayStart.AddHours(19);
        foreach (var i in Items.Where(i => i.Start >= dayStart && i.Start < dayStart.AddDays(1)))
        {
            if (i.Start < first) first = Floor(i.Start);
            if (i.End > last) last = i.End > dayStart.AddDays(1) ? dayStart.AddDays(1) : i.End;
        }
        var slots = new List<DateTime>();
        for (var t = first; t < last; t = t.AddMinutes(SlotMinutes)) slots.Add(t);
        Slots = slots;

        var hours = await db.Availability.AsNoTracking().Where(w => w.Day == Date.DayOfWeek)
            .Join(db.Staff.Where(s => s.IsRenderingProvider), w => w.StaffMemberId, s => s.Id, (w, s) => new { w.Start, w.End, s.StartDate, s.EndDate }).ToListAsync();
        var working = hours.Where(h => h.StartDate <= Date && (h.EndDate == null || h.EndDate >= Date)).ToList();
        Open = Slots.Where(t => working.Any(h => TimeOnly.FromDateTime(t) >= h.Start && TimeOnly.FromDateTime(t) < h.End)).ToHashSet();
        return Page();
    }

    public static DateTime Floor(DateTime t) => t.AddMinutes(-(t.Minute % SlotMinutes)).AddSeconds(-t.Second).AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>The appointment that starts in this row of the column (its first row when it began before the grid).</summary>
    public Item? StartingAt(Column c, DateTime slot) =>
        Items.FirstOrDefault(i => i.ResourceId == c.ResourceId && i.Place == c.Place && (Floor(i.Start) == slot || (slot == Slots[0] && i.Start < slot && i.End > slot)));

    /// <summary>Rows an appointment covers from this row on, at least one.</summary>
    public int RowsOf(Item i, DateTime slot) =>
        Math.Max(1, (int)Math.Ceiling(((i.End > Slots[^1].AddMinutes(SlotMinutes) ? Slots[^1].AddMinutes(SlotMinutes) : i.End) - slot).TotalMinutes / SlotMinutes));

    public static string StatusClass(AppointmentStatus s) => "appt-" + s.ToString().ToLowerInvariant();
}
