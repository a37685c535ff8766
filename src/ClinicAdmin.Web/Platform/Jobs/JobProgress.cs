using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Platform.Jobs;

/// <summary>
/// One run's state as the progress box shows it (Jobs/Status fragment and the pages that queue a job).
/// <see cref="RefreshUrl"/> is the hosting page's own address, for browsers without JavaScript; the polled fragment has none.
/// </summary>
public sealed record JobProgress(int Id, string Title, JobStatus Status, int Done, int Total, string? Text, string? Error,
                                 int? DocumentId, string? RefreshUrl = null)
{
    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>The run if this person may see it (<see cref="JobAccess"/>), else null: unknown and someone else's look the same.</summary>
    public static Task<JobProgress?> LoadAsync(ClinicDbContext db, ClaimsPrincipal user, int id, string? refreshUrl, CancellationToken ct) =>
        db.JobRuns.AsNoTracking().VisibleTo(user).Where(r => r.Id == id)
            .Select(r => new JobProgress(r.Id, r.Title, r.Status, r.ProgressDone, r.ProgressTotal, r.ProgressText, r.Error, r.DocumentId, refreshUrl))
            .SingleOrDefaultAsync(ct);
}
