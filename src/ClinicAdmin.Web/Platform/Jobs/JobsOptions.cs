using System.ComponentModel.DataAnnotations;

namespace ClinicAdmin.Web.Platform.Jobs;

/// <summary>The "Jobs" section: the background-job engine (Quartz, persistent store in the app's database).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run jobs in this instance. Off for an instance that should only serve pages.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Attempts per run before it shows as failed (1–20).</summary>
    [Range(1, 20)] public int MaxAttempts { get; set; } = 3;
    /// <summary>Wait before the first retry; doubles each attempt (1–3600 s).</summary>
    [Range(1, 3600)] public int RetryBackoffSeconds { get; set; } = 15;
    /// <summary>Jobs running at once in this instance (1–16).</summary>
    [Range(1, 16)] public int MaxConcurrency { get; set; } = 2;
}
