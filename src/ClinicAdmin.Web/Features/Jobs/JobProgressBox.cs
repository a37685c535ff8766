namespace ClinicAdmin.Web.Features.Jobs;

/// <summary>Where the progress partials live, for the pages outside Features/Jobs that render them.</summary>
public static class JobProgressBox
{
    /// <summary>The run's state, progress, error and result link (what the box shows and the poll returns).</summary>
    public const string Fragment = "~/Features/Jobs/_JobProgress.cshtml";
    /// <summary>The aria-live box around the fragment, with the address jobprogress.js polls.</summary>
    public const string Box = "~/Features/Jobs/_JobProgressBox.cshtml";
}
