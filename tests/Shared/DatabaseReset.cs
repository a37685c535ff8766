#pragma warning disable EF1002 // trigger and table names come from the database's own catalog, not from input
using System.Data.Common;
using ClinicAdmin.Data;
using Microsoft.EntityFrameworkCore;
using Respawn;
using Respawn.Graph;

namespace ClinicAdmin.Testing;

/// <summary>
/// Empties a test database between tests with Respawn: TRUNCATE ... CASCADE on PostgreSQL, DELETE in foreign-key order
/// on SQLite and SQL Server, identities restarted on all three (tests count on run 1 being run 1 again). Every table is
/// emptied except EF's migrations history, the tables named in <c>keep</c>, and Quartz's job store (QRTZ_/qrtz_): its
/// lock rows and scheduler state must survive, and its jobs are cleared by the scheduler itself, which the caller
/// quiesces first (ClinicApp.ResetAsync). One instance per database: the Respawner reads the schema on the first reset
/// and is reused after, so a table made later (by a test) is never touched.
/// </summary>
public sealed class DatabaseReset(params string[] keep)
{
    private const string MigrationsHistory = "__EFMigrationsHistory";
    private Respawner? _respawner; // tests of one collection run one at a time, so no lock

    public async Task ResetAsync(ClinicDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            _respawner ??= await CreateAsync(db, connection);
            // The access log's append-only triggers refuse DELETE. PostgreSQL's TRUNCATE fires no row trigger; SQL Server
            // disables them for the reset; SQLite cannot disable one, so they are dropped and created again as they were.
            var restore = await SuspendTriggersAsync(db);
            try { await _respawner.ResetAsync(connection); }
            finally { await restore(); }
        }
        finally { await db.Database.CloseConnectionAsync(); }
        db.ChangeTracker.Clear();
    }

    private async Task<Respawner> CreateAsync(ClinicDbContext db, DbConnection connection)
    {
        var (adapter, catalog) = db.Database.IsNpgsql() ? (DbAdapter.Postgres, "SELECT table_name FROM information_schema.tables")
            : db.Database.IsSqlServer() ? (DbAdapter.SqlServer, "SELECT name FROM sys.tables")
            : (DbAdapter.Sqlite, "SELECT name FROM sqlite_master WHERE type = 'table'");
        var ignore = keep.Append(MigrationsHistory).Concat(await JobStoreTablesAsync(connection, catalog))
            .Distinct().Select(t => new Table(t)).ToArray();
        return await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = adapter,
            TablesToIgnore = ignore,
            WithReseed = true,
            // Respawn's SQLite statement leaves the name unquoted; the others quote it already.
            FormatDeleteStatement = adapter == DbAdapter.Sqlite ? t => $"DELETE FROM \"{t.Name}\";" : null,
        });
    }

    private static async Task<Func<Task>> SuspendTriggersAsync(ClinicDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            var triggers = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync();
            var names = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync();
            foreach (var n in names) await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{n}\"");
            return async () => { foreach (var sql in triggers) await db.Database.ExecuteSqlRawAsync(sql); };
        }
        if (db.Database.IsSqlServer())
        {
            const string each = "SELECT DISTINCT OBJECT_NAME(parent_id) AS [Value] FROM sys.triggers WHERE parent_class = 1";
            var tables = await db.Database.SqlQueryRaw<string>(each).ToListAsync();
            foreach (var t in tables) await db.Database.ExecuteSqlRawAsync($"DISABLE TRIGGER ALL ON [{t}]");
            return async () => { foreach (var t in tables) await db.Database.ExecuteSqlRawAsync($"ENABLE TRIGGER ALL ON [{t}]"); };
        }
        return () => Task.CompletedTask;
    }

    /// <summary>Quartz's tables as the database spells them (qrtz_ on PostgreSQL, QRTZ_ elsewhere): Respawn matches names exactly.</summary>
    private static async Task<List<string>> JobStoreTablesAsync(DbConnection connection, string catalog)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = catalog;
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            if (name.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase)) names.Add(name);
        }
        return names;
    }
}
