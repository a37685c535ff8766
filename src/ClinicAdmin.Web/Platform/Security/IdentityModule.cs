using ClinicAdmin.Data;
using ClinicAdmin.Data.Auditing;
using ClinicAdmin.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ClinicAdmin.Web.Platform.Security;

public static class IdentityModule
{
    /// <summary>ASP.NET Core Identity with cookie sign-in, lockout and the four roles.</summary>
    public static IServiceCollection AddClinicIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentity<ApplicationUser, IdentityRole>()
            .AddEntityFrameworkStores<ClinicDbContext>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider under its own name: the same codes, each accepted once.
            .AddTokenProvider<OneUseAuthenticatorTokens>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<ClinicClaimsFactory>();

        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((o, s) =>
        {
            o.Lockout.MaxFailedAccessAttempts = s.Value.MaxFailedAccessAttempts;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(s.Value.LockoutMinutes);
            o.Lockout.AllowedForNewUsers = true;
            o.Password.RequiredLength = s.Value.MinimumPasswordLength;
            o.User.RequireUniqueEmail = true;
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>>((o, s) =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(s.Value.SessionIdleMinutes);
                o.SlidingExpiration = true;
                o.Cookie.Name = "ClinicAdmin.Auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                SignInRules.Configure(o, s.Value);
            });
        // Two-step sign-in required per role (Security:TwoFactorRequiredRoles), on every page.
        services.AddSingleton<TwoFactorGate>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.AddService<TwoFactorGate>());

        // Re-check the security stamp on every request, so disabling an account or changing its role ends that
        // person's open sessions at once (the default, 30 minutes, never fires under a 30-minute sliding cookie).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        // ...with one read of the stamp rather than Identity's full principal rebuild (see SessionStampValidator).
        services.AddScoped<ISecurityStampValidator, SessionStampValidator>();

        services.AddAuthorization(Policies.Add);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        return services;
    }
}

/// <summary>The signed-in user, for the audit trail; "system" outside a request.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    public string? UserId => http.HttpContext?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
    public string UserName => http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "system";
}
