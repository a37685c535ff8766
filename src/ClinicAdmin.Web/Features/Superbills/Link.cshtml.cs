using ClinicAdmin.Data;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Features.Superbills;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>
/// Creates a patient link for a superbill. The token is shown once, here (only its hash is stored), or e-mailed to the
/// patient's address on file.
/// </summary>
[Authorize(Policy = Policies.ManagePatients)]
public class LinkModel(ClinicDbContext db, PatientLinks links, LinkMailer mailer, ClinicTime clinicTime, IOptions<SuperbillOptions> options, ILogger<LinkModel> log) : PageModel
{
    [BindProperty(SupportsGet = true)] public int DocumentId { get; set; }
    public string DocumentNumber { get; private set; } = "";
    public int PatientId { get; private set; }
    public string? LinkAddress { get; private set; }
    public DateTime? ExpiresLocal { get; private set; }
    public int Days => options.Value.PatientLinkDays;

    private sealed record Doc(string DocumentNumber, int? PatientId, bool Void, string? Email, string Mrn);

    private Task<Doc?> LoadAsync() => db.Documents.AsNoTracking().Where(d => d.Id == DocumentId && d.Kind == DocumentKind.Superbill)
        .Select(d => new Doc(d.DocumentNumber, d.PatientId, d.VoidedAt != null,
            db.Patients.Where(p => p.Id == d.PatientId).Select(p => p.Email).FirstOrDefault(),
            db.Patients.Where(p => p.Id == d.PatientId).Select(p => p.Mrn).FirstOrDefault() ?? ""))
        .SingleOrDefaultAsync();

    public async Task<IActionResult> OnGetAsync()
    {
        var doc = await LoadAsync();
        if (doc?.PatientId is null) return NotFound();
        (DocumentNumber, PatientId) = (doc.DocumentNumber, doc.PatientId.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var doc = await LoadAsync();
        if (doc?.PatientId is null) return NotFound();
        (DocumentNumber, PatientId) = (doc.DocumentNumber, doc.PatientId.Value);
        if (doc.Void) return VoidRefused(doc);
        var created = await links.CreateAsync(DocumentId, User.Identity?.Name ?? "unknown", HttpContext.RequestAborted);
        LinkAddress = LinkUrl(created.Token);
        ExpiresLocal = (await clinicTime.ClockAsync()).ToLocal(created.ExpiresAt);
        return Page();
    }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        var doc = await LoadAsync();
        if (doc?.PatientId is null) return NotFound();
        (DocumentNumber, PatientId) = (doc.DocumentNumber, doc.PatientId.Value);
        if (doc.Void) return VoidRefused(doc);
        if (string.IsNullOrWhiteSpace(doc.Email))
        {
            TempData["Flash"] = "The patient has no e-mail address on file: add it, or create a link and give it to them.";
            return RedirectToPage("/Patients/Details", new { id = PatientId });
        }
        if (mailer.Delivery == MailDelivery.None)
        {
            // Production without a mail server: say so, and create no link nobody will receive.
            TempData["Flash"] = "E-mail is not set up for this clinic (Smtp:Host): nothing was sent. Create a link and hand it to the patient.";
            return RedirectToPage("/Patients/Details", new { id = PatientId });
        }
        var created = await links.CreateAsync(DocumentId, User.Identity?.Name ?? "unknown", HttpContext.RequestAborted);
        var settingsName = await db.ClinicSettings.Select(s => s.Name).FirstOrDefaultAsync() ?? "Your clinic";
        var expires = (await clinicTime.ClockAsync()).ToLocal(created.ExpiresAt);
        var body = $"Hello,\n\nYour superbill {doc.DocumentNumber} from {settingsName} is ready. Open this link and confirm your date of birth to download it:\n\n"
                 + $"{LinkUrl(created.Token)}\n\nThe link works until {expires:MMMM d, yyyy}. If you did not expect this message, please call us.\n";
        try
        {
            await mailer.SendAsync(doc.Email, $"Your superbill from {settingsName}", body, DocumentId, HttpContext.RequestAborted);
            TempData["Flash"] = $"Link to {doc.DocumentNumber} e-mailed to the patient (valid {Days} days).";
        }
        catch (Exception e) when (e is MailNotSentException or IOException)
        {
            log.LogWarning("Patient link e-mail for document {DocumentId} failed ({ErrorType})", DocumentId, e.GetType().Name);
            TempData["Flash"] = "The e-mail could not be sent (mail server problem). Try again later or create a link to hand over.";
        }
        return RedirectToPage("/Patients/Details", new { id = PatientId });
    }

    private IActionResult VoidRefused(Doc doc)
    {
        TempData["Flash"] = $"{doc.DocumentNumber} is void: send its corrected version instead.";
        return RedirectToPage("/Patients/Details", new { id = PatientId });
    }

    // From App:PublicBaseUrl: behind a proxy the request says http and an internal host.
    private string LinkUrl(string token) => Request.PublicUrl(Url.Page("/Superbills/PatientLinkPage/Index", null, new { t = token })!);
}
