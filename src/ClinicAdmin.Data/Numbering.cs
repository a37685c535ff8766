using ClinicAdmin.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Data;

/// <summary>
/// The clinic's sequential numbers (MRNs, superbill numbers), allocated in one place: the next number is read from the
/// highest issued and taken inside the save; the unique index settles a race, and the loser takes the number after.
/// </summary>
public static class Numbering
{
    public const int Attempts = 5;

    /// <summary>The next MRN after the highest issued.</summary>
    public static async Task<string> NextMrnAsync(this ClinicDbContext db, CancellationToken ct = default) =>
        MedicalRecordNumber.Next(await db.Patients.AsNoTracking()
            .Where(p => string.Compare(p.Mrn, MedicalRecordNumber.Prefix) >= 0 && string.Compare(p.Mrn, "MRN.") < 0)
            .OrderByDescending(p => p.Mrn).Select(p => p.Mrn).FirstOrDefaultAsync(ct));

    /// <summary>The next superbill number of <paramref name="year"/>: "SB-2026-000124" after "SB-2026-000123" (or its "-v2").</summary>
    public static async Task<string> NextSuperbillNumberAsync(this ClinicDbContext db, int year, CancellationToken ct = default)
    {
        var prefix = $"SB-{year}-";
        var last = await db.Documents.AsNoTracking().Where(d => d.DocumentNumber.StartsWith(prefix))
            .OrderByDescending(d => d.DocumentNumber).Select(d => d.DocumentNumber).FirstOrDefaultAsync(ct);
        var n = last is null ? 0 : int.Parse(BaseNumber(last)[prefix.Length..]);
        return $"{prefix}{n + 1:000000}";
    }

    /// <summary>"SB-2026-000123-v2" → "SB-2026-000123".</summary>
    public static string BaseNumber(string number)
    {
        var i = number.IndexOf("-v", StringComparison.Ordinal);
        return i < 0 ? number : number[..i];
    }

    /// <summary>
    /// Saves the pending changes with the next number assigned: <paramref name="next"/> reads it, <paramref name="assign"/>
    /// puts it on the new row, and when the save fails because <paramref name="taken"/> says another save took that
    /// number a moment ago, the next one is tried (up to <see cref="Attempts"/> times).
    /// </summary>
    public static async Task<string> SaveWithNextNumberAsync(this ClinicDbContext db, Func<CancellationToken, Task<string>> next,
        Action<string> assign, Func<string, CancellationToken, Task<bool>> taken, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var number = await next(ct);
            assign(number);
            try { await db.SaveChangesAsync(ct); return number; }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Our own row was rolled back; any other failure is not ours to retry.
                if (!await taken(number, ct)) throw;
            }
        }
    }

    /// <summary>Saves a newly added patient with the next MRN.</summary>
    public static Task<string> SaveWithNextMrnAsync(this ClinicDbContext db, Patient patient, CancellationToken ct = default) =>
        db.SaveWithNextNumberAsync(db.NextMrnAsync, mrn => patient.Mrn = mrn,
            (mrn, c) => db.Patients.AsNoTracking().AnyAsync(p => p.Mrn == mrn, c), ct);
}
