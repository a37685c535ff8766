using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Jobs;

/// <summary>Background jobs: staff see the runs they asked for; practice managers and medical directors see all.</summary>
[Authorize(Policy = Policies.AnyStaff)]
public class IndexModel(ClinicDbContext db, JobQueue queue, ClinicTime clinicTime, IAuthorizationService auth) : PageModel
{
    public sealed record Row(int Id, string Title, string Kind, string RequestedBy, DateTime CreatedLocal, JobStatus Status,
                             int Attempts, int MaxAttempts, int Done, int Total, string? ProgressText, string? Error,
                             int? DocumentId, DateTime? NextAttemptLocal, bool CancelRequested,
                             int? PatientId = null, string? PatientMrn = null, string? DocumentLabel = null)
    {
        public bool CanCancel => Status is JobStatus.Queued or JobStatus.Running && !CancelRequested;
        public bool CanRetry => Status is JobStatus.Failed or JobStatus.Cancelled;
    }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>Rows link to their patient only for those who may open the patient's page.</summary>
    public bool CanOpenPatients { get; private set; }
    public bool SeesAll => JobAccess.SeesAll(User);

    private IQueryable<JobRun> Visible() => db.JobRuns.AsNoTracking().VisibleTo(User);

    public async Task OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        CanOpenPatients = (await auth.AuthorizeAsync(User, Policies.ManagePatients)).Succeeded;
        var runs = Visible();
        if (Enum.TryParse<JobStatus>(Status, out var s)) runs = runs.Where(r => r.Status == s);
        var list = await runs.OrderByDescending(r => r.Id).Take(200)
            .Select(r => new { r.Id, r.Title, r.Kind, r.RequestedBy, r.CreatedAt, r.Status, r.Attempts, r.MaxAttempts, r.ProgressDone, r.ProgressTotal, r.ProgressText, r.Error, r.DocumentId, r.NextAttemptAt, r.CancelRequested, r.PatientId,
                Mrn = db.Patients.Where(p => p.Id == r.PatientId).Select(p => p.Mrn).FirstOrDefault(),
                Doc = db.Documents.Where(d => d.Id == r.DocumentId).Select(d => d.DocumentNumber != "" ? d.DocumentNumber : d.FileName).FirstOrDefault() })
            .ToListAsync();
        Rows = list.Select(r => new Row(r.Id, r.Title, r.Kind, r.RequestedBy, clock.ToLocal(r.CreatedAt), r.Status, r.Attempts, r.MaxAttempts,
            r.ProgressDone, r.ProgressTotal, r.ProgressText, r.Error, r.DocumentId, r.NextAttemptAt is { } n ? clock.ToLocal(n) : null, r.CancelRequested,
            CanOpenPatients ? r.PatientId : null, CanOpenPatients ? r.Mrn : null, r.Doc)).ToList();
    }

    /// <summary>Polled by wwwroot/js/jobs.js for live progress of the runs on the page.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int[] ids)
    {
        var rows = await Visible().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, status = r.Status.ToString(), done = r.ProgressDone, total = r.ProgressTotal, text = r.ProgressText, error = r.Error, attempts = r.Attempts, documentId = r.DocumentId })
            .ToListAsync();
        return new JsonResult(rows);
    }

    public async Task<IActionResult> OnPostCancelAsync(int id) => await ActAsync(id, "Cancel requested.", queue.CancelAsync);
    public async Task<IActionResult> OnPostRetryAsync(int id) => await ActAsync(id, "Queued again.", queue.RetryAsync);

    private async Task<IActionResult> ActAsync(int id, string done, Func<int, CancellationToken, Task> action)
    {
        // Only the requester, a practice manager or a medical director may act on a run.
        if (!await Visible().AnyAsync(r => r.Id == id)) return NotFound();
        try
        {
            await action(id, HttpContext.RequestAborted);
            TempData["Flash"] = $"Job {id}: {done}";
        }
        catch (DomainException e) { TempData["Flash"] = $"Job {id}: {e.Message}"; }
        return RedirectToPage(new { Status });
    }
}
