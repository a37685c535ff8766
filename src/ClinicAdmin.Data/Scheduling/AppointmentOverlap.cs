using ClinicAdmin.Domain.Scheduling;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClinicAdmin.Data.Scheduling;

/// <summary>
/// Recognises the database refusing an overlapping appointment, on every provider, and says what clashed. The names
/// are those the migrations give: PostgreSQL's exclusion constraints EX_Appointments_{Chair,Provider,Patient}, and the
/// message "appointment clash: {Chair,Provider,Patient}" raised by the SQLite and SQL Server triggers.
/// </summary>
public static class AppointmentOverlap
{
    public const string ExclusionViolation = "23P01";
    public const int SqlServerClashError = 50001;

    public static BookingClash? Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var text = e switch
            {
                PostgresException { SqlState: ExclusionViolation } p => p.ConstraintName,
                SqliteException s when s.Message.Contains("appointment clash", StringComparison.Ordinal) => s.Message,
                SqlException q when q.Number == SqlServerClashError => q.Message,
                _ => null,
            };
            if (text is null) continue;
            foreach (var clash in Enum.GetValues<BookingClash>())
                if (text.Contains(clash.ToString(), StringComparison.Ordinal)) return clash;
        }
        return null;
    }
}
