using ClinicAdmin.Data;
using ClinicAdmin.Reports.Workbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ClinicAdmin.Web.Reports;

/// <summary>What the outcomes dashboard shows for a month and scope.</summary>
public sealed record DashboardData(MonthSummary Summary, MonthSummary? Previous, IReadOnlyList<TrendRow> Trend);

/// <summary>
/// The dashboard's figures, computed by <see cref="OutcomeFigures"/> and kept in memory until the data changes. At a
/// chain's size (a million visits) fourteen months of figures take seconds, and directors reopen the same month all day.
/// The key holds the newest audit entry's id: every save of a clinical record, price, location or setting writes one
/// (the audit interceptor), so any change that could move a figure makes the next view compute afresh, on every instance.
/// </summary>
public sealed class DashboardFigures(IMemoryCache cache, OutcomeFigures figures, ClinicDbContext db)
{
    public async Task<DashboardData> GetAsync(ReportMonth month, int? locationId, CancellationToken ct = default)
    {
        var version = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        return (await cache.GetOrCreateAsync((nameof(DashboardFigures), month, locationId, version), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30); // superseded versions fall out by themselves
            var summary = await figures.SummaryAsync(month, locationId, ct);
            var previous = await figures.PreviousSummaryAsync(month, locationId, ct);
            var known = new Dictionary<ReportMonth, MonthSummary> { [month] = summary };
            if (previous is not null) known[month.Previous()] = previous;
            return new DashboardData(summary, previous, await figures.TrendAsync(month, locationId, ct, known));
        }))!;
    }
}
