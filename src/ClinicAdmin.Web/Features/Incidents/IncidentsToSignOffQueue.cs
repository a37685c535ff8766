using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>A home-page work queue (see <see cref="IWorkQueue"/>).</summary>
public sealed class IncidentsToSignOffQueue(ClinicDbContext db) : IWorkQueue
{
    public int Order => 10;
    public string Policy => Policies.MedicalDirector;
    public async Task<WorkQueue> GetAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct)
    {
        var awaiting = db.Incidents.AsNoTracking().Where(Incident.AwaitingReviewQuery);
        var count = await awaiting.CountAsync(ct);
        var first = await awaiting.OrderBy(i => i.OccurredAt).Take(WorkQueue.Shown)
            .Join(db.Patients, i => i.PatientId, p => p.Id, (i, p) => new { i.Id, i.Type, i.Grade, i.OccurredAt, p.Mrn }).ToListAsync(ct);
        return new WorkQueue("incidents", "Incidents to sign off", "exclamation-triangle", count,
            new WorkLink("All incidents awaiting review", "/Incidents/Index", WorkLink.Query(("review", "needs"))),
            first.Select(i => new WorkLink($"{Vocabulary.Label(i.Type)}, grade {i.Grade}", "/Incidents/Details", WorkLink.Query(("id", i.Id)),
                $"{i.Mrn} · {RecordText.Date(clock.DateOf(i.OccurredAt))}")).ToList(),
            "No incident waits for sign-off. Grade 3 or serious incidents appear here.", Urgent: count > 0);
    }
}
