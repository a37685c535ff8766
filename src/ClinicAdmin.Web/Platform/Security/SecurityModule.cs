using ClinicAdmin.Data;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicAdmin.Web.Platform.Security;

public static class SecurityModule
{
    /// <summary>
    /// Data-protection keys in the database (cookies survive restarts and work across instances), encrypted at rest with
    /// a certificate that is not in the database (<see cref="KeyEncryption"/>); anti-forgery, HSTS.
    /// </summary>
    public static IServiceCollection AddClinicSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        // The table is the one the former own key store wrote (same rows), so cookies issued before the switch still sign in.
        // After a certificate rotation the old ones still open the keys they encrypted (until those expire).
        services.AddDataProtection().SetApplicationName("ClinicAdmin").PersistKeysToDbContext<ClinicDbContext>()
            .ProtectKeysWithCertificate(KeyEncryption.Load(configuration, env))
            .UnprotectKeysWithAnyCertificate(KeyEncryption.LoadPrevious(configuration));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ClinicAdmin.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        return services;
    }

    /// <summary>Headers on every response. The CSP allows no inline script: all JS is in wwwroot/js.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                                      "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Pages carry patient data: never cache them in a shared browser (an endpoint that serves none may say otherwise).
            if (!context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js")
                && !SecurityHeaders.CachingAllowed(context))
                h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next();
    });
}

/// <summary>An endpoint that serves no patient data (the clinic's logo) keeps its own Cache-Control instead of no-store.</summary>
public static class SecurityHeaders
{
    private static readonly object Key = new();

    public static void AllowCaching(HttpContext context) => context.Items[Key] = true;

    public static bool CachingAllowed(HttpContext context) => context.Items.ContainsKey(Key);
}
