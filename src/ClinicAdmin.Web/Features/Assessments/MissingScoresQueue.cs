using ClinicAdmin.Data;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Assessments;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class MissingScoresQueue(ClinicDbContext db, TimeProvider time) : IWorkQueue
{
    public int Order => 40;
    public string Policy => Policies.RecordClinical;
    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        // This week's sessions (Monday to now) that have no PHQ-9 linked: the gap the director's response figures feel.
        var monday = clock.Today.AddDays(-(((int)clock.Today.DayOfWeek + 6) % 7));
        var from = clock.DayStartUtc(monday);
        var missing = db.Visits.AsNoTracking()
            .Where(v => v.StartedAt >= from && v.TreatmentCourseId != null)
            .Where(v => !db.Assessments.Any(a => a.VisitId == v.Id && a.Instrument == Instrument.Phq9));
        var count = await missing.CountAsync(ct);
        var first = await missing.OrderBy(v => v.StartedAt).Take(WorkQueue.Shown)
            .Join(db.Patients, v => v.PatientId, p => p.Id, (v, p) => new { v.Id, v.PatientId, v.StartedAt, p.Mrn, p.FirstName, p.LastName }).ToListAsync(ct);
        return new WorkQueue("scores", "Scores missing this week", "clipboard2-pulse", count,
            new WorkLink("Patients", "/Patients/Index", WorkLink.Query()),
            first.Select(v => new WorkLink($"{v.FirstName} {v.LastName} ({v.Mrn})", "/Assessments/Create",
                WorkLink.Query(("patientId", v.PatientId), ("visitId", v.Id), ("instrument", "Phq9")), $"session {RecordText.Date(clock.DateOf(v.StartedAt))}, no PHQ-9")).ToList(),
            "Every session this week has its PHQ-9.", Urgent: count > 0);
    }
}
