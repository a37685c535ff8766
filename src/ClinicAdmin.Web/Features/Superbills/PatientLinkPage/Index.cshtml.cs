using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Web.Features.Superbills;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Superbills.PatientLinkPage;

/// <summary>
/// The patient's side of a superbill link: no sign-in; the date of birth must match before the PDF is served. An
/// unknown, expired, locked or voided link gets the same neutral page, so the page reveals nothing without a good token.
/// </summary>
[AllowAnonymous]
public class IndexModel(ClinicDbContext db, PatientLinks links, TimeProvider time, ILogger<IndexModel> log) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your date of birth.")]
        [Display(Name = "Date of birth")] public DateOnly? DateOfBirth { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Valid { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Valid = await links.FindUsableAsync(Token, HttpContext.RequestAborted) is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var link = await links.FindUsableAsync(Token, HttpContext.RequestAborted);
        if (link is null) { Valid = false; return Page(); }
        Valid = true;
        if (!ModelState.IsValid) return Page();
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == link.DocumentId)
            .Select(d => new { d.Content, d.FileName, d.ContentType, Dob = db.Patients.Where(p => p.Id == d.PatientId).Select(p => (DateOnly?)p.DateOfBirth).FirstOrDefault() })
            .SingleAsync();
        var now = time.GetUtcNow().UtcDateTime;
        if (doc.Dob is null || doc.Dob != Input.DateOfBirth)
        {
            var locked = link.RecordFailedAttempt(now);
            await db.SaveChangesAsync();
            log.LogWarning("Patient link {LinkId}: wrong date of birth (attempt {Attempts}){Locked}", link.Id, link.FailedAttempts, locked ? ", now locked" : "");
            if (locked) { Valid = false; return Page(); }
            Message = $"The date of birth does not match our records. {Domain.Documents.PatientLink.MaxFailedAttempts - link.FailedAttempts} tries left.";
            return Page();
        }
        link.LastUsedAt = now;
        DownloadAudit.Add(db, link.DocumentId, null, "patient link", now, $"patient link {link.Id}");
        await db.SaveChangesAsync();
        return File(doc.Content, doc.ContentType, doc.FileName);
    }
}
