using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicAdmin.Web.Features.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required, EmailAddress, StringLength(200)] public string Email { get; set; } = "";
        [Required, StringLength(200), DataType(DataType.Password)] public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError("", "This account is disabled. Ask your practice manager.");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user?.UserName ?? Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in", user!.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        // Log the account id only: never the typed email or password.
        if (result.IsLockedOut)
        {
            log.LogWarning("Sign-in refused: account {UserId} locked out", user?.Id);
            ModelState.AddModelError("", "Too many failed attempts: this account is locked for a while. Try again later or ask your practice manager.");
        }
        else ModelState.AddModelError("", "Email or password is wrong.");
        Input.Password = "";
        return Page();
    }
}
