using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Web.Infrastructure;
using ClinicAdmin.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Pages.Reports;

/// <summary>Monthly outcome workbooks: every month with its versions, and generating / regenerating any month.</summary>
[Authorize(Policy = Policies.MedicalDirector)]
public class IndexModel(ClinicDbContext db, OutcomeWorkbookRequests requests, ClinicTime clinicTime) : PageModel
{
    public sealed record Version(int Id, int Number, string FileName, int Bytes, string CreatedBy, DateTime CreatedLocal);
    public sealed record MonthRow(DateOnly Month, IReadOnlyList<Version> Versions);
    public sealed record RunRow(int Id, string Title, JobStatus Status, int Percent, string? Error);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a month.")]
        [RegularExpression(@"^\d{4}-\d{2}$", ErrorMessage = "Use the form YYYY-MM, e.g. 2026-02.")]
        [Display(Name = "Month")]
        public string? Month { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<MonthRow> Months { get; private set; } = [];
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        Input.Month ??= clock.Today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await LoadAsync();
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
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var run = await requests.RequestNextAsync(month.Year, month.Month, User.Identity?.Name ?? "unknown", User.FindFirstValue(ClaimTypes.NameIdentifier));
        TempData["Flash"] = $"{run.Title} is queued; its progress shows below.";
        return RedirectToPage("/Jobs/Index");
    }

    private async Task LoadAsync()
    {
        var clock = await clinicTime.ClockAsync();
        var docs = await db.Documents.AsNoTracking().Where(d => d.Kind == DocumentKind.OutcomeWorkbook && d.PeriodStart != null)
            .Select(d => new { d.Id, d.PeriodStart, d.Version, d.FileName, Bytes = d.Content.Length, d.CreatedBy, d.CreatedAt })
            .ToListAsync();
        Months = docs.GroupBy(d => d.PeriodStart!.Value).OrderByDescending(g => g.Key)
            .Select(g => new MonthRow(g.Key, g.OrderByDescending(d => d.Version)
                .Select(d => new Version(d.Id, d.Version, d.FileName, d.Bytes, d.CreatedBy, clock.ToLocal(d.CreatedAt))).ToList()))
            .ToList();
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Kind == OutcomeWorkbookJob.KindName && r.Status != JobStatus.Succeeded)
            .OrderByDescending(r => r.Id).Take(20)
            .Select(r => new { r.Id, r.Title, r.Status, r.ProgressDone, r.ProgressTotal, r.Error }).ToListAsync();
        Runs = runs.Select(r => new RunRow(r.Id, r.Title, r.Status, r.ProgressTotal <= 0 ? 0 : 100 * r.ProgressDone / r.ProgressTotal, r.Error)).ToList();
    }
}
