using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClinicAdmin.Data;

/// <summary>Why the database could not do what a request or job asked, when it is not the request's fault.</summary>
public enum DatabaseFault
{
    /// <summary>The server is not answering (PostgreSQL or SQL Server stopped, restarting, network, timeout).</summary>
    Unavailable,
    /// <summary>Busy or a transient conflict (SQLite locked, deadlock victim): the same request will work again.</summary>
    Busy,
    /// <summary>The SQLite file or its folder cannot be written, or the SQL Server database is read-only.</summary>
    ReadOnly,
    /// <summary>The disk (or SQLite's page limit) is full.</summary>
    Full,
}

/// <summary>
/// One place that recognises database faults on every provider, for the web app's 503 page
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
                case SqlException { InnerException: System.Net.Sockets.SocketException }:
                    return DatabaseFault.Unavailable; // refused or unreachable: the managed network layer reports number 0 (error 35)
                case SqlException q:
                    // A SqlException carries one or more server errors; the first one that means something decides.
                    foreach (SqlError error in q.Errors)
                        if (ClassifySqlServer(error.Number) is { } fault) return fault;
                    return ClassifySqlServer(q.Number);
                case TimeoutException:
                    return DatabaseFault.Unavailable;
            }
        }
        return null;
    }

    /// <summary>
    /// SQL Server error numbers (sys.messages; the negative and 10000-range ones are client and socket errors that
    /// Microsoft.Data.SqlClient reports as the number). A function of the number alone, so it is tested without a server.
    /// </summary>
    public static DatabaseFault? ClassifySqlServer(int number) => number switch
    {
        // Timeout (-2), network path or instance not found (53, -1, 2), no process at the other end (233), cannot open
        // the database (4060: stopped, restoring, single-user), socket aborted, reset, timed out, refused, host unknown
        // (10053, 10054, 10060, 10061, 11001), the managed network layer's connection failure (35), and Azure SQL's
        // database unavailable and service busy (40613, 40197, 40501).
        -2 or -1 or 2 or 35 or 53 or 233 or 4060 or 10053 or 10054 or 10060 or 10061 or 11001 or 40613 or 40197 or 40501 => DatabaseFault.Unavailable,
        1205 => DatabaseFault.Busy, // chosen as the deadlock victim
        1222 => DatabaseFault.Busy, // lock request time-out
        1101 or 1105 or 9002 => DatabaseFault.Full, // no space in the filegroup for data (1101, 1105) or the log (9002)
        3906 => DatabaseFault.ReadOnly, // the database is read-only
        _ => null,
    };

    /// <summary>A short, technical-free description for logs: never the exception message (it may quote patient data).</summary>
    public static string CodeOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            switch (e)
            {
                case SqliteException s: return $"SQLite {s.SqliteErrorCode}/{s.SqliteExtendedErrorCode}";
                case PostgresException p: return $"PostgreSQL {p.SqlState}";
                case NpgsqlException n: return $"Npgsql {n.InnerException?.GetType().Name ?? n.GetType().Name}";
                case SqlException { InnerException: System.Net.Sockets.SocketException }: return "SQL Server network error";
                case SqlException q: return $"SQL Server {q.Number}";
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
