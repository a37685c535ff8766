using System.Security.Claims;
using ClinicAdmin.Data;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Features.Superbills;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>Streams a stored document exactly as issued (attachment, stored file name). Every download is audited.</summary>
[Authorize(Policy = Policies.ManagePatients)]
public class DownloadModel(ClinicDbContext db, TimeProvider time) : PageModel, IPatientDataPage
{
    /// <summary>For the access log: a document (of a patient, or clinic-wide) was downloaded.</summary>
    public PatientAccess? Access { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Content, d.FileName, d.ContentType, d.Kind, d.PatientId }).SingleOrDefaultAsync();
        if (doc is null) return NotFound();
        // Outcome workbooks are the medical director's (clinic-wide clinical figures), not the front desk's.
        if (doc.Kind == Domain.Documents.DocumentKind.OutcomeWorkbook && !User.IsInRole(Domain.Common.Roles.MedicalDirector))
            return Forbid();
        // A workbook holds every patient's figures for a month: the password must have been typed lately (issue 13).
        if (doc.Kind == Domain.Documents.DocumentKind.OutcomeWorkbook && !await SignInRules.IsRecentAsync(HttpContext))
            return SignInRules.Reauthenticate(Request);
        DownloadAudit.Add(db, id, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "unknown", time.GetUtcNow().UtcDateTime, "staff");
        await db.SaveChangesAsync();
        Access = PatientAccess.Download(doc.PatientId);
        return File(doc.Content, doc.ContentType, doc.FileName);
    }
}
