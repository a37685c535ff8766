using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Features.Account;

public static class AccountModule
{
    /// <summary>Sign in, sign out and access denied.</summary>
    public static IServiceCollection AddClinicAccount(this IServiceCollection services)
    {
        // Pages only: nothing to register.
        return services;
    }
}
