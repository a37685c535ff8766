using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class TodaysSessionsQueue(ClinicDbContext db, TimeProvider time) : IWorkQueue
{
    public int Order => 30;
    public string Policy => Policies.RecordClinical;
    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        var (from, to) = (clock.DayStartUtc(clock.Today), clock.DayEndUtc(clock.Today));
        var today = db.Visits.AsNoTracking().Where(v => v.StartedAt >= from && v.StartedAt < to);
        var count = await today.CountAsync(ct);
        var first = await today.OrderBy(v => v.StartedAt).Take(WorkQueue.Shown)
            .Join(db.Patients, v => v.PatientId, p => p.Id, (v, p) => new { v.Id, v.StartedAt, v.DischargedAt, p.Mrn, p.FirstName, p.LastName }).ToListAsync(ct);
        return new WorkQueue("today", "Today's sessions", "calendar-day", count,
            new WorkLink("All patients", "/Patients/Index", WorkLink.Query()),
            first.Select(v => new WorkLink($"{v.FirstName} {v.LastName} ({v.Mrn})", "/Visits/Details", WorkLink.Query(("id", v.Id)),
                $"{RecordText.Time(clock.ToLocal(v.StartedAt))} · {(v.DischargedAt is null ? "in session" : "discharged")}")).ToList(),
            "No session recorded today yet. Record one from the patient's page.");
    }
}
