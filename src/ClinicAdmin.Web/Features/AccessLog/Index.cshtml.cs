using ClinicAdmin.Data;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.AccessLog;

/// <summary>
/// The way into a patient's access report for the practice manager, who has no patient pages: type the MRN.
/// It posts, so the MRN stays out of addresses and proxy logs, and answers with the report's address (by id).
/// </summary>
[Authorize(Policy = Policies.ReadAudit)]
public class IndexModel(ClinicDbContext db) : PageModel
{
    [BindProperty] public string? Mrn { get; set; }
    public bool NotFoundMessage { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var mrn = (Mrn ?? "").Trim().ToUpperInvariant();
        // Anything that cannot be an MRN (empty, long, control characters such as NUL, which PostgreSQL refuses) finds nobody.
        var id = mrn.Length is 0 or > 40 || mrn.Any(char.IsControl) ? null : await db.Patients.AsNoTracking().Where(p => p.Mrn == mrn).Select(p => (int?)p.Id).SingleOrDefaultAsync();
        if (id is null) { NotFoundMessage = true; return Page(); }
        return RedirectToPage("Patient", new { id });
    }
}
