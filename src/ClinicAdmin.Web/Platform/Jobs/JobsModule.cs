using ClinicAdmin.Data;
using Microsoft.Extensions.Options;
using Quartz;

namespace ClinicAdmin.Web.Platform.Jobs;

public static class JobsModule
{
    /// <summary>
    /// Quartz with its persistent store in the app's own database (tables created if missing), clustered on
    /// PostgreSQL so several instances share one queue and a dead instance's work is taken over.
    /// </summary>
    public static IServiceCollection AddClinicJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var db = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();

        services.AddScoped<JobQueue>();
        services.AddSingleton<IClinicJob, EngineCheckJob>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "ClinicAdmin";
                o.GenerateInstanceId = true;
                // Look for due work every 5 s when idle, so runs queued by another instance start promptly.
                o.IdleWaitTime = TimeSpan.FromSeconds(5);
            });
            q.UseDefaultThreadPool(jobs.MaxConcurrency);
            q.UsePersistentStore(s =>
            {
                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();
                s.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                if (db.Provider == DatabaseProvider.PostgreSql)
                {
                    s.UsePostgres(db.ResolvedConnectionString);
                    s.UseClustering(c => { c.CheckinInterval = TimeSpan.FromSeconds(10); c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20); });
                }
                else s.UseSqlite(db.ResolvedConnectionString);
            });
        });
        services.AddQuartzHostedService(o =>
        {
            o.AwaitApplicationStarted = true; // the database is migrated before the scheduler starts
            o.WaitForJobsToComplete = false;  // a stopping instance hands its runs back instead of blocking shutdown
            o.AutoStart = jobs.Enabled;
        });
        return services;
    }
}
