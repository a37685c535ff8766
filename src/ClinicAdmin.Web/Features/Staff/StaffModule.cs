using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Staff;

public static class StaffModule
{
    /// <summary>The staff roster, licences, weekly availability and deactivation.</summary>
    public static IServiceCollection AddClinicStaff(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Clinic, 60, "Staff", "/Staff/Index", Policies.AnyStaff, "people");
        services.AddClinicWorkQueue<LicencesExpiringQueue>();
        return services;
    }
}
