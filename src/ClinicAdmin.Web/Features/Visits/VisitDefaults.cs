using ClinicAdmin.Data;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>
/// What a new visit form starts with, for fast entry: now (to five minutes), today's weight, the course in progress; as
/// provider the signed-in clinician when they render (else the last session's); from the course's last session the route,
/// duration and main services; the location where the patient was last seen.
/// </summary>
public static class VisitDefaults
{
    /// <summary>Fills <paramref name="input"/> and returns the choices of today it was checked against.</summary>
    public static async Task<VisitChoices> FillNewAsync(ClinicDbContext db, VisitInput input, int patientId, int? courseId, string? userId, ClinicClock clock)
    {
        var now = clock.NowLocal;
        input.SubmissionKey = Guid.NewGuid();
        input.StartedAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute / 5 * 5, 0);
        input.WeightKg = await db.Patients.Where(p => p.Id == patientId).Select(p => p.WeightKg).SingleAsync();
        input.TreatmentCourseId = courseId is { } c && await db.Courses.AnyAsync(x => x.Id == c && x.PatientId == patientId) ? c
            : await db.Courses.Where(x => x.PatientId == patientId && (x.Status == CourseStatus.Active || x.Status == CourseStatus.Planned))
                .OrderByDescending(x => x.StartDate).ThenByDescending(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync();
        var last = await db.Visits.AsNoTracking().Include(v => v.ChargeLines)
            .Where(v => v.PatientId == patientId && (input.TreatmentCourseId == null || v.TreatmentCourseId == input.TreatmentCourseId))
            .OrderByDescending(v => v.StartedAt).FirstOrDefaultAsync();
        // The clinician recording the visit usually rendered it: their own staff record when they render, else the course's last provider.
        var mine = await db.Staff.Where(s => s.UserId == userId && userId != null && s.IsRenderingProvider).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        if (last is not null) { input.Route = last.Route; input.InfusionMinutes = last.InfusionMinutes; }
        var choices = await VisitChoices.LoadAsync(db, patientId, clock.Today, null, null, last?.RenderingProviderId, []);
        input.RenderingProviderId = new[] { mine, last?.RenderingProviderId }.FirstOrDefault(id => id is { } x && choices.Providers.Any(p => p.Id == x));
        // Where this patient was last seen (any course), else the only or first active location; the place of service follows it.
        var lastLocation = await db.Visits.Where(v => v.PatientId == patientId).OrderByDescending(v => v.StartedAt).ThenByDescending(v => v.Id)
            .Select(v => (int?)v.LocationId).FirstOrDefaultAsync();
        input.LocationId = LocationRules.DefaultFor(lastLocation, choices.Locations.Select(l => new LocationEntry(l.Id, l.Label, l.Label, true)).ToList());
        input.PlaceOfService = choices.Locations.FirstOrDefault(l => l.Id == input.LocationId).PlaceOfService ?? "11";
        input.Lines = choices.Services.Values.Select(s => new VisitInput.LineInput
        {
            ServiceId = s.Id, Selected = last?.ChargeLines.Any(l => l.ServiceId == s.Id && !l.IsAddOn) == true,
            Units = last?.ChargeLines.FirstOrDefault(l => l.ServiceId == s.Id && !l.IsAddOn)?.Units,
        }).ToList();
        return choices;
    }
}
