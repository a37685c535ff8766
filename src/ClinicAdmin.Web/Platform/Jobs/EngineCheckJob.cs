namespace ClinicAdmin.Web.Platform.Jobs;

/// <summary>
/// A harmless job that counts through N steps with a pause each, reporting progress. Operators use it to check the
/// engine end to end (`jobs check`), and the tests use it for restart, retry and cancel without touching patient data.
/// "FailFirstAttempts" makes the first attempts fail, to see retries work.
/// </summary>
public sealed class EngineCheckJob : IClinicJob
{
    public const string KindName = "EngineCheck";
    public string Kind => KindName;

    public sealed record Parameters(int Steps, int DelayMs, int FailFirstAttempts = 0, bool Permanent = false);

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var p = context.ParametersAs<Parameters>();
        if (context.Attempt <= p.FailFirstAttempts)
        {
            if (p.Permanent) throw new PermanentJobFailure("Engine check asked to fail permanently.");
            throw new InvalidOperationException($"Engine check asked to fail attempt {context.Attempt}.");
        }
        for (var i = 0; i < p.Steps; i++)
        {
            if (!await context.ReportProgressAsync(i, p.Steps, $"Step {i + 1} of {p.Steps}")) cancellationToken.ThrowIfCancellationRequested();
            await Task.Delay(p.DelayMs, cancellationToken);
        }
        await context.ReportProgressAsync(p.Steps, p.Steps, "Done");
        return new JobOutcome(null);
    }
}
