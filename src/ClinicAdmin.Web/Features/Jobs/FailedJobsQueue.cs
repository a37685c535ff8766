using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Jobs;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class FailedJobsQueue(ClinicDbContext db, TimeProvider time) : IWorkQueue
{
    /// <summary>Failed jobs are listed for this long; older ones live on the Jobs page.</summary>
    public const int FailedJobDays = 14;

    public int Order => 200;
    public string Policy => Policies.AnyStaff;
    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-FailedJobDays);
        var failed = db.JobRuns.AsNoTracking().Where(j => j.Status == JobStatus.Failed && j.CreatedAt >= since);
        if (!WorkQueue.May(user, Policies.ManageAdmin))
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            failed = failed.Where(j => j.RequestedByUserId == userId);
        }
        var count = await failed.CountAsync(ct);
        var first = await failed.OrderByDescending(j => j.CreatedAt).Take(WorkQueue.Shown).Select(j => new { j.Id, j.Title, j.CreatedAt }).ToListAsync(ct);
        return new WorkQueue("jobs", "Failed jobs", "x-octagon", count,
            new WorkLink("Failed jobs", "/Jobs/Index", WorkLink.Query(("status", nameof(JobStatus.Failed)))),
            first.Select(j => new WorkLink(j.Title, "/Jobs/Index", WorkLink.Query(("status", nameof(JobStatus.Failed))), RecordText.DateTime(clock.ToLocal(j.CreatedAt)))).ToList(),
            $"No job failed in the last {FailedJobDays} days.", Urgent: count > 0);
    }
}
