#pragma warning disable EF1002 // table names come from the EF model, not from input
using ClinicAdmin.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Testing;

/// <summary>
/// Empties every table between tests (Respawn is not in this registry): TRUNCATE ... CASCADE on
/// PostgreSQL, DELETE with foreign keys off on SQLite. Tables named in <paramref name="keep"/> survive.
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
        else
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
                foreach (var t in tables) await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{t}\"");
                await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_sequence");
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON");
            }
            finally { await db.Database.CloseConnectionAsync(); }
        }
        db.ChangeTracker.Clear();
    }
}
