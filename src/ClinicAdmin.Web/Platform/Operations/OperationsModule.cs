using ClinicAdmin.Data;
using ClinicAdmin.Data.Backup;
using ClinicAdmin.Web.Platform.Commands;
using Microsoft.AspNetCore.Diagnostics;

namespace ClinicAdmin.Web.Platform.Operations;

public static class OperationsModule
{
    /// <summary>The 503 page for database faults (both providers, every environment) and the backup/restore service.</summary>
    public static IServiceCollection AddClinicOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddExceptionHandler<DatabaseFaultPage>();
        services.AddSingleton<IDeveloperPageExceptionFilter, DatabaseFaultPage>();
        services.AddScoped<DatabaseBackup>();
        // Checked by the backup verbs when they run (BackupKeys.From), not at every start: the web app never needs it.
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section));
        services.AddClinicVerb("backup", "--out FILE | verify --from FILE: a consistent backup with its manifest, or check one", BackupCommand.BackupAsync);
        services.AddClinicVerb("restore", "--from FILE [--force]: restore a backup (stop the app first)", BackupCommand.RestoreAsync);
        services.AddClinicVerb("samples", "[--out DIR]: regenerate reports/samples/ from demo data", SamplesCommand.RunAsync);
        return services;
    }
}
