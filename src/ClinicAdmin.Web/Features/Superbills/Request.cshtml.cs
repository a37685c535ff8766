using ClinicAdmin.Domain.Common;
using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Features.Superbills;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>Request a superbill for one patient: one visit, a whole course or a date range. Checked before it is queued.</summary>
[Authorize(Policy = Policies.ManagePatients)]
public class RequestModel(ClinicDbContext db, SuperbillRequests requests, SuperbillBuilder builder, ClinicTime clinicTime) : PageModel
{
    public enum RequestKind { Course, Visit, Range }

    public sealed class InputModel
    {
        [Display(Name = "Superbill for")] public RequestKind Kind { get; set; } = RequestKind.Course;
        [Display(Name = "Visit")] public int? VisitId { get; set; }
        [Display(Name = "Treatment course")] public int? CourseId { get; set; }
        [Display(Name = "From")] public DateOnly? From { get; set; }
        [Display(Name = "To")] public DateOnly? To { get; set; }
        /// <summary>Empty: the course's supervising provider, else whoever rendered the last visit.</summary>
        [Display(Name = "Signed by (provider of record)")] public int? SignerId { get; set; }
    }

    public sealed record Option(int Id, string Label);

    [BindProperty(SupportsGet = true)] public int PatientId { get; set; }
    /// <summary>The superbill just queued from here: its progress box (?job=N after the redirect).</summary>
    [BindProperty(SupportsGet = true)] public int? Job { get; set; }
    public Platform.Jobs.JobProgress? Progress { get; private set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public string Mrn { get; private set; } = "";
    public string PatientName { get; private set; } = "";
    public IReadOnlyList<Option> Visits { get; private set; } = [];
    public IReadOnlyList<Option> Courses { get; private set; } = [];
    public IReadOnlyList<Option> Signers { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        // Someone else's or an unknown run simply shows no box (the Jobs rule decides who sees a run).
        if (Job is { } job) Progress = await Platform.Jobs.JobProgress.LoadAsync(db, User, job, Request.Path + Request.QueryString, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        SuperbillScope? scope = null;
        switch (Input.Kind)
        {
            case RequestKind.Visit when Input.VisitId is { } v && Visits.Any(x => x.Id == v): scope = SuperbillScope.ForVisit(PatientId, v); break;
            case RequestKind.Visit: ModelState.AddModelError("Input.VisitId", "Choose a visit of this patient."); break;
            case RequestKind.Course when Input.CourseId is { } c && Courses.Any(x => x.Id == c): scope = SuperbillScope.ForCourse(PatientId, c); break;
            case RequestKind.Course: ModelState.AddModelError("Input.CourseId", "Choose a treatment course of this patient."); break;
            default:
                if (Input.From is null) ModelState.AddModelError("Input.From", "Enter the first date.");
                if (Input.To is null) ModelState.AddModelError("Input.To", "Enter the last date.");
                else if (Input.From is { } f0 && Input.To < f0) ModelState.AddModelError("Input.To", "The last date cannot be before the first.");
                if (ModelState.IsValid) scope = SuperbillScope.ForRange(PatientId, Input.From!.Value, Input.To!.Value);
                break;
        }
        if (scope is null || !ModelState.IsValid) return Page();
        // The signer goes into the job's parameters: the one chosen, else the default resolved now (so the job does not guess).
        scope = scope with { SignerId = Input.SignerId ?? await builder.DefaultSignerIdAsync(scope, HttpContext.RequestAborted) };

        var title = Input.Kind switch
        {
            RequestKind.Visit => $"Superbill, visit — patient #{PatientId}",
            RequestKind.Course => $"Superbill, treatment course — patient #{PatientId}",
            _ => $"Superbill, {RecordText.Date(Input.From)} to {RecordText.Date(Input.To)} — patient #{PatientId}",
        };
        var result = await requests.RequestAsync(scope, 1, null, title, User, HttpContext.RequestAborted);
        if (result.Run is null) { Problems = result.Problems; return Page(); }
        // Back to this page: its progress box follows the run's stored state until the result link appears.
        return RedirectToPage(new { patientId = PatientId, job = result.Run.Id });
    }

    /// <summary>"Issue corrected version": version n+1 of a stored superbill; the old one is voided when the new one is stored.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(int documentId)
    {
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.Kind == DocumentKind.Superbill)
            .Select(d => new { d.RequestKey, d.Version, d.PatientId, d.VoidedAt, d.DocumentNumber }).SingleOrDefaultAsync();
        if (doc?.PatientId is not { } patientId) return NotFound();
        PatientId = patientId;
        if (doc.VoidedAt is not null)
        {
            TempData["Flash"] = $"{doc.DocumentNumber} is already void; correct its newest version instead.";
            return RedirectToPage("/Patients/Details", new { id = patientId });
        }
        var scope = await requests.ScopeOfAsync(doc.RequestKey, patientId, HttpContext.RequestAborted);
        if (scope is null) return NotFound();
        // A corrected version keeps the original's provider of record (none stored: signed the old way, as the original was).
        scope = scope with { SignerId = await requests.SignerOfAsync(doc.RequestKey, HttpContext.RequestAborted) };
        await LoadAsync();
        var result = await requests.RequestAsync(scope with { }, doc.Version + 1, documentId, $"Superbill {doc.DocumentNumber}, corrected version {doc.Version + 1} — patient #{patientId}", User, HttpContext.RequestAborted);
        if (result.Run is null)
        {
            TempData["Flash"] = $"{doc.DocumentNumber} cannot be corrected yet: " + string.Join(" ", result.Problems);
            return RedirectToPage("/Patients/Details", new { id = patientId });
        }
        TempData["Flash"] = $"Corrected version of {doc.DocumentNumber} requested.";
        // Like a new request: this patient's request page follows the run until the corrected file's link appears.
        return RedirectToPage(new { patientId, job = result.Run.Id });
    }

    private async Task<bool> LoadAsync()
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == PatientId).Select(p => new { p.Mrn, p.FirstName, p.LastName }).SingleOrDefaultAsync();
        if (patient is null) return false;
        Mrn = patient.Mrn;
        PatientName = $"{patient.FirstName} {patient.LastName}";
        var clock = await clinicTime.ClockAsync();
        var visits = await db.Visits.AsNoTracking().Where(v => v.PatientId == PatientId).OrderByDescending(v => v.StartedAt)
            .Select(v => new { v.Id, v.StartedAt, v.SessionNumber, Lines = v.ChargeLines.Count }).ToListAsync();
        Visits = visits.Select(v => new Option(v.Id, $"{RecordText.DateTime(clock.ToLocal(v.StartedAt))}{(v.SessionNumber is { } s ? $" · session {s}" : "")}{(v.Lines == 0 ? " · no charges" : "")}")).ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => c.PatientId == PatientId).OrderByDescending(c => c.StartDate)
            .Select(c => new { c.Id, c.Indication, c.StartDate, c.Status, Supervisor = db.Staff.Where(s => s.Id == c.SupervisingProviderId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefault() })
            .ToListAsync();
        Courses = courses.Select(c => new Option(c.Id, $"{Vocabulary.Label(c.Indication)} from {RecordText.Date(c.StartDate)} ({Vocabulary.Label(c.Status)})"
                                                       + (c.Supervisor is null ? "" : $" · provider of record {c.Supervisor}"))).ToList();
        Signers = (await builder.SignersAsync()).Select(s => new Option(s.Id, s.Label)).ToList();
        return true;
    }
}
