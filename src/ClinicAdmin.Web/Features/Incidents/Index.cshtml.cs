using ClinicAdmin.Data;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Incidents;

/// <summary>
/// Side-effect incidents with filters, the count awaiting the medical director, and the rate per 100 sessions for the
/// chosen period (incidents ÷ visits, both counted by clinic-local date). Clinicians and the medical director.
/// </summary>
[Authorize(Policy = Policies.ReadClinical)]
public class IndexModel(ClinicDbContext db, ClinicTime clinicTime) : PageModel, IPatientDataPage
{
    /// <summary>Logged when filtered to one patient (their incident history); the clinic-wide queue is not one patient's record.</summary>
    public PatientAccess? Access { get; private set; }
    public const int PageSize = 50;
    /// <summary>Default period: the last 30 days including today.</summary>
    public const int DefaultDays = 30;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public IncidentType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public int? Grade { get; set; }
    /// <summary>"needs" (awaiting review), "flagged" (grade 3+ or serious, any state), "signed", or empty for any.</summary>
    [BindProperty(SupportsGet = true)] public string? Review { get; set; }
    [BindProperty(SupportsGet = true)] public int? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public int? PatientId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public static readonly string[] ReviewStates = ["needs", "flagged", "signed"];

    public sealed record Row(int Id, DateTime OccurredAtLocal, int PatientId, string Patient, string Mrn, IncidentType Type, int Grade,
        SeriousCriteria Serious, DateTime? SignedOffAt, string? Provider, string ReportedBy, int? Session);

    public sealed record Rate(int Incidents, int Sessions)
    {
        public decimal? Per100 => Sessions == 0 ? null : Math.Round(Incidents * 100m / Sessions, 1);
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Rate PeriodRate { get; private set; } = new(0, 0);
    public int AwaitingReview { get; private set; }
    public DateOnly? OldestAwaiting { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Providers { get; private set; } = [];
    public string? PatientName { get; private set; }
    public string? FilterProblem { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        To ??= clock.Today;
        From ??= To.Value.AddDays(-(DefaultDays - 1));
        if (From > To)
        {
            FilterProblem = "“From” was after “To”: the dates were swapped.";
            (From, To) = (To, From);
        }
        if (Grade is < 1 or > 5) Grade = null;
        if (Type is { } t && !Enum.IsDefined(t)) Type = null;
        if (!ReviewStates.Contains(Review)) Review = null;
        if (PageNumber < 1) PageNumber = 1;

        // Clinic-local days [From, To] as a UTC range: the same bounds for incidents and visits.
        var fromUtc = clock.DayStartUtc(From.Value);
        var toUtc = clock.DayEndUtc(To.Value);

        var incidents = db.Incidents.AsNoTracking().Where(i => i.OccurredAt >= fromUtc && i.OccurredAt < toUtc);
        var visits = db.Visits.AsNoTracking().Where(v => v.StartedAt >= fromUtc && v.StartedAt < toUtc);
        if (Provider is { } pid)
        {
            incidents = incidents.Where(i => db.Visits.Any(v => v.Id == i.VisitId && v.RenderingProviderId == pid));
            visits = visits.Where(v => v.RenderingProviderId == pid);
        }
        if (PatientId is { } patient)
        {
            incidents = incidents.Where(i => i.PatientId == patient);
            visits = visits.Where(v => v.PatientId == patient);
            PatientName = await db.Patients.Where(p => p.Id == patient).Select(p => p.FirstName + " " + p.LastName).SingleOrDefaultAsync();
            if (PatientName is not null) Access = PatientAccess.View(patient);
        }
        if (Type is { } type) incidents = incidents.Where(i => i.Type == type);
        if (Grade is { } grade) incidents = incidents.Where(i => i.Grade == grade);
        incidents = Review switch
        {
            "needs" => incidents.Where(Incident.AwaitingReviewQuery),
            "flagged" => incidents.Where(Incident.NeedsReviewQuery),
            "signed" => incidents.Where(i => i.SignedOffAt != null),
            _ => incidents,
        };

        Total = await incidents.CountAsync();
        PeriodRate = new Rate(Total, await visits.CountAsync());
        if (PageNumber > Pages) PageNumber = Pages;

        var page = await (from i in incidents
                          join p in db.Patients on i.PatientId equals p.Id
                          join v in db.Visits on i.VisitId equals v.Id into vs
                          from v in vs.DefaultIfEmpty()
                          join s in db.Staff on v.RenderingProviderId equals s.Id into ss
                          from s in ss.DefaultIfEmpty()
                          orderby i.OccurredAt descending, i.Id descending
                          select new
                          {
                              i.Id, i.OccurredAt, i.PatientId, Name = p.LastName + ", " + p.FirstName, p.Mrn, i.Type, i.Grade, i.Serious, i.SignedOffAt,
                              Provider = s == null ? null : s.FirstName + " " + s.LastName, i.ReportedBy, Session = (int?)v.SessionNumber,
                          })
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        Rows = page.Select(r => new Row(r.Id, clock.ToLocal(r.OccurredAt), r.PatientId, r.Name, r.Mrn, r.Type, r.Grade, r.Serious, r.SignedOffAt,
            r.Provider, r.ReportedBy, r.Session)).ToList();

        // Whatever the filters: a filter must not hide work waiting for the medical director.
        var awaiting = db.Incidents.Where(Incident.AwaitingReviewQuery);
        AwaitingReview = await awaiting.CountAsync();
        OldestAwaiting = AwaitingReview == 0 ? null : clock.DateOf(await awaiting.MinAsync(i => i.OccurredAt));

        var providers = await db.Staff.Where(s => s.IsRenderingProvider || db.Visits.Any(v => v.RenderingProviderId == s.Id))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).Select(s => new { s.Id, s.FirstName, s.LastName }).ToListAsync();
        Providers = providers.Select(s => (s.Id, $"{s.LastName}, {s.FirstName}")).ToList();
    }

    /// <summary>The current filters with some values changed, for links that keep the filters.</summary>
    public Dictionary<string, string> With(params (string Key, string? Value)[] changes)
    {
        var d = new Dictionary<string, string?>
        {
            ["from"] = RecordText.IsoDate(From), ["to"] = RecordText.IsoDate(To), ["type"] = Type?.ToString(),
            ["grade"] = Grade?.ToString(), ["review"] = Review, ["provider"] = Provider?.ToString(), ["patientId"] = PatientId?.ToString(),
        };
        foreach (var (k, v) in changes) d[k] = v;
        return d.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!);
    }
}
