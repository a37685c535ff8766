using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Payments;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class BalancesDueQueue(ClinicDbContext db, TimeProvider time) : IWorkQueue
{
    public int Order => 50;
    public string Policy => Policies.ManagePatients;
    // The billing queues are the front desk's work; clinical roles reach the same pages but their home stays clinical.
    public bool AppliesTo(ClaimsPrincipal user) => !WorkQueue.May(user, Policies.ReadClinical);

    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        // Money sums stay decimal (SQLite cannot sum decimals in SQL): read the amounts of patients seen in the last year.
        var since = time.GetUtcNow().UtcDateTime.AddYears(-1);
        var patientIds = db.Visits.Where(v => v.StartedAt >= since).Select(v => v.PatientId).Distinct();
        var charges = await db.ChargeLines.AsNoTracking().Join(db.Visits, c => c.VisitId, v => v.Id, (c, v) => new { v.PatientId, c.Amount })
            .Where(c => patientIds.Contains(c.PatientId)).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Where(p => patientIds.Contains(p.PatientId))
            .Select(p => new { p.PatientId, p.Amount }).ToListAsync(ct);
        var paid = payments.ToLookup(p => p.PatientId, p => p.Amount);
        var due = charges.GroupBy(c => c.PatientId)
            .Select(g => (PatientId: g.Key, Balance: PaymentRules.Balance(g.Select(c => c.Amount), paid[g.Key])))
            .Where(b => b.Balance > 0).OrderByDescending(b => b.Balance).ToList();
        var top = due.Take(WorkQueue.Shown).ToList();
        var ids = top.Select(t => t.PatientId).ToList();
        var names = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Mrn, p.FirstName, p.LastName }).ToDictionaryAsync(p => p.Id, ct);
        return new WorkQueue("balances", "Balances due", "cash-coin", due.Count,
            new WorkLink("All patients", "/Patients/Index", WorkLink.Query()),
            top.Select(t => new WorkLink($"{names[t.PatientId].FirstName} {names[t.PatientId].LastName} ({names[t.PatientId].Mrn})", "/Patients/Details",
                WorkLink.Query(("id", t.PatientId)), RecordText.Money(t.Balance))).ToList(),
            "No patient seen in the last year owes anything.");
    }
}
