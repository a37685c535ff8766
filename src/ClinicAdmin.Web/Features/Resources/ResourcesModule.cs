using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Resources;

public static class ResourcesModule
{
    /// <summary>A location's infusion chairs, Spravato rooms and consult rooms (what appointments hold).</summary>
    public static IServiceCollection AddClinicResources(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Clinic, 85, "Chairs & rooms", "/Resources/Index", Policies.AnyStaff, "grid-3x3-gap");
        return services;
    }
}
