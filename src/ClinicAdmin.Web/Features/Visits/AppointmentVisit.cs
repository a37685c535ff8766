using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>Between an appointment and the visit recorded from it: the form's prefill, and the link back once saved.</summary>
public static class AppointmentVisit
{
    /// <summary>
    /// Fills a new visit's form from the patient's open appointment: its start, provider, location and service line.
    /// Other appointments (another patient's, or one that already has its visit) leave the usual defaults.
    /// </summary>
    public static async Task PrefillAsync(ClinicDbContext db, VisitInput input, VisitChoices choices, int patientId, int appointmentId, ClinicClock clock)
    {
        var a = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == appointmentId && x.PatientId == patientId && x.VisitId == null);
        if (a is null || a.Status is AppointmentStatus.Cancelled or AppointmentStatus.NoShow) return;
        input.AppointmentId = a.Id;
        // Arrival is the booked start, or now when the patient is seen early (a visit cannot start in the future).
        var start = clock.ToLocal(a.StartUtc);
        if (start > clock.NowLocal) start = input.StartedAt ?? clock.NowLocal;
        input.StartedAt = start;
        if (choices.Providers.Any(p => p.Id == a.ProviderId)) input.RenderingProviderId = a.ProviderId;
        if (choices.Locations.FirstOrDefault(l => l.Id == a.LocationId) is { Label: not null } l) (input.LocationId, input.PlaceOfService) = (l.Id, l.PlaceOfService);
        if (input.Lines.Any(x => x.ServiceId == a.ServiceId))
            foreach (var line in input.Lines.Where(x => !choices.Services[x.ServiceId].IsAddOn)) line.Selected = line.ServiceId == a.ServiceId;
    }

    /// <summary>Links the saved visit to its appointment, checking the patient in if the desk had not.</summary>
    public static async Task LinkAsync(ClinicDbContext db, int appointmentId, int visitId, int patientId, DateTime nowUtc)
    {
        var a = await db.Appointments.SingleOrDefaultAsync(x => x.Id == appointmentId && x.PatientId == patientId && x.VisitId == null);
        if (a is null || a.Status is AppointmentStatus.Cancelled or AppointmentStatus.NoShow) return;
        a.VisitId = visitId;
        if (a.Status == AppointmentStatus.Booked) a.CheckIn(nowUtc);
        a.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync();
    }
}
