using System.Data.Common;
using System.Text.RegularExpressions;
using ClinicAdmin.Browser.Tests.Infrastructure;
using ClinicAdmin.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Operations;

/// <summary>
/// Real crashes: the app process is killed with SIGKILL in the middle of a run. The run must not stay "Running":
/// a restarted instance (SQLite) or a surviving instance of the cluster (PostgreSQL) completes it, exactly once.
/// </summary>
[Trait("Category", "Process")]
public sealed class JobRecoveryTests
{
    private static Dictionary<string, string> Env(string provider, string connectionString, string dataDir) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = provider, ["App__PublicBaseUrl"] = "https://clinic.example",
        ["Database__ConnectionString"] = connectionString, ["Database__DataDirectory"] = dataDir, ["Demo__Enabled"] = "false",
    };

    [Fact]
    public async Task A_run_interrupted_by_kill_9_is_completed_once_after_a_restart_on_sqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "clinicadmin-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var cs = $"Data Source={Path.Combine(dir, "clinic.db")};Default Timeout=30";
        try
        {
            await CrashAndRecoverAsync(Env("Sqlite", cs, dir), () => new SqliteConnection(cs + ";Pooling=False"), secondInstanceBeforeKill: false);
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }

    [Fact]
    public async Task A_run_on_a_killed_instance_is_completed_once_by_another_instance_on_postgresql()
    {
        var cs = await TestDatabases.NewPostgresAsync("crash");
        var dir = Path.Combine(Path.GetTempPath(), "clinicadmin-crash", Guid.NewGuid().ToString("N"));
        try
        {
            await CrashAndRecoverAsync(Env("PostgreSql", cs, dir), () => new NpgsqlConnection(cs), secondInstanceBeforeKill: true);
        }
        finally { await TestDatabases.DropAsync(ClinicAdmin.Data.DatabaseProvider.PostgreSql, cs); }
    }

    private static async Task CrashAndRecoverAsync(Dictionary<string, string> env, Func<DbConnection> connect, bool secondInstanceBeforeKill)
    {
        var urlA = $"http://127.0.0.1:{AppProcess.FreePort()}";
        var urlB = $"http://127.0.0.1:{AppProcess.FreePort()}";
        await using var a = AppProcess.Start(["--urls", urlA], env);
        await a.WaitForHealthAsync(urlA, TimeSpan.FromSeconds(120));

        int runId;
        await using (var cli = AppProcess.Start(["jobs", "check", "--steps", secondInstanceBeforeKill ? "160" : "60", "--delay-ms", "250"], env))
        {
            (await cli.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(0, cli.Output);
            runId = int.Parse(Regex.Match(cli.Output, @"as run (\d+)").Groups[1].Value);
        }
        await WaitAsync(connect, runId, (status, done, _) => status == "Running" && done >= 3, TimeSpan.FromSeconds(60), a.Output);

        AppProcess? b = null;
        if (secondInstanceBeforeKill)
        {
            b = AppProcess.Start(["--urls", urlB], env);
            await b.WaitForHealthAsync(urlB, TimeSpan.FromSeconds(120));
        }
        await a.KillAsync(); // SIGKILL: no shutdown code runs
        (await ReadAsync(connect, runId)).Status.ShouldBe("Running"); // what a crash leaves behind

        b ??= AppProcess.Start(["--urls", urlB], env);
        try
        {
            var (status, _, attempts) = await WaitAsync(connect, runId, (s, _, _) => s is "Succeeded" or "Failed", TimeSpan.FromSeconds(150), b.Output);
            status.ShouldBe("Succeeded");
            attempts.ShouldBe(2);
            await using var conn = connect();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM \"JobRuns\"";
            Convert.ToInt32(await cmd.ExecuteScalarAsync()).ShouldBe(1);
        }
        finally { await b.DisposeAsync(); }
    }

    private static async Task<(string Status, int Done, int Attempts)> ReadAsync(Func<DbConnection> connect, int runId)
    {
        await using var conn = connect();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT \"Status\", \"ProgressDone\", \"Attempts\" FROM \"JobRuns\" WHERE \"Id\" = {runId}";
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetString(0), r.GetInt32(1), r.GetInt32(2));
    }

    private static async Task<(string Status, int Done, int Attempts)> WaitAsync(Func<DbConnection> connect, int runId, Func<string, int, int, bool> until, TimeSpan timeout, string appOutput)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var row = await ReadAsync(connect, runId);
            if (until(row.Status, row.Done, row.Attempts)) return row;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Run {runId}: {row} after {timeout.TotalSeconds} s\n{appOutput}");
            await Task.Delay(250);
        }
    }
}
