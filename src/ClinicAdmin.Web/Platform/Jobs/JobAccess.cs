using System.Security.Claims;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Jobs;

namespace ClinicAdmin.Web.Platform.Jobs;

/// <summary>
/// Who sees which runs, in one place for the Jobs page, its progress fragment and the pages that queue a job:
/// practice managers and medical directors see every run, everyone else only the runs they asked for.
/// </summary>
public static class JobAccess
{
    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.PracticeManager) || user.IsInRole(Roles.MedicalDirector);

    public static IQueryable<JobRun> VisibleTo(this IQueryable<JobRun> runs, ClaimsPrincipal user)
    {
        if (SeesAll(user)) return runs;
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return runs.Where(r => r.RequestedByUserId == me);
    }
}
