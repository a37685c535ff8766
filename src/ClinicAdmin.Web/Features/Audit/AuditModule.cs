using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Audit;

public static class AuditModule
{
    /// <summary>The audit trail.</summary>
    public static IServiceCollection AddClinicAudit(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Oversight, 110, "Audit trail", "/Audit/Index", Policies.ReadAudit, "journal-text");
        return services;
    }
}
