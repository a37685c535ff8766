using ClinicAdmin.Data.Auditing;
using ClinicAdmin.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClinicAdmin.Data;

public static class DataModule
{
    public const string SqliteMigrations = "ClinicAdmin.Migrations.Sqlite";
    public const string PostgreSqlMigrations = "ClinicAdmin.Migrations.PostgreSql";
    public const string SqlServerMigrations = "ClinicAdmin.Migrations.SqlServer";

    /// <summary>The DbContext on the configured provider, with the audit interceptor.</summary>
    public static IServiceCollection AddClinicData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, SystemUser>();
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<ClinicDbContext>((sp, o) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            Configure(o, db.Provider, db.ResolvedConnectionString);
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<Scheduling.AppointmentBook>();
        return services;
    }

    /// <summary>Provider selection in one place (also used by design-time factories and tests).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder o, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => o.UseSqlite(connectionString, x => x.MigrationsAssembly(SqliteMigrations)),
            DatabaseProvider.PostgreSql => o.UseNpgsql(connectionString, x => x.MigrationsAssembly(PostgreSqlMigrations)),
            DatabaseProvider.SqlServer => o.UseSqlServer(connectionString, x => x.MigrationsAssembly(SqlServerMigrations)),
            _ => throw new InvalidOperationException($"Unknown Database:Provider '{provider}'."),
        };
}

/// <summary>Creates or migrates the database at start; SQLite in WAL mode so the web app and jobs can write together.</summary>
public sealed class DatabaseInitializer(ClinicDbContext db, IOptions<DatabaseOptions> options)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (o.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(o.ResolvedConnectionString).DataSource;
            path = Path.GetFullPath(path);
            EnsureWritable(path, string.IsNullOrWhiteSpace(o.ConnectionString) ? "Database:DataDirectory" : "Database:ConnectionString");
            // SQLite gives its -wal, -shm and journal files the mode of the database file: made 0600 here, all are.
            PrivateFiles.Touch(path);
            foreach (var f in new[] { path, path + "-wal", path + "-shm", path + "-journal" }) PrivateFiles.Restrict(f);
        }
        if (o.MigrateOnStartup) await db.Database.MigrateAsync(ct);
        if (o.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// SQLite needs to write the file and create its -wal/-shm files beside it. Checked before migrating so a read-only
    /// folder or file stops the app with one line naming the path and the setting, not a SQLite error mid-migration.
    /// </summary>
    private static void EnsureWritable(string file, string setting)
    {
        var dir = Path.GetDirectoryName(file)!;
        try
        {
            PrivateFiles.CreateFolder(dir); // 0700: the folder lists the database and its WAL
            var probe = Path.Combine(dir, $".write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartException($"the data folder {dir} cannot be written ({Reason(e)}); make it writable for this user or point {setting} at a writable folder.", e);
        }
        if (!File.Exists(file)) return;
        try { using var _ = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartException($"the database file {file} cannot be written ({Reason(e)}); make it writable for this user or point {setting} at a writable folder.", e);
        }
    }

    private static string Reason(Exception e) => e is UnauthorizedAccessException ? "permission denied or read-only" : e.Message.TrimEnd('.');
}
