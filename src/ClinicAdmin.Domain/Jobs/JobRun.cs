using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Jobs;

public enum JobStatus { Queued, Running, Succeeded, Failed, Cancelled }

/// <summary>
/// Our own record of one background job, so users see their jobs whatever the engine does: what, for whom,
/// who asked, state, attempts, progress, error and output. <see cref="RequestKey"/> is unique: the same request
/// (double click, two app instances) finds the existing run instead of starting a second one.
/// </summary>
public class JobRun : Entity
{
    private JobRun() { }

    public static JobRun Request(string kind, string requestKey, string parameters, string title, int? patientId,
                                 string requestedBy, string? requestedByUserId, int maxAttempts, DateTime nowUtc)
    {
        if (maxAttempts is < 1 or > 20) throw new DomainException(nameof(maxAttempts), "Between 1 and 20 attempts.");
        return new JobRun
        {
            Kind = kind, RequestKey = requestKey, Parameters = parameters, Title = title, PatientId = patientId,
            RequestedBy = requestedBy, RequestedByUserId = requestedByUserId, MaxAttempts = maxAttempts,
            Status = JobStatus.Queued, CreatedAt = nowUtc,
        };
    }

    public string Kind { get; private set; } = "";
    public string RequestKey { get; private set; } = "";
    /// <summary>JSON parameters of the job (ids and dates only, never patient data).</summary>
    public string Parameters { get; private set; } = "";
    /// <summary>What users see in the jobs list, e.g. "Superbill, course #12".</summary>
    public string Title { get; private set; } = "";
    public int? PatientId { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public string? RequestedByUserId { get; private set; }
    public JobStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public int MaxAttempts { get; private set; }
    public int ProgressDone { get; private set; }
    public int ProgressTotal { get; private set; }
    public string? ProgressText { get; private set; }
    public string? Error { get; private set; }
    public bool CancelRequested { get; private set; }
    public int? DocumentId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public DateTime? NextAttemptAt { get; private set; }
    /// <summary>Which app instance runs it now (for the jobs page and crash diagnosis).</summary>
    public string? RunningOn { get; private set; }

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
    public int Percent => ProgressTotal <= 0 ? (Status == JobStatus.Succeeded ? 100 : 0) : (int)(100L * ProgressDone / ProgressTotal);

    /// <summary>An attempt starts. A run found "Running" (its instance died) simply starts again: work is idempotent.</summary>
    public void Start(string instance, DateTime nowUtc)
    {
        if (IsFinished) throw new DomainException("", $"This job already ended ({Status}).");
        Status = JobStatus.Running; Attempts++; StartedAt = nowUtc; RunningOn = instance; NextAttemptAt = null;
    }

    public void ReportProgress(int done, int total, string? text)
    {
        ProgressDone = Math.Max(0, done); ProgressTotal = Math.Max(0, total); ProgressText = text;
    }

    public void Succeed(int? documentId, DateTime nowUtc)
    {
        Status = JobStatus.Succeeded; DocumentId = documentId; FinishedAt = nowUtc; Error = null; RunningOn = null;
        if (ProgressTotal > 0) ProgressDone = ProgressTotal;
    }

    /// <summary>A failed attempt: retried later with backoff while attempts remain (and the error is transient), else failed for good.</summary>
    public bool Fail(string readableError, bool permanent, DateTime nowUtc, TimeSpan baseBackoff)
    {
        Error = readableError; RunningOn = null;
        if (!permanent && Attempts < MaxAttempts && !CancelRequested)
        {
            Status = JobStatus.Queued;
            NextAttemptAt = nowUtc + TimeSpan.FromTicks(baseBackoff.Ticks * (1L << Math.Min(Attempts - 1, 10)));
            return true;
        }
        Status = JobStatus.Failed; FinishedAt = nowUtc; NextAttemptAt = null;
        return false;
    }

    public void RequestCancel(DateTime nowUtc)
    {
        if (IsFinished) throw new DomainException("", "This job already ended.");
        CancelRequested = true;
        if (Status == JobStatus.Queued) { Status = JobStatus.Cancelled; FinishedAt = nowUtc; }
    }

    public void MarkCancelled(DateTime nowUtc) { Status = JobStatus.Cancelled; FinishedAt = nowUtc; RunningOn = null; }

    /// <summary>"Retry" on a failed or cancelled run: a fresh set of attempts on the same record.</summary>
    public void Retry(DateTime nowUtc)
    {
        if (Status is not (JobStatus.Failed or JobStatus.Cancelled)) throw new DomainException("", "Only a failed or cancelled job can be retried.");
        Status = JobStatus.Queued; Attempts = 0; Error = null; CancelRequested = false; FinishedAt = null; NextAttemptAt = null;
        ProgressDone = 0;
    }
}
