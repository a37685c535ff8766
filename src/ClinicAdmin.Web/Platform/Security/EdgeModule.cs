using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicAdmin.Web.Platform.Security;

/// <summary>The "App" section: how the outside world reaches this app.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address patients and staff use, e.g. https://clinic.example.com. Every link the app e-mails is built from
    /// it, never from the request (which behind a proxy says http and an internal host). Required in Production.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public Uri? PublicBase => Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var u) ? u : null;
}

/// <summary>The "Proxy" section: which reverse proxies (TLS-terminating load balancers) may set X-Forwarded-For/-Proto.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Proxy IP addresses. Empty with empty networks: only loopback (a proxy on the same machine).</summary>
    public string[] KnownProxies { get; set; } = [];
    /// <summary>Proxy networks in CIDR form, e.g. 10.0.1.0/24.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>The "RateLimits" section: per-client-address limits on the pages an attacker can reach without signing in.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in form posts per client address per minute.</summary>
    [Range(1, 100_000)] public int SignInPermitsPerMinute { get; set; } = 10;
    /// <summary>Requests to the patient link (open and date-of-birth tries) per client address per minute.</summary>
    [Range(1, 100_000)] public int PatientLinkPermitsPerMinute { get; set; } = 30;
}

/// <summary>
/// The app's edge (issue 13, findings 5 and 8): honours X-Forwarded-For/-Proto from configured proxies only, so behind
/// a TLS-terminating load balancer it sees https and the client's address; Secure cookies outside Development; HSTS
/// and HTTPS redirection to the public address; per-address rate limits answering 429 with Retry-After.
/// </summary>
public static class EdgeModule
{
    public static IServiceCollection AddClinicEdge(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppOptions>>(new AppOptionsValidator(env));
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section))
            .Validate(p => p.KnownProxies.All(a => IPAddress.TryParse(a, out _)), "Proxy:KnownProxies must list IP addresses (e.g. 10.0.1.5).")
            .Validate(p => p.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Proxy:KnownNetworks must list networks in CIDR form (e.g. 10.0.1.0/24).")
            .ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, p) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            if (p.Value.KnownProxies.Length + p.Value.KnownNetworks.Length == 0) return; // the defaults: loopback only
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var a in p.Value.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(a));
            foreach (var n in p.Value.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
        services.Configure<CookiePolicyOptions>(o =>
            o.Secure = env.IsDevelopment() ? Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest : Microsoft.AspNetCore.Http.CookieSecurePolicy.Always);
        services.AddOptions<Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionOptions>().Configure<IOptions<AppOptions>>((o, a) =>
        {
            if (a.Value.PublicBase is { Scheme: "https" } u) o.HttpsPort = u.Port;
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "none";
                // Every form that checks a password or a code shares the sign-in limit.
                if (HttpMethods.IsPost(context.Request.Method) && SignInForms.Any(f => context.Request.Path.StartsWithSegments(f)))
                    return PerMinute("sign-in " + client, limits.SignInPermitsPerMinute);
                if (context.Request.Path.StartsWithSegments("/PatientLink"))
                    return PerMinute("patient-link " + client, limits.PatientLinkPermitsPerMinute);
                return RateLimitPartition.GetNoLimiter("");
            });
        });
        return services;
    }

    private static readonly string[] SignInForms = ["/Account/Login", "/Account/LoginCode", "/Account/Reauthenticate"];

    private static RateLimitPartition<string> PerMinute(string key, int permits) => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
        new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>First in the pipeline: the client's address and scheme as the trusted proxy saw them, then cookie rules.</summary>
    public static WebApplication UseClinicEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>Outside Development: HSTS, and plain http sent to https (not the health probes a load balancer sends over http).</summary>
    public static WebApplication UseClinicHttps(this WebApplication app)
    {
        app.UseHsts();
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), b => b.UseHttpsRedirection());
        return app;
    }

    /// <summary>An absolute address for a link the app sends out: from App:PublicBaseUrl, or (outside Production, unset) the request.</summary>
    public static string PublicUrl(this HttpRequest request, string pathAndQuery)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IOptions<AppOptions>>().Value.PublicBase;
        var root = configured is not null ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }

    private sealed class AppOptionsValidator(IHostEnvironment env) : IValidateOptions<AppOptions>
    {
        public ValidateOptionsResult Validate(string? name, AppOptions o)
        {
            if (string.IsNullOrWhiteSpace(o.PublicBaseUrl))
                return env.IsProduction()
                    ? ValidateOptionsResult.Fail("App:PublicBaseUrl is required in Production: set it to the https address patients and staff use (e-mailed links are built from it).")
                    : ValidateOptionsResult.Success;
            if (o.PublicBase is not { Scheme: "https" or "http" } u || !string.IsNullOrEmpty(u.Query) || !string.IsNullOrEmpty(u.Fragment))
                return ValidateOptionsResult.Fail($"App:PublicBaseUrl '{o.PublicBaseUrl}' is not an absolute http(s) address without query, e.g. https://clinic.example.com.");
            if (env.IsProduction() && u.Scheme != "https")
                return ValidateOptionsResult.Fail("App:PublicBaseUrl must be an https address in Production.");
            return ValidateOptionsResult.Success;
        }
    }
}
