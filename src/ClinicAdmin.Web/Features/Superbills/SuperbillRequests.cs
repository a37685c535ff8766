using System.Globalization;
using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Reports.Superbills;
using ClinicAdmin.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>Queuing superbills from pages: checks first (missing fields), then one run per request key.</summary>
public sealed class SuperbillRequests(ClinicDbContext db, SuperbillBuilder builder, JobQueue queue, TimeProvider time)
{
    public sealed record Result(JobRun? Run, IReadOnlyList<string> Problems);

    public async Task<Result> RequestAsync(SuperbillScope scope, int version, int? replacesDocumentId, string title, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var problems = await builder.ProblemsAsync(scope, (await ClinicClocks.ForAsync(db, time, ct)).Today, ct);
        if (problems.Count > 0) return new(null, problems);
        var run = await queue.EnqueueAsync(SuperbillJob.KindName, scope.RequestKey(version), new SuperbillJob.Parameters(scope, version, replacesDocumentId),
            title, scope.PatientId, user.Identity?.Name ?? "unknown", user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return new(run, []);
    }

    /// <summary>The scope a stored superbill was issued for, read back from its request key; null if unknown.</summary>
    public async Task<SuperbillScope?> ScopeOfAsync(string requestKey, int patientId, CancellationToken ct = default)
    {
        var parts = BaseKey(requestKey).Split(':');
        if (parts.Length < 3 || parts[0] != "superbill") return null;
        switch (parts[1])
        {
            case "visit" when int.TryParse(parts[2], out var v): return SuperbillScope.ForVisit(patientId, v);
            case "course" when int.TryParse(parts[2], out var c): return SuperbillScope.ForCourse(patientId, c);
            case "range" when parts.Length == 4:
                var dates = parts[3].Split('-');
                return dates.Length == 2 && DateOnly.TryParseExact(dates[0], "yyyyMMdd", out var f) && DateOnly.TryParseExact(dates[1], "yyyyMMdd", out var t)
                    ? SuperbillScope.ForRange(patientId, f, t) : null;
            case "batch" when DateOnly.TryParseExact(parts[2] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month):
                var paid = await SuperbillBatchJob.PaidVisitsAsync(db, await ClinicClocks.ForAsync(db, time, ct), month.Year, month.Month, ct);
                return new SuperbillScope(SuperbillKind.DateRange, patientId, From: month, To: month.AddMonths(1).AddDays(-1),
                                          VisitIds: paid.TryGetValue(patientId, out var ids) ? ids : [-1]);
            default: return null;
        }
    }

    /// <summary>The provider of record a stored superbill was requested with (null: none was chosen, or unknown).</summary>
    public async Task<int?> SignerOfAsync(string requestKey, CancellationToken ct = default)
    {
        var parameters = await db.JobRuns.AsNoTracking().Where(r => r.Kind == SuperbillJob.KindName && r.RequestKey == requestKey)
            .OrderByDescending(r => r.Id).Select(r => r.Parameters).FirstOrDefaultAsync(ct);
        if (parameters is null) return null;
        try { return System.Text.Json.JsonSerializer.Deserialize<SuperbillJob.Parameters>(parameters)?.Scope.SignerId; }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>"superbill:visit:12:v2" → "superbill:visit:12".</summary>
    public static string BaseKey(string requestKey)
    {
        var i = requestKey.LastIndexOf(":v", StringComparison.Ordinal);
        return i > 0 && int.TryParse(requestKey[(i + 2)..], out _) ? requestKey[..i] : requestKey;
    }
}
