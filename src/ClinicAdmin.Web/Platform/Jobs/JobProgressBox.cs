namespace ClinicAdmin.Web.Platform.Jobs;

/// <summary>Where the progress partials live, for every page that renders them (shared kit: any slice may queue a job).</summary>
public static class JobProgressBox
{
    /// <summary>The run's state, progress, error and result link (what the box shows and the poll returns).</summary>
    public const string Fragment = "~/PageKit/_JobProgress.cshtml";
    /// <summary>The aria-live box around the fragment, with the address jobprogress.js polls.</summary>
    public const string Box = "~/PageKit/_JobProgressBox.cshtml";
}
