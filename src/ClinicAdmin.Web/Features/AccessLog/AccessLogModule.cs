using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace ClinicAdmin.Web.Features.AccessLog;

public static class AccessLogModule
{
    /// <summary>
    /// The access log (issue 13, HIPAA §164.312(b)): every answer of a page that shows patient data (<see cref="IPatientDataPage"/>)
    /// writes one append-only row, from one page filter; the per-patient "Accesses to this patient" report reads them.
    /// </summary>
    public static IServiceCollection AddClinicAccessLog(this IServiceCollection services)
    {
        services.AddScoped<AccessLogFilter>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<AccessLogFilter>());
        services.AddClinicNav(NavGroup.Oversight, 115, "Access log", "/AccessLog/Index", Policies.ReadAudit, "eye");
        return services;
    }
}
