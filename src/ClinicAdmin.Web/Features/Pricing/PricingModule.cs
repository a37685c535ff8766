using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Pricing;

public static class PricingModule
{
    /// <summary>The service catalog and its append-only price history.</summary>
    public static IServiceCollection AddClinicPricing(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Clinic, 70, "Services & prices", "/Pricing/Index", Policies.AnyStaff, "tags");
        services.AddClinicWorkQueue<ScheduledPricesQueue>();
        return services;
    }
}
