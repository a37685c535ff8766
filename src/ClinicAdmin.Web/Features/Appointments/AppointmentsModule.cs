using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Appointments;

public static class AppointmentsModule
{
    /// <summary>The schedule: day view, booking, appointment states, and today's appointments on the home page.</summary>
    public static IServiceCollection AddClinicAppointments(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Today, 5, "Schedule", "/Appointments/Day", Policies.ManagePatients, "calendar3");
        services.AddClinicWorkQueue<TodaysAppointmentsQueue>();
        return services;
    }
}
