using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Settings;

public static class SettingsModule
{
    /// <summary>Clinic settings (group name, billing address, tax id, time zone).</summary>
    public static IServiceCollection AddClinicSettings(this IServiceCollection services)
    {
        services.AddScoped<ClinicLogos>();
        services.AddClinicNav(NavGroup.Clinic, 90, "Clinic settings", "/Settings/Index", Policies.ManageAdmin, "gear");
        return services;
    }
}
