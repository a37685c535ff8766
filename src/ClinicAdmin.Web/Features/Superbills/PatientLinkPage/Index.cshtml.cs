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
public class IndexModel(ClinicDbContext db, PatientLinks links, PatientLinkCookie cookie, TimeProvider time, ILogger<IndexModel> log) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your date of birth.")]
        [Display(Name = "Date of birth")] public DateOnly? DateOfBirth { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Valid { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "t")] string? t)
    {
        // First use: the token leaves the address bar for a short-lived cookie. Any token is exchanged, known or not,
        // so the redirect itself tells nothing about the link.
        if (!string.IsNullOrEmpty(t))
        {
            cookie.Issue(Response, t.Length > 100 ? "" : t);
            return Redirect(PatientLinkCookie.Path);
        }
        Valid = await links.FindUsableAsync(cookie.Read(Request), HttpContext.RequestAborted) is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var link = await links.FindUsableAsync(cookie.Read(Request), ct);
        if (link is null) { Valid = false; return Page(); }
        Valid = true;
        if (!ModelState.IsValid) return Page();
        // Reserve the try before comparing: parallel wrong guesses can never get more than the allowed tries.
        if (await links.ReserveAttemptAsync(link.Id, ct) is not { } attempts) { Valid = false; return Page(); }
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == link.DocumentId)
            .Select(d => new { d.Content, d.FileName, d.ContentType, Dob = db.Patients.Where(p => p.Id == d.PatientId).Select(p => (DateOnly?)p.DateOfBirth).FirstOrDefault() })
            .SingleAsync(ct);
        if (doc.Dob is null || doc.Dob != Input.DateOfBirth)
        {
            var locked = attempts >= Domain.Documents.PatientLink.MaxFailedAttempts;
            if (locked) await links.LockAsync(link.Id, ct);
            log.LogWarning("Patient link {LinkId}: wrong date of birth (attempt {Attempts}){Locked}", link.Id, attempts, locked ? ", now locked" : "");
            if (locked) { Valid = false; return Page(); }
            Message = $"The date of birth does not match our records. {Domain.Documents.PatientLink.MaxFailedAttempts - attempts} tries left.";
            return Page();
        }
        await links.ReleaseAttemptAsync(link.Id, ct);
        DownloadAudit.Add(db, link.DocumentId, null, "patient link", time.GetUtcNow().UtcDateTime, $"patient link {link.Id}");
        await db.SaveChangesAsync(ct);
        return File(doc.Content, doc.ContentType, doc.FileName);
    }
}
