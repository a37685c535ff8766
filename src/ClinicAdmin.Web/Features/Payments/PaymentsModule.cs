using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Features.Payments;

public static class PaymentsModule
{
    /// <summary>Payments received from a patient.</summary>
    public static IServiceCollection AddClinicPayments(this IServiceCollection services)
    {
        // Pages only: nothing to register.
        services.AddClinicWorkQueue<BalancesDueQueue>();
        return services;
    }
}
