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
/// A matching date of birth redirects to a success state (?handler=Done) that starts the download and offers it again
/// while the short-lived verified cookie lives: the form post itself never answers with the file, so no stale error stays on screen.
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
    public bool Verified { get; private set; }
    public bool StartDownload { get; private set; }
    public string? Message { get; private set; }
    public string ClinicName { get; private set; } = "";

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
        return await PageAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var token = cookie.Read(Request);
        var link = await links.FindUsableAsync(token, ct);
        if (link is null) { Valid = false; return await PageAsync(); }
        Valid = true;
        if (!ModelState.IsValid) return await PageAsync();
        // Reserve the try before comparing: parallel wrong guesses can never get more than the allowed tries.
        if (await links.ReserveAttemptAsync(link.Id, ct) is not { } attempts) { Valid = false; return await PageAsync(); }
        var dob = await db.Documents.AsNoTracking().Where(d => d.Id == link.DocumentId)
            .Select(d => db.Patients.Where(p => p.Id == d.PatientId).Select(p => (DateOnly?)p.DateOfBirth).FirstOrDefault())
            .SingleAsync(ct);
        if (dob is null || dob != Input.DateOfBirth)
        {
            var locked = attempts >= Domain.Documents.PatientLink.MaxFailedAttempts;
            if (locked) await links.LockAsync(link.Id, ct);
            log.LogWarning("Patient link {LinkId}: wrong date of birth (attempt {Attempts}){Locked}", link.Id, attempts, locked ? ", now locked" : "");
            if (locked) { Valid = false; return await PageAsync(); }
            Message = $"The date of birth does not match our records. {Domain.Documents.PatientLink.MaxFailedAttempts - attempts} tries left.";
            return await PageAsync();
        }
        await links.ReleaseAttemptAsync(link.Id, ct);
        cookie.IssueVerified(Response, token!);
        return RedirectToPage(null, "Done", new { start = 1 });
    }

    /// <summary>The success state: only with a verified cookie for a link that is still usable, else back to the form.</summary>
    public async Task<IActionResult> OnGetDoneAsync(int? start)
    {
        if (await VerifiedLinkAsync() is null) return Redirect(PatientLinkCookie.Path);
        Valid = Verified = true;
        StartDownload = start == 1;
        return await PageAsync();
    }

    /// <summary>The PDF, for a browser whose date of birth was confirmed (each download audited).</summary>
    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (await VerifiedLinkAsync() is not { } link) return Redirect(PatientLinkCookie.Path);
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == link.DocumentId)
            .Select(d => new { d.Content, d.FileName, d.ContentType }).SingleAsync(ct);
        DownloadAudit.Add(db, link.DocumentId, null, "patient link", time.GetUtcNow().UtcDateTime, $"patient link {link.Id}");
        await db.SaveChangesAsync(ct);
        return File(doc.Content, doc.ContentType, doc.FileName);
    }

    private Task<Domain.Documents.PatientLink?> VerifiedLinkAsync() =>
        links.FindUsableAsync(cookie.ReadVerified(Request), HttpContext.RequestAborted);

    private async Task<IActionResult> PageAsync()
    {
        ClinicName = await db.ClinicSettings.AsNoTracking().Select(s => s.Name).FirstOrDefaultAsync(HttpContext.RequestAborted) ?? "";
        return Page();
    }
}
