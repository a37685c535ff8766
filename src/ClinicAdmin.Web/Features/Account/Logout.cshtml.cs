using ClinicAdmin.Data.Identity;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Account;

[Authorize(Policy = Policies.AnyStaff)]
public class LogoutModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
