using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Commands;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Users;

public static class UsersModule
{
    /// <summary>Sign-in accounts and roles, and the `users` verb.</summary>
    public static IServiceCollection AddClinicUsers(this IServiceCollection services)
    {
        services.AddClinicNav(NavGroup.Clinic, 100, "Users", "/Users/Index", Policies.ManageAdmin, "person-lock");
        services.AddClinicVerb("users", "create|list: manage sign-in accounts (the first production account)", UsersCommand.RunAsync);
        services.AddClinicWorkQueue<LockedAccountsQueue>();
        return services;
    }
}
