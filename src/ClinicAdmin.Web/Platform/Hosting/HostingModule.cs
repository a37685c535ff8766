using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Observability;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Platform.Hosting;

/// <summary>Health checks and the request pipeline.</summary>
public static class HostingModule
{
    public static IServiceCollection AddClinicHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<ClinicAdmin.Data.ClinicDbContext>("database", customTestQuery: Operations.DatabaseHealth.CanConnectAsync);
        return services;
    }

    /// <summary>The request pipeline, in order.</summary>
    public static WebApplication UseClinicPipeline(this WebApplication app)
    {
        app.UseClinicRequestLog();
        app.UseClinicEdge();
        if (app.Environment.IsDevelopment())
            app.UseDeveloperExceptionPage();
        else
        {
            app.UseExceptionHandler("/Error");
            app.UseClinicHttps();
        }
        // Before the status-code pages: a 429 keeps its Retry-After and costs no page rendering.
        app.UseRateLimiter();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseClinicDateStyle();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseClinicMetrics();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            // Status only: a probe needs no details of the database.
            ResponseWriter = (ctx, report) =>
            {
                ctx.Response.ContentType = "application/json";
                return ctx.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), database = report.Entries.TryGetValue("database", out var db) ? db.Status.ToString() : "Unknown" });
            },
        }).AllowAnonymous();
        // Liveness: the process answers, no check runs (load balancers; and the ceiling in tests/perf/load.sh).
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
