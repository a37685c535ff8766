using ClinicAdmin.Data;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.AccessLog;

/// <summary>
/// The ways into the access reports: a patient's (type the MRN: the practice manager has no patient pages; it posts, so
/// the MRN stays out of addresses and proxy logs, and answers with the report's address by id) and a staff member's.
/// </summary>
[Authorize(Policy = Policies.ReadAudit)]
public class IndexModel(ClinicDbContext db) : PageModel
{
    [BindProperty] public string? Mrn { get; set; }
    public bool NotFoundMessage { get; private set; }
    /// <summary>Every sign-in account, for "Accesses by a staff member" (e-mail addresses of staff, not patient data).</summary>
    public IReadOnlyList<(string Id, string Email)> Accounts { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAccountsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAccountsAsync();
        var mrn = (Mrn ?? "").Trim().ToUpperInvariant();
        // Anything that cannot be an MRN (empty, long, control characters such as NUL, which PostgreSQL refuses) finds nobody.
        var id = mrn.Length is 0 or > 40 || mrn.Any(char.IsControl) ? null : await db.Patients.AsNoTracking().Where(p => p.Mrn == mrn).Select(p => (int?)p.Id).SingleOrDefaultAsync();
        if (id is null) { NotFoundMessage = true; return Page(); }
        return RedirectToPage("Patient", new { id });
    }

    private async Task LoadAccountsAsync() =>
        Accounts = (await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync())
            .Select(u => (u.Id, u.Email ?? u.Id)).ToList();
}
