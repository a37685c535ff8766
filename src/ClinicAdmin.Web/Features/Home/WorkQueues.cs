using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Features.Staff;
using ClinicAdmin.Web.Features.Superbills;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Home;

/// <summary>A link to where a piece of work is done: a page and its query.</summary>
public sealed record WorkLink(string Text, string Page, IReadOnlyDictionary<string, string> Route, string? Note = null);

/// <summary>
/// One queue on a home page: how many things wait, the first few, and the page where all of them are worked.
/// <paramref name="Urgent"/> colours the count when something waits.
/// </summary>
public sealed record WorkQueue(string Key, string Title, string Icon, int Count, WorkLink All, IReadOnlyList<WorkLink> Items, string Empty, bool Urgent = false);

/// <summary>
/// What needs each person today, by what their roles may open (a queue is shown only when the person passes the policy
/// of the page it links to, so a count never reveals what they could not see).
/// </summary>
public sealed class WorkQueues(ClinicDbContext db, TimeProvider time)
{
    public const int Shown = 5;
    /// <summary>A PHQ-9 item 9 answer above 0 stays on the home page this long, so a weekend does not hide it.</summary>
    public const int SafetyAlertDays = 14;
    /// <summary>Superbills are due for a patient seen in this many days who has none made since the visit.</summary>
    public const int SuperbillDays = 31;
    /// <summary>Failed jobs are listed for this long; older ones live on the Jobs page.</summary>
    public const int FailedJobDays = 14;

    private static Dictionary<string, string> Q(params (string Key, object? Value)[] values) =>
        values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!);

    public static bool May(ClaimsPrincipal user, string policy) => Policies.RolesOf[policy].Any(user.IsInRole);

    public async Task<IReadOnlyList<WorkQueue>> ForAsync(ClaimsPrincipal user, ClinicClock clock, CancellationToken ct = default)
    {
        var queues = new List<WorkQueue>();
        if (May(user, Policies.MedicalDirector)) queues.Add(await IncidentsToSignOffAsync(clock, ct));
        if (May(user, Policies.ReadClinical)) queues.Add(await SafetyAlertsAsync(clock, ct));
        if (May(user, Policies.RecordClinical))
        {
            queues.Add(await TodaysSessionsAsync(clock, ct));
            queues.Add(await MissingScoresAsync(clock, ct));
        }
        // The billing queues are the front desk's work; clinical roles reach the same pages but their home stays clinical.
        if (May(user, Policies.ManagePatients) && !May(user, Policies.ReadClinical))
        {
            queues.Add(await BalancesDueAsync(ct));
            queues.Add(await SuperbillsToSendAsync(clock, ct));
            queues.Add(await LinksNotOpenedAsync(clock, ct));
        }
        if (May(user, Policies.ManageAdmin))
        {
            queues.Add(await LicencesAsync(clock, ct));
            queues.Add(await PriceChangesAsync(clock, ct));
            queues.Add(await LockedAccountsAsync(ct));
        }
        // Everyone sees failed jobs they may open: the manager all of them, others their own requests.
        queues.Add(await FailedJobsAsync(user, ct));
        return queues;
    }

    private async Task<WorkQueue> IncidentsToSignOffAsync(ClinicClock clock, CancellationToken ct)
    {
        var awaiting = db.Incidents.AsNoTracking().Where(Incident.AwaitingReviewQuery);
        var count = await awaiting.CountAsync(ct);
        var first = await awaiting.OrderBy(i => i.OccurredAt).Take(Shown)
            .Join(db.Patients, i => i.PatientId, p => p.Id, (i, p) => new { i.Id, i.Type, i.Grade, i.OccurredAt, p.Mrn }).ToListAsync(ct);
        return new WorkQueue("incidents", "Incidents to sign off", "exclamation-triangle", count,
            new WorkLink("All incidents awaiting review", "/Incidents/Index", Q(("review", "needs"))),
            first.Select(i => new WorkLink($"{Vocabulary.Label(i.Type)}, grade {i.Grade}", "/Incidents/Details", Q(("id", i.Id)),
                $"{i.Mrn} · {RecordText.Date(clock.DateOf(i.OccurredAt))}")).ToList(),
            "No incident waits for sign-off. Grade 3 or serious incidents appear here.", Urgent: count > 0);
    }

    private async Task<WorkQueue> SafetyAlertsAsync(ClinicClock clock, CancellationToken ct)
    {
        var since = clock.DayStartUtc(clock.Today.AddDays(-SafetyAlertDays));
        // Item answers are a row-local list: read the window's PHQ-9s and apply the domain's rule to each.
        var recent = await db.Assessments.AsNoTracking()
            .Where(a => a.Instrument == Instrument.Phq9 && a.TakenAt >= since)
            .OrderByDescending(a => a.TakenAt)
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { a.Id, a.TakenAt, a.Items, p.Mrn, p.FirstName, p.LastName }).ToListAsync(ct);
        var alerts = recent.Where(a => Scoring.NeedsSafetyFollowUp(Instrument.Phq9, a.Items.Split(',').Select(int.Parse).ToList())).ToList();
        return new WorkQueue("item9", "PHQ-9 item 9 alerts", "shield-exclamation", alerts.Count,
            new WorkLink("All scores", "/Assessments/Index", Q()),
            alerts.Take(Shown).Select(a => new WorkLink($"{a.FirstName} {a.LastName} ({a.Mrn})", "/Assessments/Details", Q(("id", a.Id)),
                $"item 9 above 0 · {RecordText.Date(clock.DateOf(a.TakenAt))}")).ToList(),
            $"No PHQ-9 in the last {SafetyAlertDays} days answered item 9 above 0.", Urgent: alerts.Count > 0);
    }

    private async Task<WorkQueue> TodaysSessionsAsync(ClinicClock clock, CancellationToken ct)
    {
        var (from, to) = (clock.DayStartUtc(clock.Today), clock.DayEndUtc(clock.Today));
        var today = db.Visits.AsNoTracking().Where(v => v.StartedAt >= from && v.StartedAt < to);
        var count = await today.CountAsync(ct);
        var first = await today.OrderBy(v => v.StartedAt).Take(Shown)
            .Join(db.Patients, v => v.PatientId, p => p.Id, (v, p) => new { v.Id, v.StartedAt, v.DischargedAt, p.Mrn, p.FirstName, p.LastName }).ToListAsync(ct);
        return new WorkQueue("today", "Today's sessions", "calendar-day", count,
            new WorkLink("All patients", "/Patients/Index", Q()),
            first.Select(v => new WorkLink($"{v.FirstName} {v.LastName} ({v.Mrn})", "/Visits/Details", Q(("id", v.Id)),
                $"{RecordText.Time(clock.ToLocal(v.StartedAt))} · {(v.DischargedAt is null ? "in session" : "discharged")}")).ToList(),
            "No session recorded today yet. Record one from the patient's page.");
    }

    private async Task<WorkQueue> MissingScoresAsync(ClinicClock clock, CancellationToken ct)
    {
        // This week's sessions (Monday to now) that have no PHQ-9 linked: the gap the director's response figures feel.
        var monday = clock.Today.AddDays(-(((int)clock.Today.DayOfWeek + 6) % 7));
        var from = clock.DayStartUtc(monday);
        var missing = db.Visits.AsNoTracking()
            .Where(v => v.StartedAt >= from && v.TreatmentCourseId != null)
            .Where(v => !db.Assessments.Any(a => a.VisitId == v.Id && a.Instrument == Instrument.Phq9));
        var count = await missing.CountAsync(ct);
        var first = await missing.OrderBy(v => v.StartedAt).Take(Shown)
            .Join(db.Patients, v => v.PatientId, p => p.Id, (v, p) => new { v.Id, v.PatientId, v.StartedAt, p.Mrn, p.FirstName, p.LastName }).ToListAsync(ct);
        return new WorkQueue("scores", "Scores missing this week", "clipboard2-pulse", count,
            new WorkLink("All scores", "/Assessments/Index", Q()),
            first.Select(v => new WorkLink($"{v.FirstName} {v.LastName} ({v.Mrn})", "/Assessments/Create",
                Q(("patientId", v.PatientId), ("visitId", v.Id), ("instrument", "Phq9")), $"session {RecordText.Date(clock.DateOf(v.StartedAt))}, no PHQ-9")).ToList(),
            "Every session this week has its PHQ-9.", Urgent: count > 0);
    }

    private async Task<WorkQueue> BalancesDueAsync(CancellationToken ct)
    {
        // Money sums stay decimal (SQLite cannot sum decimals in SQL): read the amounts of patients seen in the last year.
        var since = time.GetUtcNow().UtcDateTime.AddYears(-1);
        var patientIds = db.Visits.Where(v => v.StartedAt >= since).Select(v => v.PatientId).Distinct();
        var charges = await db.ChargeLines.AsNoTracking().Join(db.Visits, c => c.VisitId, v => v.Id, (c, v) => new { v.PatientId, c.Amount })
            .Where(c => patientIds.Contains(c.PatientId)).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Where(p => patientIds.Contains(p.PatientId))
            .Select(p => new { p.PatientId, p.Amount }).ToListAsync(ct);
        var paid = payments.ToLookup(p => p.PatientId, p => p.Amount);
        var due = charges.GroupBy(c => c.PatientId)
            .Select(g => (PatientId: g.Key, Balance: PaymentRules.Balance(g.Select(c => c.Amount), paid[g.Key])))
            .Where(b => b.Balance > 0).OrderByDescending(b => b.Balance).ToList();
        var top = due.Take(Shown).ToList();
        var ids = top.Select(t => t.PatientId).ToList();
        var names = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Mrn, p.FirstName, p.LastName }).ToDictionaryAsync(p => p.Id, ct);
        return new WorkQueue("balances", "Balances due", "cash-coin", due.Count,
            new WorkLink("All patients", "/Patients/Index", Q()),
            top.Select(t => new WorkLink($"{names[t.PatientId].FirstName} {names[t.PatientId].LastName} ({names[t.PatientId].Mrn})", "/Patients/Details",
                Q(("id", t.PatientId)), RecordText.Money(t.Balance))).ToList(),
            "No patient seen in the last year owes anything.");
    }

    private async Task<WorkQueue> SuperbillsToSendAsync(ClinicClock clock, CancellationToken ct)
    {
        // Patients seen recently with a session that no superbill made since covers (so, none since their last session).
        var since = clock.DayStartUtc(clock.Today.AddDays(-SuperbillDays));
        var waiting = db.Visits.Where(v => v.StartedAt >= since && !db.Documents.Any(d => d.PatientId == v.PatientId && d.Kind == DocumentKind.Superbill
                                                                                        && d.VoidedAt == null && d.CreatedAt >= v.StartedAt))
            .Select(v => v.PatientId).Distinct();
        var count = await waiting.CountAsync(ct);
        var ids = await waiting.OrderBy(id => id).Take(Shown).ToListAsync(ct);
        var first = await db.Visits.Where(v => ids.Contains(v.PatientId)).GroupBy(v => v.PatientId).Select(g => new { PatientId = g.Key, Last = g.Max(v => v.StartedAt) })
            .Join(db.Patients, l => l.PatientId, p => p.Id, (l, p) => new { p.Id, p.Mrn, p.FirstName, p.LastName, l.Last }).ToListAsync(ct);
        return new WorkQueue("superbills", "Superbills to send", "receipt", count,
            new WorkLink("Month-end superbills", "/Superbills/Batch", Q()),
            first.Select(p => new WorkLink($"{p.FirstName} {p.LastName} ({p.Mrn})", "/Patients/Details", Q(("id", p.Id)),
                $"last session {RecordText.Date(clock.DateOf(p.Last))}")).ToList(),
            $"Every patient seen in the last {SuperbillDays} days has a superbill made since.");
    }

    private async Task<WorkQueue> LinksNotOpenedAsync(ClinicClock clock, CancellationToken ct)
    {
        // A link sent and never opened is the delivery that failed as far as the clinic can tell: resend or call.
        var now = time.GetUtcNow().UtcDateTime;
        var unopened = db.PatientLinks.AsNoTracking().Where(l => l.LastUsedAt == null && (l.ExpiresAt < now.AddDays(3) || l.LockedAt != null)
                                                               && l.CreatedAt >= now.AddDays(-30));
        var count = await unopened.CountAsync(ct);
        var first = await unopened.OrderBy(l => l.ExpiresAt).Take(Shown)
            .Join(db.Documents, l => l.DocumentId, d => d.Id, (l, d) => new { l.ExpiresAt, l.LockedAt, d.Id, d.DocumentNumber, d.PatientId }).ToListAsync(ct);
        return new WorkQueue("links", "Patient links not opened", "envelope-exclamation", count,
            new WorkLink("Month-end superbills", "/Superbills/Batch", Q()),
            first.Select(l => new WorkLink($"Superbill {l.DocumentNumber}", "/Superbills/Link", Q(("documentId", l.Id)),
                l.LockedAt is not null ? "locked after wrong dates of birth" : l.ExpiresAt < now ? "expired unopened" : $"expires {RecordText.Date(clock.DateOf(l.ExpiresAt))}")).ToList(),
            "Every link sent in the last 30 days was opened or has time left.", Urgent: count > 0);
    }

    private async Task<WorkQueue> LicencesAsync(ClinicClock clock, CancellationToken ct)
    {
        var today = clock.Today;
        var horizon = today.AddDays(StaffView.ExpiryWarningDays);
        var expiring = db.Staff.AsNoTracking().Where(s => (s.EndDate == null || s.EndDate >= today) && s.LicenseExpiresOn != null && s.LicenseExpiresOn <= horizon
                                                          && (s.EndDate == null || s.EndDate >= s.LicenseExpiresOn));
        var count = await expiring.CountAsync(ct);
        var first = await expiring.OrderBy(s => s.LicenseExpiresOn).Take(Shown).Select(s => new { s.Id, s.FirstName, s.LastName, s.LicenseExpiresOn }).ToListAsync(ct);
        return new WorkQueue("licences", "Licences expiring", "patch-exclamation", count,
            new WorkLink("Roster with warnings", "/Staff/Index", Q(("withWarnings", "true"))),
            first.Select(s => new WorkLink($"{s.FirstName} {s.LastName}", "/Staff/Details", Q(("id", s.Id)),
                s.LicenseExpiresOn < today ? $"expired {RecordText.Date(s.LicenseExpiresOn)}" : $"expires {RecordText.Date(s.LicenseExpiresOn)}")).ToList(),
            $"No licence expires in the next {StaffView.ExpiryWarningDays} days.", Urgent: count > 0);
    }

    private async Task<WorkQueue> PriceChangesAsync(ClinicClock clock, CancellationToken ct)
    {
        var today = clock.Today;
        var scheduled = db.ServicePrices.AsNoTracking().Where(p => p.EffectiveFrom > today && p.CancelledAt == null);
        var count = await scheduled.CountAsync(ct);
        var first = await scheduled.OrderBy(p => p.EffectiveFrom).Take(Shown)
            .Join(db.Services, p => p.ServiceId, s => s.Id, (p, s) => new { s.Id, s.Name, p.Amount, p.EffectiveFrom }).ToListAsync(ct);
        return new WorkQueue("prices", "Scheduled price changes", "tags", count,
            new WorkLink("Services & prices", "/Pricing/Index", Q()),
            first.Select(p => new WorkLink(p.Name, "/Pricing/Details", Q(("id", p.Id)), $"{RecordText.Money(p.Amount)} from {RecordText.Date(p.EffectiveFrom)}")).ToList(),
            "No price change is scheduled.");
    }

    private async Task<WorkQueue> LockedAccountsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Few accounts; lockout ends are compared here because SQLite cannot compare DateTimeOffset in SQL.
        var locked = (await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null).Select(u => new { u.Id, u.Email, u.LockoutEnd }).ToListAsync(ct))
            .Where(u => u.LockoutEnd > now).OrderBy(u => u.Email).ToList();
        return new WorkQueue("locked", "Accounts locked", "person-lock", locked.Count,
            new WorkLink("Users", "/Users/Index", Q()),
            locked.Take(Shown).Select(u => new WorkLink(u.Email ?? u.Id, "/Users/Edit", Q(("id", u.Id)), "locked after failed sign-ins")).ToList(),
            "No account is locked.", Urgent: locked.Count > 0);
    }

    private async Task<WorkQueue> FailedJobsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-FailedJobDays);
        var failed = db.JobRuns.AsNoTracking().Where(j => j.Status == JobStatus.Failed && j.CreatedAt >= since);
        if (!May(user, Policies.ManageAdmin))
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            failed = failed.Where(j => j.RequestedByUserId == userId);
        }
        var count = await failed.CountAsync(ct);
        var first = await failed.OrderByDescending(j => j.CreatedAt).Take(Shown).Select(j => new { j.Id, j.Title, j.Kind }).ToListAsync(ct);
        return new WorkQueue("jobs", "Failed jobs", "x-octagon", count,
            new WorkLink("Failed jobs", "/Jobs/Index", Q(("status", nameof(JobStatus.Failed)))),
            first.Select(j => new WorkLink(j.Title, "/Jobs/Index", Q(("status", nameof(JobStatus.Failed))), j.Kind == SuperbillJob.KindName ? "superbill" : null)).ToList(),
            $"No job failed in the last {FailedJobDays} days.", Urgent: count > 0);
    }
}
