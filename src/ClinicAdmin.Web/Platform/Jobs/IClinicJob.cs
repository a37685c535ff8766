namespace ClinicAdmin.Web.Platform.Jobs;

/// <summary>
/// One kind of background work (a superbill, a month-end batch, a workbook). A plain async method: ids in, a
/// document id out. It must be idempotent: after a crash it runs again from the start and must not produce a
/// second result (use the run's request key as the document's unique key).
/// </summary>
public interface IClinicJob
{
    /// <summary>The kind name stored on <see cref="Domain.Jobs.JobRun.Kind"/>.</summary>
    string Kind { get; }

    Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken);
}

public sealed record JobOutcome(int? DocumentId);

/// <summary>Thrown for failures that retrying cannot fix (missing NPI, no diagnosis): the run fails at once with this message.</summary>
public sealed class PermanentJobFailure(string message) : Exception(message);

/// <summary>What a running job sees: its run, its parameters, and a way to report progress (and notice a cancel).</summary>
public sealed class JobContext(int runId, int attempt, string requestKey, string parameters, string requestedBy, Func<int, int, string?, Task<bool>> progress)
{
    public int RunId { get; } = runId;
    /// <summary>1 for the first attempt.</summary>
    public int Attempt { get; } = attempt;
    public string RequestKey { get; } = requestKey;
    public string Parameters { get; } = parameters;
    public string RequestedBy { get; } = requestedBy;

    public T ParametersAs<T>() => System.Text.Json.JsonSerializer.Deserialize<T>(Parameters)!;

    /// <summary>Stores progress; returns false when the user asked to cancel (the job should stop).</summary>
    public Task<bool> ReportProgressAsync(int done, int total, string? text = null) => progress(done, total, text);
}
