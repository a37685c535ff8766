using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Patients;

public static class PatientsModule
{
    /// <summary>Patients: list and search, the patient page, demographics.</summary>
    public static IServiceCollection AddClinicPatients(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Today, 10, "Patients", "/Patients/Index", Policies.ManagePatients, "person-vcard");
        return services;
    }
}
