using ClinicAdmin.Data;
using ClinicAdmin.Reports.Workbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ClinicAdmin.Web.Features.Outcomes;

/// <summary>What the outcomes dashboard shows for a month and scope.</summary>
public sealed record DashboardData(MonthSummary Summary, MonthSummary? Previous, IReadOnlyList<TrendRow> Trend);

/// <summary>
/// The dashboard's figures, computed by <see cref="OutcomeFigures"/> and kept in memory until the data changes. At a
/// chain's size (a million visits) fourteen months of figures take seconds, and directors reopen the same month all day.
/// The key holds the newest audit entry's id: every save of a clinical record, price, location or setting writes one
/// (the audit interceptor), so any change that could move a figure makes the next view compute afresh, on every instance.
/// </summary>
public sealed class DashboardFigures(IMemoryCache cache, IServiceScopeFactory scopes, ClinicDbContext db)
{
    public async Task<DashboardData> GetAsync(ReportMonth month, int? locationId, CancellationToken ct = default)
    {
        var version = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        // One computation per key however many directors open the month at once: the entry holds the running task.
        // It runs without the request's cancellation, since other requests may be waiting for it.
        var key = (nameof(DashboardFigures), month, locationId, version);
        var shared = cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30); // superseded versions fall out by themselves
            return new Lazy<Task<DashboardData>>(() => ComputeAsync(month, locationId));
        })!;
        try { return await shared.Value.WaitAsync(ct); }
        catch when (shared.Value.IsFaulted) { cache.Remove(key); throw; } // a failed computation is not kept
    }

    private async Task<DashboardData> ComputeAsync(ReportMonth month, int? locationId)
    {
        // Its own scope (and DbContext): the request that started it may end first.
        using var scope = scopes.CreateScope();
        var figures = scope.ServiceProvider.GetRequiredService<OutcomeFigures>();
        var summary = await figures.SummaryAsync(month, locationId);
        var previous = await figures.PreviousSummaryAsync(month, locationId);
        return new DashboardData(summary, previous, await figures.TrendAsync(month, locationId, summary, previous));
    }
}
