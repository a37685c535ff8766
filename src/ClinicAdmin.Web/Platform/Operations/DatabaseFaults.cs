using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClinicAdmin.Web.Platform.Operations;

/// <summary>Why the database could not do what a request or job asked, when it is not the request's fault.</summary>
public enum DatabaseFault
{
    /// <summary>The server is not answering (PostgreSQL stopped, restarting, network, timeout).</summary>
    Unavailable,
    /// <summary>Busy or a transient conflict (SQLite locked, deadlock victim): the same request will work again.</summary>
    Busy,
    /// <summary>The SQLite file or its folder cannot be written.</summary>
    ReadOnly,
    /// <summary>The disk (or SQLite's page limit) is full.</summary>
    Full,
}

/// <summary>
/// One place that recognises database faults on both providers, for the 503 page (<see cref="DatabaseFaultPage"/>)
/// and the job engine (wait for the database instead of failing a run for good).
/// </summary>
public static class DatabaseFaults
{
    // SQLite primary result codes (sqlite.org/rescode.html).
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoErr = 10, SqliteFull = 13, SqliteCantOpen = 14;

    public static DatabaseFault? Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException s:
                    return s.SqliteErrorCode switch
                    {
                        SqliteReadOnly or SqliteCantOpen => DatabaseFault.ReadOnly,
                        SqliteFull => DatabaseFault.Full,
                        // SQLite reports ENOSPC on some writes as an I/O error (SQLITE_IOERR_WRITE and friends).
                        SqliteIoErr => DatabaseFault.Full,
                        SqliteBusy or SqliteLocked => DatabaseFault.Busy,
                        _ => null,
                    };
                case PostgresException p when p.SqlState is "40001" or "40P01" or "55P03":
                    return DatabaseFault.Busy;
                case PostgresException p when p.SqlState is "53100":
                    return DatabaseFault.Full; // disk_full on the server
                case NpgsqlException n when n.IsTransient:
                    return DatabaseFault.Unavailable;
                case TimeoutException:
                    return DatabaseFault.Unavailable;
            }
        }
        return null;
    }

    /// <summary>A short, technical-free description for logs: never the exception message (it may quote patient data).</summary>
    public static string CodeOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            switch (e)
            {
                case SqliteException s: return $"SQLite {s.SqliteErrorCode}/{s.SqliteExtendedErrorCode}";
                case PostgresException p: return $"PostgreSQL {p.SqlState}";
                case NpgsqlException n: return $"Npgsql {n.InnerException?.GetType().Name ?? n.GetType().Name}";
            }
        return exception.GetType().Name;
    }

    public static (string Heading, string Message) Describe(DatabaseFault fault) => fault switch
    {
        DatabaseFault.ReadOnly => ("The database cannot be written",
            "The database is read-only at the moment, so nothing was saved. Pages that only show records still work. Try again in a few minutes; if it keeps happening, tell your administrator."),
        DatabaseFault.Full => ("The database disk is full",
            "The disk that holds the database is full, so nothing was saved. Try again once your administrator has freed space."),
        DatabaseFault.Busy => ("The database is busy",
            "The database was busy with other work, so nothing was saved. Try again in a moment."),
        _ => ("Temporarily unavailable",
            "The database is not answering, so nothing was saved. This page will work again by itself as soon as the database is back; try again in a minute."),
    };
}
