using ClinicAdmin.Data;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Home;

[Authorize(Policy = Policies.AnyStaff)]
public class IndexModel(ClinicDbContext db) : PageModel
{
    public string ClinicName { get; private set; } = "";

    public async Task OnGetAsync() =>
        ClinicName = await db.ClinicSettings.Select(s => s.Name).FirstOrDefaultAsync() ?? "ClinicAdmin";
}
