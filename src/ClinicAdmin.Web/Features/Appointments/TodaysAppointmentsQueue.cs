using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Scheduling;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Appointments;

/// <summary>
/// Today's appointments still to come or in progress (not cancelled, not no-show), earliest first. A clinician with a
/// staff record sees their own; the front desk sees the whole clinic's.
/// </summary>
public sealed class TodaysAppointmentsQueue(ClinicDbContext db) : IWorkQueue
{
    public int Order => 25; // after safety alerts, before the sessions already recorded today
    public string Policy => Policies.WorkSchedule;

    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        var (from, to) = (clock.DayStartUtc(clock.Today), clock.DayEndUtc(clock.Today));
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        int? mine = user.IsInRole(Roles.Clinician) && userId is not null
            ? await db.Staff.Where(s => s.UserId == userId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct) : null;
        var today = db.Appointments.AsNoTracking().Where(a => a.StartUtc >= from && a.StartUtc < to && a.HoldsTime && (mine == null || a.ProviderId == mine));
        var count = await today.CountAsync(ct);
        var first = await today.OrderBy(a => a.StartUtc).Take(WorkQueue.Shown)
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { a.Id, a.StartUtc, a.Status, a.LocationId, p.FirstName, p.LastName, p.Mrn })
            .ToListAsync(ct);
        var location = first.FirstOrDefault()?.LocationId;
        return new WorkQueue("appointments", mine is null ? "Today's appointments" : "My appointments today", "calendar3", count,
            new WorkLink("Open the schedule", "/Appointments/Day", WorkLink.Query(("locationId", location))),
            first.Select(a => new WorkLink($"{a.FirstName} {a.LastName} ({a.Mrn})", "/Appointments/Details", WorkLink.Query(("id", a.Id)),
                $"{RecordText.Time(clock.ToLocal(a.StartUtc))} · {Vocabulary.Label(a.Status)}")).ToList(),
            "No appointment booked for today.");
    }
}
