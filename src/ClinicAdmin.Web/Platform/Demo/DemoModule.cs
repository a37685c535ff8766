using ClinicAdmin.Data;
using ClinicAdmin.Web.Platform.Commands;
using ClinicAdmin.Data.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ClinicAdmin.Web.Platform.Demo;

public static class DemoModule
{
    public static IServiceCollection AddClinicDemo(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section))
            // Demo sign-ins with a published password must never exist in production.
            .PostConfigure(o => { if (env.IsProduction()) o.Enabled = false; });
        return services;
    }

    /// <summary>Migrates, makes sure roles and settings exist, seeds the demo clinic in demo mode, prints the sign-ins.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        // Settings first, before the host starts: a wrong value then ends with one line (Operations/StartupErrors.cs)
        // instead of the host's "Hosting failed to start" log with a stack trace.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
            if (demo.Enabled) await seeder.SeedDemoAsync();
            else await seeder.EnsureBasicsAsync();
        }

        var db = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var demoOn = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var where = db.Provider == DatabaseProvider.Sqlite
                ? "SQLite " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ResolvedConnectionString).DataSource
                : db.Provider == DatabaseProvider.SqlServer ? "SQL Server" : "PostgreSQL";
            Console.WriteLine();
            Console.WriteLine($"ClinicAdmin is running ({app.Environment.EnvironmentName}, {where}).");
            foreach (var url in urls) Console.WriteLine($"  Open {url}/");
            if (demoOn)
            {
                Console.WriteLine("  Demo sign-ins (demo mode only):");
                foreach (var s in DemoSeeder.SignIns)
                    Console.WriteLine($"    {Domain.Common.Vocabulary.Role(s.Role),-22} {s.Email,-24} {s.Password}   {s.Person}");
            }
            Console.WriteLine();
        });
    }
}
