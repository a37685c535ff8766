using ClinicAdmin.Data;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Assessments;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class SafetyAlertsQueue(ClinicDbContext db, TimeProvider time) : IWorkQueue
{
    /// <summary>A PHQ-9 item 9 answer above 0 stays on the home page this long, so a weekend does not hide it.</summary>
    public const int SafetyAlertDays = 14;

    public int Order => 20;
    public string Policy => Policies.ReadClinical;
    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        var since = clock.DayStartUtc(clock.Today.AddDays(-SafetyAlertDays));
        // Item answers are a row-local list: read the window's PHQ-9s and apply the domain's rule to each.
        var recent = await db.Assessments.AsNoTracking()
            .Where(a => a.Instrument == Instrument.Phq9 && a.TakenAt >= since)
            .OrderByDescending(a => a.TakenAt)
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { a.Id, a.TakenAt, a.Items, p.Mrn, p.FirstName, p.LastName }).ToListAsync(ct);
        var alerts = recent.Where(a => Scoring.NeedsSafetyFollowUp(Instrument.Phq9, a.Items.Split(',').Select(int.Parse).ToList())).ToList();
        return new WorkQueue("item9", "PHQ-9 item 9 alerts", "shield-exclamation", alerts.Count,
            new WorkLink("Patients", "/Patients/Index", WorkLink.Query()),
            alerts.Take(WorkQueue.Shown).Select(a => new WorkLink($"{a.FirstName} {a.LastName} ({a.Mrn})", "/Assessments/Details", WorkLink.Query(("id", a.Id)),
                $"item 9 above 0 · {RecordText.Date(clock.DateOf(a.TakenAt))}")).ToList(),
            $"No PHQ-9 in the last {SafetyAlertDays} days answered item 9 above 0.", Urgent: alerts.Count > 0);
    }
}
