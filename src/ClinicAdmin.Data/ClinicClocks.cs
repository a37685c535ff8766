using ClinicAdmin.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Data;

/// <summary>
/// The clinic's time zone as saved in its settings, read in one place (pages through PageKit's ClinicTime, jobs and
/// builders directly). Before the settings are saved the clinic runs on UTC.
/// </summary>
public static class ClinicClocks
{
    public const string DefaultZone = "UTC";

    public static string ZoneOf(string? savedZoneId) => savedZoneId ?? DefaultZone;

    public static async Task<string> ZoneIdAsync(ClinicDbContext db, CancellationToken ct = default) =>
        ZoneOf(await db.ClinicSettings.AsNoTracking().Select(s => s.TimeZoneId).FirstOrDefaultAsync(ct));

    public static async Task<ClinicClock> ForAsync(ClinicDbContext db, TimeProvider time, CancellationToken ct = default) =>
        ClinicClock.For(await ZoneIdAsync(db, ct), time);
}
