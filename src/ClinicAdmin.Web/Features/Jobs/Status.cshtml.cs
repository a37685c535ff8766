using ClinicAdmin.Data;
using ClinicAdmin.Web.Platform.Jobs;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicAdmin.Web.Features.Jobs;

/// <summary>The progress fragment of one run (HTML, no layout), polled by wwwroot/js/jobprogress.js. Same visibility as the Jobs page.</summary>
[Authorize(Policy = Policies.AnyStaff)]
public class StatusModel(ClinicDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var progress = await JobProgress.LoadAsync(db, User, id, null, HttpContext.RequestAborted);
        if (progress is null) return NotFound();
        // A poll must see the stored state, never a cached one.
        Response.Headers.CacheControl = "no-store";
        return Partial(JobProgressBox.Fragment, progress);
    }
}
