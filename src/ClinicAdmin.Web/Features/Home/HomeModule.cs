using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Home;

public static class HomeModule
{
    /// <summary>Home page and the error page.</summary>
    public static IServiceCollection AddClinicHome(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Today, 0, "Home", "/Home/Index", Policies.AnyStaff, "house");
        return services;
    }
}
