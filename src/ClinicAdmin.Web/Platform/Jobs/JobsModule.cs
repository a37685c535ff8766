using ClinicAdmin.Data;
using Microsoft.Extensions.Options;
using Quartz;

namespace ClinicAdmin.Web.Platform.Jobs;

public static class JobsModule
{
    /// <summary>
    /// Quartz with its persistent store in the app's own database (tables created if missing), clustered on
    /// PostgreSQL and SQL Server so several instances share one queue and a dead instance's work is taken over.
    /// </summary>
    public static IServiceCollection AddClinicJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var db = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();

        services.AddScoped<JobQueue>();
        services.AddSingleton<JobMetrics>();
        services.AddSingleton<IClinicJob, EngineCheckJob>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "ClinicAdmin";
                o.GenerateInstanceId = true;
                // Look for due work every 5 s when idle, so runs queued by another instance start promptly.
                o.IdleWaitTime = TimeSpan.FromSeconds(5);
                // A stopping scheduler cancels its running jobs: they leave the run "Running" for recovery (ClinicJobExecutor)
                // instead of writing on past the shutdown, and a drain (restart, test reset) ends promptly.
                o.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            q.UseDefaultThreadPool(jobs.MaxConcurrency);
            q.UsePersistentStore(s =>
            {
                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();
                s.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                switch (db.Provider)
                {
                    case DatabaseProvider.PostgreSql:
                        s.UsePostgres(db.ResolvedConnectionString);
                        s.UseClustering(Cluster);
                        break;
                    case DatabaseProvider.SqlServer:
                        // ProvisionSchema creates the QRTZ_ tables from Quartz's own create_sqlServer.sql, as on the others.
                        s.UseSqlServer(Microsoft.Data.SqlClient.SqlClientFactory.Instance, db.ResolvedConnectionString);
                        s.UseClustering(Cluster);
                        break;
                    default:
                        s.UseSqlite(db.ResolvedConnectionString);
                        break;
                }
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

    private static void Cluster(ClusteringOptions c)
    {
        c.CheckinInterval = TimeSpan.FromSeconds(10);
        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
    }
}
