using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Locations;

public static class LocationsModule
{
    /// <summary>Clinic locations (service facilities).</summary>
    public static IServiceCollection AddClinicLocations(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Clinic, 80, "Locations", "/Locations/Index", Policies.AnyStaff, "geo-alt");
        return services;
    }
}
