using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Jobs;
using ClinicAdmin.Web.Features.Superbills;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>Month-end: one superbill for every patient with paid visits in a clinic month, as one cancellable job.</summary>
[Authorize(Policy = Policies.ManagePatients)]
public class BatchModel(ClinicDbContext db, JobQueue queue, ClinicTime clinicTime) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the month, e.g. 2026-10."), RegularExpression(@"^\d{4}-(0[1-9]|1[0-2])$", ErrorMessage = "Enter the month as YYYY-MM, e.g. 2026-10.")]
        [Display(Name = "Month")] public string? Month { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? PatientCount { get; private set; }

    public async Task OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        Input.Month ??= clock.Today.AddMonths(-1).ToString("yyyy-MM");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var year = int.Parse(Input.Month![..4]);
        var month = int.Parse(Input.Month[5..]);
        var clock = await clinicTime.ClockAsync();
        if (new DateOnly(year, month, 1) > clock.Today)
        {
            ModelState.AddModelError("Input.Month", "That month has not started yet.");
            return Page();
        }
        var patients = await SuperbillBatchJob.PaidVisitsAsync(db, clock, year, month, HttpContext.RequestAborted);
        if (patients.Count == 0)
        {
            PatientCount = 0;
            ModelState.AddModelError("Input.Month", $"No patient has a paid visit in {Input.Month}: there is nothing to bill.");
            return Page();
        }
        var run = await queue.EnqueueAsync(SuperbillBatchJob.KindName, SuperbillBatchJob.RequestKeyOf(year, month), new SuperbillBatchJob.Parameters(year, month),
            $"Month-end superbills {Input.Month} ({patients.Count} patients)", null, User.Identity?.Name ?? "unknown",
            User.FindFirstValue(ClaimTypes.NameIdentifier), HttpContext.RequestAborted);
        TempData["Flash"] = $"Month-end superbills for {Input.Month} requested (job {run.Id}).";
        return RedirectToPage("/Jobs/Index");
    }
}
