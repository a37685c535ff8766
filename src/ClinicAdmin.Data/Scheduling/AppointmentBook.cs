using ClinicAdmin.Data.Auditing;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Scheduling;
using ClinicAdmin.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Data.Scheduling;

public sealed record BookingRequest(int PatientId, int ServiceId, int ProviderId, int LocationId, int? ResourceId, DateTime StartUtc, string? Note = null);

/// <summary>Either the booked appointment, or every problem (field-keyed) and, when the time is held, what holds it.</summary>
public sealed record BookingResult(Appointment? Appointment, IReadOnlyList<(string Field, string Message)> Problems, BookingClash? Clash)
{
    public bool Booked => Appointment is not null;
}

/// <summary>
/// Books appointments. It checks first so the front desk reads every problem at once, but the database has the last
/// word on overlaps: two people (or two app instances) booking the same chair at the same moment both pass the check,
/// and the migration's constraint or trigger refuses the second insert, which comes back here as a clash.
/// </summary>
public sealed class AppointmentBook(ClinicDbContext db, TimeProvider time, ICurrentUser user)
{
    public async Task<BookingResult> BookAsync(BookingRequest r, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var problems = new List<(string Field, string Message)>();
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == r.ServiceId, ct);
        var provider = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == r.ProviderId, ct);
        var resource = r.ResourceId is { } rid ? await db.Resources.AsNoTracking().SingleOrDefaultAsync(x => x.Id == rid, ct) : null;
        if (!await db.Patients.AnyAsync(p => p.Id == r.PatientId, ct)) problems.Add(("PatientId", "Choose the patient."));
        if (service is null) problems.Add(("ServiceId", "Choose the service."));
        if (provider is null) problems.Add(("ProviderId", "Choose the provider."));
        if (r.ResourceId is not null && resource is null) problems.Add(("ResourceId", "Choose a chair or room of this location."));
        if (!await db.Locations.AnyAsync(l => l.Id == r.LocationId && l.IsActive, ct)) problems.Add(("LocationId", "Choose an active location."));
        var start = DateTime.SpecifyKind(r.StartUtc, DateTimeKind.Utc);
        if (provider is not null && ProviderSchedule.RenderingProblem(provider, DateOnly.FromDateTime(start)) is { } who) problems.Add(("ProviderId", who));
        if (service is not null) problems.AddRange(AppointmentRules.Problems(service, resource, r.LocationId, start, now));
        if (problems.Count > 0) return new BookingResult(null, problems, null);

        var end = start + AppointmentRules.Length(service!);
        // Each round checks, then inserts into the first free place. The database has the last word: a clash it reports
        // on a shared room's place sends us round again (another place may be free); a deadlock between racing inserts
        // (PostgreSQL can pick one when several constraints wait on each other) is retried the same way.
        for (var round = 0; ; round++)
        {
            // PostgreSQL: bookings at one location take turns (a transaction-scoped advisory lock), as SQLite's writes do.
            // Without it, two inserts that conflict in an exclusion constraint can each wait for the other: a deadlock
            // the server breaks after a second. The constraint stays the guarantee for every other writer.
            await using var tx = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
            if (tx is not null) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [LockSpace, r.LocationId], ct);
            // Friendly early answers; the database repeats these checks under its own lock.
            if (await HoldsAsync(a => a.ProviderId == r.ProviderId, start, end, null, ct)) return Clash(BookingClash.Provider);
            if (await HoldsAsync(a => a.PatientId == r.PatientId, start, end, null, ct)) return Clash(BookingClash.Patient);
            var places = resource is null ? [0] : await FreePlacesAsync(resource, start, end, null, ct);
            if (places.Count == 0) return Clash(BookingClash.Chair);
            var a = new Appointment
            {
                PatientId = r.PatientId, ServiceId = r.ServiceId, ProviderId = r.ProviderId, LocationId = r.LocationId, ResourceId = r.ResourceId,
                Place = places[0], StartUtc = start, EndUtc = end, Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
                BookedBy = user.UserName, BookedAt = now,
            };
            db.Appointments.Add(a);
            try
            {
                await db.SaveChangesAsync(ct);
                if (tx is not null) await tx.CommitAsync(ct);
                return new BookingResult(a, [], null);
            }
            catch (Exception e) when (round < MaxRounds && (AppointmentOverlap.Classify(e) is not null || DatabaseFaults.Classify(e) == DatabaseFault.Busy))
            {
                db.ChangeTracker.Clear();
                if (AppointmentOverlap.Classify(e) is { } clash && (clash != BookingClash.Chair || resource!.Capacity == 1)) return Clash(clash);
                if (tx is not null) await tx.RollbackAsync(ct);
                await Task.Delay(Random.Shared.Next(5, 40), ct);
            }
        }
    }

    /// <summary>The first key of the booking lock (the second is the location): "APPT" in ASCII, clear of other advisory locks.</summary>
    private const int LockSpace = 0x41505054;

    /// <summary>Enough for every place of the largest room to be taken under our feet, and a few deadlocks.</summary>
    private const int MaxRounds = Resource.MaxCapacity + 3;

    /// <summary>The places of a resource that no held appointment overlaps in [start, end), first free first.</summary>
    public async Task<List<int>> FreePlacesAsync(Resource resource, DateTime start, DateTime end, int? exceptAppointment, CancellationToken ct = default)
    {
        var taken = await db.Appointments.Where(a => a.ResourceId == resource.Id && a.HoldsTime && a.StartUtc < end && start < a.EndUtc && a.Id != (exceptAppointment ?? 0))
            .Select(a => a.Place).Distinct().ToListAsync(ct);
        return Enumerable.Range(1, resource.Capacity).Except(taken).ToList();
    }

    private Task<bool> HoldsAsync(System.Linq.Expressions.Expression<Func<Appointment, bool>> who, DateTime start, DateTime end, int? except, CancellationToken ct) =>
        db.Appointments.Where(who).AnyAsync(a => a.HoldsTime && a.StartUtc < end && start < a.EndUtc && a.Id != (except ?? 0), ct);

    private static BookingResult Clash(BookingClash clash) =>
        new(null, [(clash switch { BookingClash.Chair => "ResourceId", BookingClash.Provider => "ProviderId", _ => "PatientId" }, AppointmentRules.ClashMessage(clash))], clash);
}
