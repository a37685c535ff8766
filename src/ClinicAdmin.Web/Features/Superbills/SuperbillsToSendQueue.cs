using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class SuperbillsToSendQueue(ClinicDbContext db, TimeProvider time) : IWorkQueue
{
    /// <summary>Superbills are due for a patient seen in this many days who has none made since the visit.</summary>
    public const int SuperbillDays = 31;

    public int Order => 60;
    public string Policy => Policies.ManagePatients;
    // The billing queues are the front desk's work; clinical roles reach the same pages but their home stays clinical.
    public bool AppliesTo(ClaimsPrincipal user) => !WorkQueue.May(user, Policies.ReadClinical);

    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        // Patients seen recently with a session that no superbill made since covers (so, none since their last session).
        var since = clock.DayStartUtc(clock.Today.AddDays(-SuperbillDays));
        var waiting = db.Visits.Where(v => v.StartedAt >= since && !db.Documents.Any(d => d.PatientId == v.PatientId && d.Kind == DocumentKind.Superbill
                                                                                        && d.VoidedAt == null && d.CreatedAt >= v.StartedAt))
            .Select(v => v.PatientId).Distinct();
        var count = await waiting.CountAsync(ct);
        var ids = await waiting.OrderBy(id => id).Take(WorkQueue.Shown).ToListAsync(ct);
        var first = await db.Visits.Where(v => ids.Contains(v.PatientId)).GroupBy(v => v.PatientId).Select(g => new { PatientId = g.Key, Last = g.Max(v => v.StartedAt) })
            .Join(db.Patients, l => l.PatientId, p => p.Id, (l, p) => new { p.Id, p.Mrn, p.FirstName, p.LastName, l.Last }).ToListAsync(ct);
        return new WorkQueue("superbills", "Superbills to send", "receipt", count,
            new WorkLink("Month-end superbills", "/Superbills/Batch", WorkLink.Query()),
            first.Select(p => new WorkLink($"{p.FirstName} {p.LastName} ({p.Mrn})", "/Patients/Details", WorkLink.Query(("id", p.Id)),
                $"last session {RecordText.Date(clock.DateOf(p.Last))}")).ToList(),
            $"Every patient seen in the last {SuperbillDays} days has a superbill made since.");
    }
}
