using System.Collections.Concurrent;
using ClinicAdmin.Web.Platform.Jobs;

namespace ClinicAdmin.Web.Tests.Platform.Jobs;

/// <summary>
/// A test job that says when it is running and then holds until it is cancelled. A cancel test waits for that signal
/// instead of racing a job that would end on its own (a slow machine could miss its running state, or finish it first).
/// </summary>
public sealed class HeldJob : IClinicJob
{
    public const string KindName = "TestHeld";
    public string Kind => KindName;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();

    /// <summary>Completes when the run with this request key is inside its job (so it is recorded as Running).</summary>
    public Task StartedAsync(string requestKey) => Started(requestKey).Task;

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        await context.ReportProgressAsync(1, 2, "Holding");
        Started(context.RequestKey).TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return new JobOutcome(null);
    }

    private TaskCompletionSource Started(string key) =>
        _started.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
