using ClinicAdmin.Data;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace ClinicAdmin.Testing;

/// <summary>
/// Real databases for tests: a SQLite file in a temp folder, a fresh database on the PostgreSQL server
/// that tests/run.sh starts (CLINICADMIN_TEST_PG), or a fresh database on the SQL Server named by
/// CLINICADMIN_TEST_MSSQL. Never EF's in-memory provider.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "CLINICADMIN_TEST_PG";
    public const string SqlServerVariable = "CLINICADMIN_TEST_MSSQL";

    /// <summary>The SQL Server to test against, or null: no engine can be installed on these machines, so it is given from outside.</summary>
    public static string? SqlServerConnectionString =>
        Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Why the SQL Server tests are reported skipped (never passed) when no server is given; null when one is.</summary>
    public static string? SqlServerSkipReason => SqlServerConnectionString is null
        ? $"SQL Server: not run (no server given); set {SqlServerVariable} to a connection string with rights to create databases."
        : null;

    public static string NewSqlite(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "clinicadmin-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "test.db")};Default Timeout=30;Pooling=False";
    }

    /// <summary>The server connection string, or a clear failure: PostgreSQL tests must run, not skip.</summary>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"PostgreSQL tests need a server: run tests/run.sh (it starts a private cluster) or set {PostgresVariable} to a connection string with rights to create databases.");

    public static async Task<string> NewPostgresAsync(string name)
    {
        var server = ServerConnectionString();
        var db = $"ca_{name.ToLowerInvariant()}_{Guid.NewGuid():N}";
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"CREATE DATABASE \"{db}\"", conn)) await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = db }.ConnectionString;
    }

    public static async Task<string> NewSqlServerAsync(string name)
    {
        var server = SqlServerConnectionString ?? throw new InvalidOperationException(SqlServerSkipReason);
        var db = $"ca_{name.ToLowerInvariant()}_{Guid.NewGuid():N}";
        await using var conn = new SqlConnection(server);
        await conn.OpenAsync();
        // Read committed snapshot, as the README advises for production: readers do not block writers, and Quartz's
        // lock-free firing rounds need it to avoid deadlocks between nodes.
        await using (var cmd = new SqlCommand($"CREATE DATABASE [{db}]; ALTER DATABASE [{db}] SET READ_COMMITTED_SNAPSHOT ON;", conn))
            await cmd.ExecuteNonQueryAsync();
        return new SqlConnectionStringBuilder(server) { InitialCatalog = db }.ConnectionString;
    }

    public static async Task DropAsync(DatabaseProvider provider, string connectionString)
    {
        if (string.IsNullOrEmpty(connectionString)) return;
        if (provider == DatabaseProvider.SqlServer)
        {
            SqlConnection.ClearAllPools();
            var sb = new SqlConnectionStringBuilder(connectionString);
            var name = sb.InitialCatalog;
            sb.InitialCatalog = "master";
            await using var c = new SqlConnection(sb.ConnectionString);
            await c.OpenAsync();
            await using var drop = new SqlCommand($"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END", c);
            await drop.ExecuteNonQueryAsync();
            return;
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            try { Directory.Delete(Path.GetDirectoryName(file)!, recursive: true); } catch (IOException) { }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var db = b.Database;
        b.Database = "postgres";
        await using var conn = new NpgsqlConnection(b.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
