using ClinicAdmin.Data;
using ClinicAdmin.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ClinicAdmin.Web.Platform.Jobs;

/// <summary>
/// The one Quartz job: loads the run, hands it to the <see cref="IClinicJob"/> of its kind, and records the
/// outcome. Failures are retried with exponential backoff up to the run's attempts, then shown as failed with a
/// readable reason. A run interrupted by a crash is fired again by Quartz's recovery (or by another instance in a
/// cluster) and simply starts again.
/// </summary>
public sealed class ClinicJobExecutor(IServiceScopeFactory scopes, IEnumerable<IClinicJob> jobs, IOptions<JobsOptions> options,
                                      TimeProvider time, JobMetrics metrics, ILogger<ClinicJobExecutor> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext quartz, CancellationToken cancellationToken)
    {
        var runId = int.Parse(quartz.MergedJobDataMap.GetString(JobQueue.RunIdKey)!);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var run = await db.JobRuns.SingleOrDefaultAsync(r => r.Id == runId);
        if (run is null || run.IsFinished) return;
        var now = time.GetUtcNow().UtcDateTime;
        if (run.CancelRequested) { run.MarkCancelled(now); await db.SaveChangesAsync(); metrics.Cancelled(run.Kind); return; }
        var job = jobs.SingleOrDefault(j => j.Kind == run.Kind);
        if (job is null)
        {
            run.Start(quartz.Scheduler.SchedulerInstanceId, now);
            run.Fail($"No job of kind '{run.Kind}' exists in this version of ClinicAdmin.", permanent: true, now, TimeSpan.Zero);
            await db.SaveChangesAsync();
            metrics.Started(run.Kind);
            metrics.Ended(run.Kind, "failed", TimeSpan.Zero);
            return;
        }
        run.Start(quartz.Scheduler.SchedulerInstanceId, now);
        await db.SaveChangesAsync();
        log.LogInformation("Job run {RunId} ({Kind}) attempt {Attempt} started{Recovering}", run.Id, run.Kind, run.Attempts, quartz.Recovering ? " (recovering after a crash)" : "");
        // Metrics: every started attempt ends exactly once, in the finally below, with its outcome.
        metrics.Started(run.Kind);
        var kind = run.Kind;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var took = TimeSpan.Zero;
        var outcome = "interrupted"; // the instance is stopping: Quartz recovery runs it again
        var final = true;

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var context = new JobContext(run.Id, run.Attempts, run.RequestKey, run.Parameters, run.RequestedBy, async (done, total, text) =>
        {
            // A separate, short-lived context: progress is committed at once so the jobs page can show it live.
            using var progressScope = scopes.CreateScope();
            var pdb = progressScope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            var current = await pdb.JobRuns.SingleAsync(r => r.Id == runId);
            current.ReportProgress(done, total, text);
            await pdb.SaveChangesAsync();
            if (current.CancelRequested) await cancel.CancelAsync();
            return !current.CancelRequested;
        });
        try
        {
            using var jobScope = scopes.CreateScope();
            var result = await job.RunAsync(context, cancel.Token);
            took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            await db.Entry(run).ReloadAsync();
            run.Succeed(result.DocumentId, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            outcome = "succeeded";
            log.LogInformation("Job run {RunId} succeeded", run.Id);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            await db.Entry(run).ReloadAsync();
            if (run.CancelRequested) { run.MarkCancelled(time.GetUtcNow().UtcDateTime); await db.SaveChangesAsync(); outcome = "cancelled"; log.LogInformation("Job run {RunId} cancelled", run.Id); }
            // Otherwise the instance is shutting down: the run stays "Running" and Quartz recovery fires it again.
        }
        catch (Exception e)
        {
            // When the database itself is away (PostgreSQL stopped, disk full) recording the failure fails too, which
            // would leave the run "Running" for ever: wait for the database, then record and schedule the retry.
            took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            outcome = "failed";
            var fault = DatabaseFaults.Classify(e);
            await WhenDatabaseAnswersAsync(run.Id, cancellationToken, async () =>
            {
                db.ChangeTracker.Clear();
                var current = await db.JobRuns.SingleAsync(r => r.Id == runId, cancellationToken);
                var permanent = e is PermanentJobFailure;
                var retry = current.Fail(Readable(e), permanent, time.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(options.Value.RetryBackoffSeconds));
                await db.SaveChangesAsync(cancellationToken);
                final = !retry;
                // Ids and the exception type only: messages may quote patient data.
                log.LogWarning("Job run {RunId} attempt {Attempt} failed ({ErrorType} in {Where}{Fault}); {Next}", current.Id, current.Attempts, e.GetType().Name,
                    e.TargetSite is { } site ? $"{site.DeclaringType?.FullName}.{site.Name}" : "unknown", fault is null ? "" : ", database " + fault, retry ? "will retry" : "gave up");
                if (retry) await scope.ServiceProvider.GetRequiredService<JobQueue>().ScheduleAsync(current.Id, current.NextAttemptAt);
            });
        }
        finally
        {
            metrics.Ended(kind, outcome, took == TimeSpan.Zero ? System.Diagnostics.Stopwatch.GetElapsedTime(started) : took, final);
        }
    }

    /// <summary>Runs <paramref name="work"/>, retrying while the database is unavailable (1 s, 2 s, 4 s ... at most 15 s apart, up to 30 minutes).</summary>
    private async Task WhenDatabaseAnswersAsync(int runId, CancellationToken ct, Func<Task> work)
    {
        var deadline = Environment.TickCount64 + 30 * 60_000; // wall time, not the (possibly fixed) clinic clock
        for (var wait = TimeSpan.FromSeconds(1); ; wait = TimeSpan.FromSeconds(Math.Min(15, wait.TotalSeconds * 2)))
        {
            try { await work(); return; }
            catch (Exception e) when (DatabaseFaults.Classify(e) is not null && Environment.TickCount64 < deadline && !ct.IsCancellationRequested)
            {
                log.LogWarning("Job run {RunId}: database {Fault} while recording the outcome; trying again in {Seconds} s", runId, DatabaseFaults.Classify(e), wait.TotalSeconds);
                await Task.Delay(wait, ct);
            }
        }
    }

    private static string Readable(Exception e) => e switch
    {
        PermanentJobFailure p => p.Message,
        TimeoutException => "The database did not answer in time; the job will be retried.",
        _ when DatabaseFaults.Classify(e) is { } fault => $"The database was unavailable ({fault}); the job will be retried.",
        // Exception messages may quote patient data or internals: the page gets a generic line, the log the type and place.
        _ => $"The job failed unexpectedly ({e.GetType().Name}). The server log has the details.",
    };
}
