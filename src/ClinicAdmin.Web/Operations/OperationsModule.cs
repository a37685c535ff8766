using Microsoft.AspNetCore.Diagnostics;

namespace ClinicAdmin.Web.Operations;

public static class OperationsModule
{
    /// <summary>The 503 page for database faults (both providers, every environment) and the backup/restore service.</summary>
    public static IServiceCollection AddClinicOperations(this IServiceCollection services)
    {
        services.AddExceptionHandler<DatabaseFaultPage>();
        services.AddSingleton<IDeveloperPageExceptionFilter, DatabaseFaultPage>();
        services.AddScoped<DatabaseBackup>();
        return services;
    }
}
