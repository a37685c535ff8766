using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Commands;
using ClinicAdmin.Web.Platform.Jobs;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Outcomes;

/// <summary>Outcome figures, the dashboard, the monthly workbook (job, schedule, downloads) and its verb.</summary>
public static class OutcomesModule
{
    public static IServiceCollection AddClinicOutcomes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OutcomeFigures>();
        services.AddScoped<IHomeFigures, MonthAtAGlance>();
        services.AddMemoryCache();
        services.AddScoped<DashboardFigures>();
        services.AddScoped<OutcomeWorkbookRequests>();
        services.AddSingleton<IClinicJob, OutcomeWorkbookJob>();
        services.AddTransient<OutcomeWorkbookSchedule.Fire>();
        services.AddHostedService<OutcomeWorkbookSchedule.Registration>();
        services.AddSingleton<ISampleWriter, OutcomeWorkbookSample>();
        services.AddClinicNav(NavGroup.Quality, 40, "Outcomes", "/Outcomes/Dashboard", Policies.MedicalDirector, "graph-up");
        services.AddClinicNav(NavGroup.Quality, 50, "Reports", "/Outcomes/Index", Policies.MedicalDirector, "file-earmark-spreadsheet");
        services.AddClinicVerb("workbook", "--month yyyy-MM [--out FILE]: write a month's outcome workbook to a file, with timings", WorkbookCommand.RunAsync);
        return services;
    }
}
