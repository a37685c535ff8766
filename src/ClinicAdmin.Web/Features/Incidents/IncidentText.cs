using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Staff;
using Route = ClinicAdmin.Domain.Visits.Route;
using ClinicAdmin.Web.PageKit;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>Incident field choices, badges and who the signed-in person is. Their words are in <see cref="Vocabulary"/>.</summary>
public static class IncidentText
{
    public static readonly IncidentType[] Types = Enum.GetValues<IncidentType>();
    public static readonly IncidentOutcome[] Outcomes = Enum.GetValues<IncidentOutcome>();
    public static readonly Route[] Routes = [Route.IV, Route.IM, Route.Intranasal, Route.Oral, Route.None];

    /// <summary>The FDA seriousness criteria a clinician ticks (None is "not serious"); labels are in <see cref="Vocabulary"/>.</summary>
    public static readonly IReadOnlyList<SeriousCriteria> Criteria = Vocabulary.SeriousCriteriaTicked;

    public static string GradeBadge(int grade) => grade switch
    {
        1 => "text-bg-secondary", 2 => "text-bg-warning", _ => "text-bg-danger",
    };

    /// <summary>"Needs review", "Signed off" or nothing, for lists and badges.</summary>
    public static string? ReviewState(int grade, SeriousCriteria serious, DateTime? signedOffAt) =>
        signedOffAt is not null ? "Signed off" : Incident.RequiresReview(grade, serious) ? "Needs review" : null;

    /// <summary>Spravato (esketamine) sessions are billed with these codes; their incidents go on the REMS monitoring form.</summary>
    public static readonly string[] SpravatoCodes = ["G2082", "G2083", "S0013"];

    /// <summary>Who is signed in, as shown on records: their roster name with credentials, else the account's display name.</summary>
    public static async Task<string> PersonNameAsync(ClinicDbContext db, ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null)
        {
            var staff = await db.Staff.Where(s => s.UserId == id).Select(s => new { s.FirstName, s.LastName, s.Credentials }).FirstOrDefaultAsync();
            if (staff is not null)
                return StaffMember.NameWithCredentials(staff.FirstName, staff.LastName, staff.Credentials);
            var display = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync();
            if (!string.IsNullOrWhiteSpace(display)) return display;
        }
        return user.Identity?.Name ?? "unknown";
    }
}

/// <summary>Who and which visit an incident is about, shown above its forms.</summary>
public sealed record IncidentContext(int PatientId, string PatientName, string Mrn, IReadOnlyList<string> Contraindications,
    int? VisitId, DateTime? VisitAtLocal, string? Provider, int? Session)
{
    public static async Task<IncidentContext> LoadAsync(ClinicDbContext db, Domain.Common.ClinicClock clock, int patientId, int? visitId)
    {
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId);
        var visit = visitId is { } vid
            ? await (from v in db.Visits where v.Id == vid join s in db.Staff on v.RenderingProviderId equals s.Id
                     select new { v.StartedAt, v.SessionNumber, s.FirstName, s.LastName, s.Credentials }).SingleOrDefaultAsync()
            : null;
        return new IncidentContext(patient.Id, patient.FullName, patient.Mrn, patient.Contraindications().ToList(),
            visit is null ? null : visitId, visit is null ? null : clock.ToLocal(visit.StartedAt), visit is null ? null : StaffMember.NameWithCredentials(visit.FirstName, visit.LastName, visit.Credentials), visit?.SessionNumber);
    }
}
