using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Reports.Superbills;
using ClinicAdmin.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>
/// Month-end: one superbill per patient with paid visits in a clinic month. Each patient's bill has its own request
/// key, so a re-run (crash, retry) skips the bills already stored and never duplicates one. Progress per patient;
/// a cancel stops between patients. A patient whose bill cannot be issued (missing NPI, no diagnosis) is skipped and
/// counted, not a reason to fail the whole batch.
/// </summary>
public sealed class SuperbillBatchJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<SuperbillBatchJob> log) : IClinicJob
{
    public const string KindName = "SuperbillBatch";
    public string Kind => KindName;

    public sealed record Parameters(int Year, int Month);

    public static string RequestKeyOf(int year, int month) => $"superbill:batch:{year:0000}-{month:00}";
    public static string PatientKeyOf(int year, int month, int patientId) => $"{RequestKeyOf(year, month)}:patient:{patientId}:v1";

    /// <summary>Patients with at least one paid visit in the clinic month, and those visits.</summary>
    public static async Task<Dictionary<int, int[]>> PaidVisitsAsync(ClinicDbContext db, ClinicClock clock, int year, int month, CancellationToken ct = default)
    {
        var first = new DateOnly(year, month, 1);
        var from = clock.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var to = clock.ToUtc(first.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        // Sums in memory: SQLite cannot aggregate decimals in SQL.
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.VisitId != null && db.Visits.Any(v => v.Id == p.VisitId && v.StartedAt >= from && v.StartedAt < to))
            .Select(p => new { VisitId = p.VisitId!.Value, p.Amount }).ToListAsync(ct);
        var paid = payments.GroupBy(p => p.VisitId).Where(g => g.Sum(p => p.Amount) > 0).Select(g => g.Key).ToList();
        var rows = await db.Visits.AsNoTracking().Where(v => paid.Contains(v.Id)).Select(v => new { v.PatientId, v.Id }).ToListAsync(ct);
        return rows.GroupBy(r => r.PatientId).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Select(r => r.Id).Order().ToArray());
    }

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var p = context.ParametersAs<Parameters>();
        Dictionary<int, int[]> patients;
        ClinicClock clock;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            clock = await ClinicClocks.ForAsync(db, time, cancellationToken);
            patients = await PaidVisitsAsync(db, clock, p.Year, p.Month, cancellationToken);
        }
        var first = new DateOnly(p.Year, p.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        int done = 0, issued = 0;
        var skipped = new List<int>();
        foreach (var (patientId, visitIds) in patients)
        {
            if (!await context.ReportProgressAsync(done, patients.Count, $"Patient {done + 1} of {patients.Count}"))
                cancellationToken.ThrowIfCancellationRequested();
            using var scope = scopes.CreateScope(); // a fresh context per bill keeps memory flat over a long batch
            var issuer = scope.ServiceProvider.GetRequiredService<SuperbillIssuer>();
            var billScope = new SuperbillScope(SuperbillKind.DateRange, patientId, From: first, To: last, VisitIds: visitIds);
            try
            {
                await issuer.IssueAsync(billScope, PatientKeyOf(p.Year, p.Month, patientId), 1, null, context.RequestedBy, cancellationToken);
                issued++;
            }
            catch (PermanentJobFailure)
            {
                skipped.Add(patientId);
                log.LogWarning("Month-end batch run {RunId}: patient {PatientId} skipped (superbill incomplete)", context.RunId, patientId);
            }
            done++;
        }
        var summary = skipped.Count == 0
            ? $"{issued} superbills issued"
            : $"{issued} superbills issued; {skipped.Count} could not be issued (patient ids {string.Join(", ", skipped.Take(20))}{(skipped.Count > 20 ? ", …" : "")}): fix their records and issue them one by one";
        await context.ReportProgressAsync(done, patients.Count, summary.Length > 200 ? summary[..199] + "…" : summary);
        return new JobOutcome(null);
    }
}
