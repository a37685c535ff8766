using ClinicAdmin.Data;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Platform.Operations;

/// <summary>The /health database probe: can the app reach its database right now.</summary>
public static class DatabaseHealth
{
    /// <summary>
    /// EF's CanConnect on SQL Server retries some connection errors (timeout, 233, 4060) for up to a minute, for a
    /// database Azure is still creating; a probe must answer at once, so on SQL Server it opens the connection and
    /// runs SELECT 1 itself, once. SQLite and PostgreSQL keep EF's CanConnect.
    /// </summary>
    public static async Task<bool> CanConnectAsync(ClinicDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlServer()) return await db.Database.CanConnectAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "SELECT 1";
            return Equals(await cmd.ExecuteScalarAsync(ct), 1);
        }
        catch (Exception e) when (DatabaseFaults.Classify(e) is not null || e is Microsoft.Data.SqlClient.SqlException)
        {
            return false;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }
}
