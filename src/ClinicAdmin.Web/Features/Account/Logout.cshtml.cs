using ClinicAdmin.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Account;

/// <summary>
/// Sign-out. It also renews the account's security stamp, so a copy of this session's cookie (kept from a shared
/// workstation or a proxy log) stops working too: Identity re-checks the stamp on every request.
/// </summary>
[Authorize(Policy = Policies.AnyStaff)]
public class LogoutModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
