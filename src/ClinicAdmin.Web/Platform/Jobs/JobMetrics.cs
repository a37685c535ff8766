using System.Diagnostics.Metrics;

namespace ClinicAdmin.Web.Platform.Jobs;

/// <summary>
/// The "ClinicAdmin.Jobs" meter: runs queued, running, succeeded, failed and cancelled, and how long an attempt took,
/// each tagged with the job kind only (a code such as "superbill"; never a patient, a title or parameters).
/// </summary>
public sealed class JobMetrics
{
    public const string MeterName = "ClinicAdmin.Jobs";

    private readonly Counter<long> _queued, _succeeded, _failed, _cancelled;
    private readonly UpDownCounter<long> _running;
    private readonly Histogram<double> _duration;

    public JobMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _queued = meter.CreateCounter<long>("clinicadmin.jobs.queued", "{run}", "Runs queued (new requests and manual retries).");
        _running = meter.CreateUpDownCounter<long>("clinicadmin.jobs.running", "{run}", "Attempts running now in this instance.");
        _succeeded = meter.CreateCounter<long>("clinicadmin.jobs.succeeded", "{run}", "Runs that finished with their result.");
        _failed = meter.CreateCounter<long>("clinicadmin.jobs.failed", "{attempt}", "Attempts that failed; final=true when no retry follows.");
        _cancelled = meter.CreateCounter<long>("clinicadmin.jobs.cancelled", "{run}", "Runs cancelled by a user.");
        // Seconds to an hour: the SDK's default buckets (0 to 10000) are made for milliseconds.
        _duration = meter.CreateHistogram<double>("clinicadmin.jobs.duration", "s", "How long an attempt ran, by kind and outcome.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] });
    }

    private static KeyValuePair<string, object?> Kind(string kind) => new("job.kind", kind);

    public void Queued(string kind) => _queued.Add(1, Kind(kind));
    public void Started(string kind) => _running.Add(1, Kind(kind));
    public void Cancelled(string kind) => _cancelled.Add(1, Kind(kind));

    /// <summary>An attempt ended (the one place that closes <see cref="Started"/>).</summary>
    public void Ended(string kind, string outcome, TimeSpan took, bool final = true)
    {
        _running.Add(-1, Kind(kind));
        _duration.Record(took.TotalSeconds, Kind(kind), new("job.outcome", outcome));
        switch (outcome)
        {
            case "succeeded": _succeeded.Add(1, Kind(kind)); break;
            case "failed": _failed.Add(1, Kind(kind), new("final", final)); break;
            case "cancelled": _cancelled.Add(1, Kind(kind)); break;
        }
    }
}
