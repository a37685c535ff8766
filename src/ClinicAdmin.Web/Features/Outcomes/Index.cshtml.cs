using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Features.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Outcomes;

/// <summary>Monthly outcome workbooks: every month with its versions, and generating / regenerating any month.</summary>
[Authorize(Policy = Policies.MedicalDirector)]
public class IndexModel(ClinicDbContext db, OutcomeWorkbookRequests requests, ClinicTime clinicTime,
                        Microsoft.Extensions.Options.IOptions<ReportsOptions> options, TimeProvider time) : PageModel
{
    public sealed record Version(int Id, int Number, string FileName, int Bytes, string CreatedBy, DateTime CreatedLocal);
    public sealed record MonthRow(DateOnly Month, string Scope, IReadOnlyList<Version> Versions);
    public sealed record RunRow(int Id, string Title, JobStatus Status, int Percent, string? Error);
    /// <summary>The scheduled run of <see cref="ScheduledLocal"/> left its month without a group workbook, and why.</summary>
    public sealed record MissedMonth(DateOnly Month, DateTime ScheduledLocal, string Reason);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a month.")]
        [RegularExpression(@"^\d{4}-\d{2}$", ErrorMessage = "Use the form YYYY-MM, e.g. 2026-02.")]
        [Display(Name = "Month")]
        public string? Month { get; set; }

        /// <summary>Empty for the whole group.</summary>
        [Display(Name = "Location")]
        public int? LocationId { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<MonthRow> Months { get; private set; } = [];
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Locations { get; private set; } = [];
    public MissedMonth? Missed { get; private set; }
    /// <summary>The workbook just queued from here: its progress box (?job=N after the redirect).</summary>
    [BindProperty(SupportsGet = true)] public int? Job { get; set; }
    public Platform.Jobs.JobProgress? Progress { get; private set; }

    public async Task OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        Input.Month ??= clock.Today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await LoadAsync();
        if (Job is { } job) Progress = await Platform.Jobs.JobProgress.LoadAsync(db, User, job, Request.Path + Request.QueryString, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostGenerateAsync()
    {
        var clock = await clinicTime.ClockAsync();
        DateOnly month = default;
        if (ModelState.IsValid && !DateOnly.TryParseExact(Input.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
            ModelState.AddModelError("Input.Month", "Use the form YYYY-MM, e.g. 2026-02.");
        else if (ModelState.IsValid && month > new DateOnly(clock.Today.Year, clock.Today.Month, 1))
            ModelState.AddModelError("Input.Month", "That month has not started yet.");
        else if (ModelState.IsValid && month.Year < 2000)
            ModelState.AddModelError("Input.Month", "Choose a month from 2000 on.");
        if (Input.LocationId is { } lid && !await db.Locations.AnyAsync(l => l.Id == lid))
            ModelState.AddModelError("Input.LocationId", "Choose a location from the list, or all locations.");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var run = await requests.RequestNextAsync(month.Year, month.Month, User.Identity?.Name ?? "unknown", User.FindFirstValue(ClaimTypes.NameIdentifier),
            locationId: Input.LocationId);
        // Back to this page: its progress box follows the run's stored state until the download link appears.
        return RedirectToPage(new { job = run.Id });
    }

    private async Task LoadAsync()
    {
        var clock = await clinicTime.ClockAsync();
        var locations = await db.Locations.AsNoTracking().OrderByDescending(l => l.IsActive).ThenBy(l => l.Code).Select(l => new { l.Id, l.Code, l.Name }).ToListAsync();
        Locations = locations.Select(l => (l.Id, $"{l.Code} · {l.Name}")).ToList();
        var docs = await db.Documents.AsNoTracking().Where(d => d.Kind == DocumentKind.OutcomeWorkbook && d.PeriodStart != null)
            .Select(d => new { d.Id, d.PeriodStart, d.LocationId, d.Version, d.FileName, Bytes = d.Content.Length, d.CreatedBy, d.CreatedAt })
            .ToListAsync();
        string ScopeOf(int? id) => id is { } l ? Locations.FirstOrDefault(x => x.Id == l).Label ?? $"Location #{l}" : "All locations";
        // The group's workbook first within a month, then each location's by code.
        Months = docs.GroupBy(d => (Month: d.PeriodStart!.Value, d.LocationId)).OrderByDescending(g => g.Key.Month)
            .ThenBy(g => g.Key.LocationId is null ? "" : ScopeOf(g.Key.LocationId), StringComparer.Ordinal)
            .Select(g => new MonthRow(g.Key.Month, ScopeOf(g.Key.LocationId), g.OrderByDescending(d => d.Version)
                .Select(d => new Version(d.Id, d.Version, d.FileName, d.Bytes, d.CreatedBy, clock.ToLocal(d.CreatedAt))).ToList()))
            .ToList();
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Kind == OutcomeWorkbookJob.KindName && r.Status != JobStatus.Succeeded)
            .OrderByDescending(r => r.Id).Take(20)
            .Select(r => new { r.Id, r.Title, r.Status, r.ProgressDone, r.ProgressTotal, r.Error }).ToListAsync();
        Runs = runs.Select(r => new RunRow(r.Id, r.Title, r.Status, r.ProgressTotal <= 0 ? 0 : 100 * r.ProgressDone / r.ProgressTotal, r.Error)).ToList();
        Missed = await MissedAsync(clock, docs.Where(d => d.LocationId is null).Select(d => d.PeriodStart!.Value).ToHashSet());
    }

    /// <summary>
    /// The last scheduled run's month when it has no group workbook and no run of it is still under way: the failed
    /// run's error says why, else the schedule has not run (the app was down, or the trigger is not registered).
    /// </summary>
    private async Task<MissedMonth?> MissedAsync(Domain.Common.ClinicClock clock, HashSet<DateOnly> groupMonths)
    {
        if (OutcomeWorkbookSchedule.LastFireAtOrBefore(time.GetUtcNow(), clock.Zone, options.Value.WorkbookSchedule) is not { } fired) return null;
        var (year, month) = OutcomeWorkbookSchedule.MonthFor(fired, clock.Zone);
        var start = new DateOnly(year, month, 1);
        if (groupMonths.Contains(start)) return null;
        var prefix = OutcomeWorkbookJob.PrefixOf(year, month, null);
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Kind == OutcomeWorkbookJob.KindName && r.RequestKey.StartsWith(prefix))
            .OrderByDescending(r => r.Id).Select(r => new { r.Status, r.Error }).ToListAsync();
        if (runs.Any(r => r.Status is JobStatus.Queued or JobStatus.Running)) return null;
        var last = runs.FirstOrDefault();
        var reason = last switch
        {
            { Error: { Length: > 0 } error } => error,
            { Status: JobStatus.Cancelled } => "it was cancelled",
            _ => "it has not run yet",
        };
        return new MissedMonth(start, clock.ToLocal(fired.UtcDateTime), reason);
    }
}
