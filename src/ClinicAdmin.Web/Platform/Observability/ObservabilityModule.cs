using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Platform.Jobs;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ClinicAdmin.Web.Platform.Observability;

/// <summary>
/// Logs, metrics and traces: JSON console logs with one event per request (<see cref="RequestLog"/>); OpenTelemetry
/// metrics for ASP.NET Core, EF Core, Npgsql and the job engine, scraped at /metrics when enabled and sent to an OTLP
/// collector when one is configured; traces only to that collector. Nothing here carries patient data: requests are
/// named by route template, jobs by kind, SQL by its parameterised text.
/// </summary>
public static class ObservabilityModule
{
    public const string ServiceName = "ClinicAdmin";
    public const string MetricsPath = "/metrics";

    // Per-request info lines of ASP.NET itself: the request event replaces them (one event per request), and some of
    // them carry the raw path and query string.
    private static readonly string[] Quieted =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Mvc",
        "Microsoft.AspNetCore.StaticFiles", "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Authentication",
    ];

    public static IServiceCollection AddClinicObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LogFormatOptions>().Bind(configuration.GetSection(LogFormatOptions.Section)).ValidateOnStart();
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section))
            .Validate(m => m.AllowedNetworks.All(MetricsAccess.IsNetwork),
                "the setting Observability:Metrics:AllowedNetworks must list IP addresses or networks in CIDR form (e.g. 10.0.1.5, 10.0.1.0/24).")
            .Validate(m => m.RequiredRole.Length == 0 || Roles.All.Contains(m.RequiredRole),
                $"the setting Observability:Metrics:RequiredRole must be empty or one of {string.Join(", ", Roles.All)}.")
            .ValidateOnStart();
        services.AddOptions<OtlpOptions>().Bind(configuration.GetSection(OtlpOptions.Section))
            .Validate(o => o.Endpoint.Length == 0 || o.EndpointUri is not null,
                "the setting Observability:Otlp:Endpoint must be empty or an absolute http:// or https:// address of the OpenTelemetry collector (e.g. http://collector:4317).")
            .ValidateOnStart();
        services.AddSingleton(sp => new MetricsAccess(sp.GetRequiredService<IOptions<MetricsOptions>>().Value));

        services.AddLogging(logging =>
        {
            logging.AddJsonConsole(o =>
            {
                // No scopes: ASP.NET's request scope holds the raw path (a patient link's token, a search's name).
                o.IncludeScopes = false;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
            foreach (var category in Quieted) logging.AddFilter(category, LogLevel.Warning);
        });
        // AddJsonConsole chose "json"; Logging:Format (Auto: by environment) has the last word.
        services.AddOptions<ConsoleLoggerOptions>().Configure<IOptions<LogFormatOptions>, IHostEnvironment>((console, format, env) =>
            console.FormatterName = format.Value.Format switch
            {
                LogFormat.Json => ConsoleFormatterNames.Json,
                LogFormat.Simple => ConsoleFormatterNames.Simple,
                _ => env.IsDevelopment() ? ConsoleFormatterNames.Simple : ConsoleFormatterNames.Json,
            });

        // Exporters are chosen now, from the settings as given; ValidateOnStart above stops a wrong one with its line.
        var metricsEnabled = configuration.GetSection(MetricsOptions.Section).GetValue<bool?>(nameof(MetricsOptions.Enabled)) ?? false;
        var otlp = new OtlpOptions { Endpoint = configuration[$"{OtlpOptions.Section}:{nameof(OtlpOptions.Endpoint)}"] ?? "" }.EndpointUri;
        if (!metricsEnabled && otlp is null) return services; // nobody reads them: no listeners, no cost

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        telemetry.WithMetrics(m =>
        {
            m.AddAspNetCoreInstrumentation()                // http.server.request.duration by route template and status
             .AddMeter("Microsoft.EntityFrameworkCore")     // EF Core's own meter: queries, saves, optimistic-concurrency failures
             .AddNpgsqlInstrumentation()                    // PostgreSQL commands and connection pool
             .AddMeter(JobMetrics.MeterName);
            if (metricsEnabled)
                m.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0); // few scrapers (loopback by default): always fresh
            if (otlp is not null)
                m.AddOtlpExporter(o => o.Endpoint = otlp);
        });
        if (otlp is not null)
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Spans are named by route template; the raw path and query string stay out of them.
                    o.EnrichWithHttpResponse = (activity, _) => { activity.SetTag("url.path", null); activity.SetTag("url.query", null); };
                })
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => o.Endpoint = otlp));
        return services;
    }

    /// <summary>The request event; first in the pipeline so it sees the final status and the whole duration.</summary>
    public static IApplicationBuilder UseClinicRequestLog(this IApplicationBuilder app) => app.UseMiddleware<RequestLog>();

    /// <summary>
    /// /metrics when Observability:Metrics:Enabled, answered only to whom <see cref="MetricsAccess"/> allows; anyone else
    /// gets the app's ordinary 404. After authentication, so a role can be checked.
    /// </summary>
    public static WebApplication UseClinicMetrics(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled) return app;
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().WithMetadata(new ScrapeEndpoint());
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ScrapeEndpoint>() is not null
                && !context.RequestServices.GetRequiredService<MetricsAccess>().Allows(context.Connection.RemoteIpAddress, context.User))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        });
        return app;
    }

    private sealed class ScrapeEndpoint;
}
