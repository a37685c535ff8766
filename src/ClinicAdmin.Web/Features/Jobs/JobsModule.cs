using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Commands;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Jobs;

public static class JobsModule
{
    /// <summary>The Jobs page and the `jobs` verb (the engine itself is Platform/Jobs).</summary>
    public static IServiceCollection AddClinicJobsPage(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Oversight, 120, "Jobs", "/Jobs/Index", Policies.AnyStaff, "hourglass-split");
        services.AddClinicVerb("jobs", "check|list: queue an engine check, list the latest runs", JobsCommand.RunAsync);
        services.AddClinicWorkQueue<FailedJobsQueue>();
        return services;
    }
}
