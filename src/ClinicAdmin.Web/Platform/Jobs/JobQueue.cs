using System.Text.Json;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ClinicAdmin.Web.Platform.Jobs;

/// <summary>
/// Asking for background work. A request is first a <see cref="JobRun"/> row with a unique request key — the
/// same request twice (double click, two instances) returns the existing run — then a durable Quartz trigger.
/// </summary>
public sealed class JobQueue(ClinicDbContext db, ISchedulerFactory schedulers, IOptions<JobsOptions> options, TimeProvider time, JobMetrics metrics, ILogger<JobQueue> log)
{
    public const string RunIdKey = "runId";

    public async Task<JobRun> EnqueueAsync(string kind, string requestKey, object parameters, string title, int? patientId,
                                           string requestedBy, string? requestedByUserId, CancellationToken ct = default)
    {
        var existing = await db.JobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.RequestKey == requestKey, ct);
        if (existing is not null) return existing;
        var run = JobRun.Request(kind, requestKey, JsonSerializer.Serialize(parameters), title, patientId, requestedBy,
                                 requestedByUserId, options.Value.MaxAttempts, time.GetUtcNow().UtcDateTime);
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another click or instance inserted the same request a moment ago: that run is the one.
            db.ChangeTracker.Clear();
            return await db.JobRuns.AsNoTracking().SingleAsync(r => r.RequestKey == requestKey, ct);
        }
        await ScheduleAsync(run.Id, null, ct);
        metrics.Queued(kind);
        log.LogInformation("Job run {RunId} ({Kind}) queued", run.Id, kind);
        return run;
    }

    /// <summary>Schedules (or re-schedules) the Quartz trigger of a run. Durable and recoverable: survives a crash.</summary>
    public async Task ScheduleAsync(int runId, DateTime? atUtc, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var jobKey = JobKeyOf(runId);
        var job = JobBuilder.Create<ClinicJobExecutor>().WithIdentity(jobKey).UsingJobData(RunIdKey, runId.ToString())
            .StoreDurably(false).RequestRecovery(true).Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"run-{runId}-{Guid.NewGuid():N}", "runs").ForJob(jobKey)
            .StartAt(atUtc is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : time.GetUtcNow())
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        // Job and trigger in one store operation: "exists? then add a trigger" lost the retry when the run's previous
        // firing ended in between, because Quartz deletes a non-durable job with its last trigger.
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, ct);
    }

    /// <summary>Cancels a queued run at once; a running one stops at its next progress report.</summary>
    public async Task CancelAsync(int runId, CancellationToken ct = default)
    {
        var run = await db.JobRuns.SingleAsync(r => r.Id == runId, ct);
        run.RequestCancel(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var scheduler = await schedulers.GetScheduler(ct);
        if (run.Status == JobStatus.Cancelled) await scheduler.DeleteJob(JobKeyOf(runId), ct);
        else await scheduler.Interrupt(JobKeyOf(runId), ct); // this instance; others see the flag in the database
    }

    public async Task RetryAsync(int runId, CancellationToken ct = default)
    {
        var run = await db.JobRuns.SingleAsync(r => r.Id == runId, ct);
        run.Retry(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await ScheduleAsync(runId, null, ct);
        metrics.Queued(run.Kind);
    }

    public static JobKey JobKeyOf(int runId) => new($"run-{runId}", "runs");
}
