using System.Security.Cryptography;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Reports.Workbooks;
using ClinicAdmin.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Outcomes;

/// <summary>
/// Builds the monthly outcome workbook of the group or of one location and stores it as a <see cref="GeneratedDocument"/>
/// whose request key is the run's ("workbook:2026-02:v1" for the group, "workbook:2026-02:loc3:v1" for location 3), so
/// "exactly one workbook per month and version" holds per scope. Idempotent: a rerun after a crash, or a second instance, finds the stored document and returns it.
/// </summary>
public sealed class OutcomeWorkbookJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutcomeWorkbookJob> log) : IClinicJob
{
    public const string KindName = "OutcomeWorkbook";
    public string Kind => KindName;

    public sealed record Parameters(int Year, int Month, int Version, int? LocationId = null);

    /// <summary>The key without its version; the location is named by id (codes can be edited, keys must not change).</summary>
    public static string PrefixOf(int year, int month, int? locationId) =>
        locationId is { } l ? $"workbook:{year:D4}-{month:D2}:loc{l}:v" : $"workbook:{year:D4}-{month:D2}:v";

    public static string RequestKeyOf(int year, int month, int version, int? locationId = null) => $"{PrefixOf(year, month, locationId)}{version}";

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var p = context.ParametersAs<Parameters>();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var existing = await db.Documents.AsNoTracking().Where(d => d.RequestKey == context.RequestKey).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null) return new JobOutcome(existing);

        await context.ReportProgressAsync(0, 3, "Computing the figures");
        var figures = scope.ServiceProvider.GetRequiredService<OutcomeFigures>();
        var model = await figures.WorkbookAsync(p.Year, p.Month, p.Version, context.RequestedBy, p.LocationId, cancellationToken);
        if (!await context.ReportProgressAsync(1, 3, "Writing the workbook")) cancellationToken.ThrowIfCancellationRequested();
        var bytes = OutcomeWorkbookWriter.ToBytes(model, cancellationToken);
        if (!await context.ReportProgressAsync(2, 3, "Storing the workbook")) cancellationToken.ThrowIfCancellationRequested();

        var first = model.Month.FirstDay;
        var document = new GeneratedDocument
        {
            Kind = DocumentKind.OutcomeWorkbook, RequestKey = context.RequestKey, Version = p.Version,
            DocumentNumber = p.LocationId is { } loc ? $"WB-{model.Month.Label}-L{loc}-v{p.Version}" : $"WB-{model.Month.Label}-v{p.Version}",
            LocationId = p.LocationId, FileName = OutcomeWorkbookWriter.FileName(model),
            ContentType = OutcomeWorkbookWriter.ContentType, Content = bytes, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            PeriodStart = first, PeriodEnd = first.AddMonths(1).AddDays(-1),
            CreatedBy = context.RequestedBy, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Documents.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance stored this very request a moment ago: that document is the one.
            db.ChangeTracker.Clear();
            var other = await db.Documents.AsNoTracking().Where(d => d.RequestKey == context.RequestKey).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
            if (other is null) throw;
            return new JobOutcome(other);
        }
        await context.ReportProgressAsync(3, 3, "Done");
        log.LogInformation("Outcome workbook {Month} v{Version} (location {LocationId}) stored as document {DocumentId} ({Bytes} bytes)",
            model.Month.Label, p.Version, p.LocationId, document.Id, bytes.Length);
        return new JobOutcome(document.Id);
    }
}

/// <summary>Asking for a month's workbook (group or one location): the first request of a month and scope is v1; asking again makes the next version.</summary>
public sealed class OutcomeWorkbookRequests(ClinicDbContext db, JobQueue queue)
{
    /// <summary>The scheduled (or first) workbook of a month: always v1, so two instances firing together yield one run.</summary>
    public Task<Domain.Jobs.JobRun> RequestFirstAsync(int year, int month, string requestedBy, string? userId, CancellationToken ct = default) =>
        EnqueueAsync(year, month, 1, null, null, requestedBy, userId, ct);

    /// <summary>
    /// Generates (v1) or regenerates (next version) a month. While a run for the month is still queued or running it is
    /// returned instead, so a double click does not make two versions.
    /// </summary>
    public async Task<Domain.Jobs.JobRun> RequestNextAsync(int year, int month, string requestedBy, string? userId, CancellationToken ct = default, int? locationId = null)
    {
        var prefix = OutcomeWorkbookJob.PrefixOf(year, month, locationId);
        var code = locationId is { } lid ? await db.Locations.Where(l => l.Id == lid).Select(l => l.Code).SingleAsync(ct) : null;
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Kind == OutcomeWorkbookJob.KindName && r.RequestKey.StartsWith(prefix)).ToListAsync(ct);
        var pending = runs.Where(r => !r.IsFinished).OrderByDescending(r => r.Id).FirstOrDefault();
        if (pending is not null) return pending;
        var versions = runs.Select(r => int.TryParse(r.RequestKey[prefix.Length..], out var v) ? v : 0)
            .Concat(await db.Documents.AsNoTracking().Where(d => d.Kind == DocumentKind.OutcomeWorkbook && d.RequestKey.StartsWith(prefix))
                .Select(d => d.Version).ToListAsync(ct));
        var next = versions.DefaultIfEmpty(0).Max() + 1;
        return await EnqueueAsync(year, month, next, locationId, code, requestedBy, userId, ct);
    }

    private Task<Domain.Jobs.JobRun> EnqueueAsync(int year, int month, int version, int? locationId, string? code, string requestedBy, string? userId, CancellationToken ct) =>
        queue.EnqueueAsync(OutcomeWorkbookJob.KindName, OutcomeWorkbookJob.RequestKeyOf(year, month, version, locationId),
            new OutcomeWorkbookJob.Parameters(year, month, version, locationId),
            $"Outcome workbook {year:D4}-{month:D2}{(code is null ? "" : " " + code)} v{version}", null, requestedBy, userId, ct);
}
