#pragma warning disable EF1002 // table names come from the EF model, not from input
using ClinicAdmin.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Testing;

/// <summary>
/// Empties every table between tests (Respawn is not in this registry): TRUNCATE ... CASCADE on
/// PostgreSQL, DELETE with foreign keys off on SQLite and SQL Server. Tables named in <paramref name="keep"/> survive.
/// </summary>
public static class DatabaseReset
{
    public static async Task ResetAsync(ClinicDbContext db, params string[] keep)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetTableName() is not null)
            .Select(t => t.GetTableName()!).Distinct()
            .Where(t => !keep.Contains(t)).ToList();
        if (db.Database.IsNpgsql())
        {
            var list = string.Join(", ", tables.Select(t => $"\"{t}\""));
            await db.Database.ExecuteSqlRawAsync($"TRUNCATE {list} RESTART IDENTITY CASCADE");
        }
        else if (db.Database.IsSqlServer())
        {
            // TRUNCATE refuses a table that a foreign key refers to, so: keys off, DELETE, identities back to 1
            // (RESEED 0 only where a value was ever taken, or the next id would be 0), keys on and re-checked.
            var sql = new System.Text.StringBuilder();
            foreach (var t in tables) sql.AppendLine($"ALTER TABLE [{t}] NOCHECK CONSTRAINT ALL;");
            // The access log's append-only trigger refuses DELETE: off for the reset only.
            foreach (var t in tables) sql.AppendLine($"DISABLE TRIGGER ALL ON [{t}]; DELETE FROM [{t}]; ENABLE TRIGGER ALL ON [{t}];");
            foreach (var t in tables)
                sql.AppendLine($"IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N'[{t}]') AND last_value IS NOT NULL) DBCC CHECKIDENT (N'[{t}]', RESEED, 0);");
            foreach (var t in tables) sql.AppendLine($"ALTER TABLE [{t}] WITH CHECK CHECK CONSTRAINT ALL;");
            await db.Database.ExecuteSqlRawAsync(sql.ToString());
        }
        else
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
                // The access log's append-only triggers refuse DELETE: dropped for the reset, then created again as they were.
                var triggers = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync();
                var names = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync();
                foreach (var n in names) await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{n}\"");
                foreach (var t in tables) await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{t}\"");
                foreach (var sql in triggers) await db.Database.ExecuteSqlRawAsync(sql);
                await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_sequence");
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON");
            }
            finally { await db.Database.CloseConnectionAsync(); }
        }
        db.ChangeTracker.Clear();
    }
}
