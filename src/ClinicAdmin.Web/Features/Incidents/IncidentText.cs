using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Staff;
using Route = ClinicAdmin.Domain.Visits.Route;
using ClinicAdmin.Web.PageKit;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>Labels for incident fields (our own short wording of CTCAE v5 and FDA 3500 terms) and who the signed-in person is.</summary>
public static class IncidentText
{
    public static readonly IncidentType[] Types = Enum.GetValues<IncidentType>();
    public static readonly IncidentOutcome[] Outcomes = Enum.GetValues<IncidentOutcome>();
    public static readonly Route[] Routes = [Route.IV, Route.IM, Route.Intranasal, Route.Oral, Route.None];

    /// <summary>The FDA seriousness criteria a clinician ticks (None is "not serious").</summary>
    public static readonly SeriousCriteria[] Criteria =
    [
        SeriousCriteria.Death, SeriousCriteria.LifeThreatening, SeriousCriteria.Hospitalisation,
        SeriousCriteria.Disability, SeriousCriteria.CongenitalAnomaly, SeriousCriteria.RequiredIntervention,
    ];

    public static string Label(IncidentType t) => t switch
    {
        IncidentType.NauseaVomiting => "Nausea / vomiting",
        IncidentType.Dizziness => "Dizziness",
        IncidentType.Headache => "Headache",
        IncidentType.Dissociation => "Dissociation / psychotomimetic",
        IncidentType.AnxietyAgitation => "Anxiety / agitation",
        IncidentType.Hypertension => "Raised blood pressure",
        IncidentType.Sedation => "Sedation",
        IncidentType.Desaturation => "Oxygen desaturation",
        IncidentType.NasalBurning => "Nasal burning / congestion",
        IncidentType.BladderSymptoms => "Bladder symptoms",
        IncidentType.BlurredVision => "Blurred vision",
        _ => "Other",
    };

    public static string Label(IncidentOutcome o) => o switch
    {
        IncidentOutcome.Resolved => "Resolved",
        IncidentOutcome.ResolvedWithSequelae => "Resolved with lasting effects",
        IncidentOutcome.Ongoing => "Ongoing",
        IncidentOutcome.Fatal => "Fatal",
        _ => "Unknown",
    };

    public static string Label(SeriousCriteria c) => c switch
    {
        SeriousCriteria.Death => "Death",
        SeriousCriteria.LifeThreatening => "Life-threatening",
        SeriousCriteria.Hospitalisation => "Hospitalisation (new or prolonged)",
        SeriousCriteria.Disability => "Disability or permanent damage",
        SeriousCriteria.CongenitalAnomaly => "Congenital anomaly / birth defect",
        SeriousCriteria.RequiredIntervention => "Needed intervention to prevent permanent harm",
        _ => "Not serious",
    };

    public static string Label(Route r) => r switch
    {
        Route.IV => "IV", Route.IM => "IM", Route.Intranasal => "Intranasal", Route.Oral => "Oral", _ => "—",
    };

    public static string SeriousText(SeriousCriteria s) =>
        s == SeriousCriteria.None ? "No" : string.Join(", ", Criteria.Where(c => s.HasFlag(c)).Select(Label));

    /// <summary>CTCAE v5 general grade meanings, in short.</summary>
    public static string Grade(int grade) => grade switch
    {
        1 => "Mild: mild or no symptoms; observation only",
        2 => "Moderate: minimal, local or non-invasive treatment needed",
        3 => "Severe: medically significant; hospitalisation indicated",
        4 => "Life-threatening: urgent intervention needed",
        5 => "Death related to the event",
        _ => "",
    };

    public static string GradeShort(int grade) => grade switch
    {
        1 => "Mild", 2 => "Moderate", 3 => "Severe", 4 => "Life-threatening", 5 => "Death", _ => "",
    };

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
