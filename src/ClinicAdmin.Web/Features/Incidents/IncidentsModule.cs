using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Incidents;

public static class IncidentsModule
{
    /// <summary>Side-effect incidents: record, grade, sign off, addenda.</summary>
    public static IServiceCollection AddClinicIncidents(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Today, 20, "Incidents", "/Incidents/Index", Policies.ReadClinical, "exclamation-triangle");
        services.AddClinicWorkQueue<IncidentsToSignOffQueue>();
        return services;
    }
}
