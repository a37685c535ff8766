using ClinicAdmin.Data;
using Npgsql;

namespace ClinicAdmin.Testing;

/// <summary>
/// Real databases for tests: a SQLite file in a temp folder, or a fresh database on the PostgreSQL server
/// that tests/run.sh starts (CLINICADMIN_TEST_PG). Never EF's in-memory provider.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "CLINICADMIN_TEST_PG";

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

    public static async Task DropAsync(DatabaseProvider provider, string connectionString)
    {
        if (string.IsNullOrEmpty(connectionString)) return;
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
