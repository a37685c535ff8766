using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ClinicAdmin.Web.Features.Account;

/// <summary>
/// The second sign-in step for an account with two-step sign-in: the 6-digit code from the authenticator app, or one
/// of the recovery codes (each works once). A wrong code counts as a failed sign-in towards the lockout, recovery codes
/// included, and gets one generic message. Reached only after the right password (Identity's two-factor cookie).
/// </summary>
[AllowAnonymous]
public class LoginCodeModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, ILogger<LoginCodeModel> log) : PageModel
{
    public const string Failure = "That code is not right, or this account cannot sign in right now. If it keeps happening, ask your practice manager.";

    [BindProperty, Required(ErrorMessage = "Enter the code."), StringLength(40), Display(Name = "Code")]
    public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        if (!ModelState.IsValid) return Page();

        var typed = new string(Code!.Where(c => !char.IsWhiteSpace(c)).ToArray());
        SignInResult result;
        string kind;
        if (typed.Length == 6 && typed.All(char.IsAsciiDigit))
        {
            kind = "authenticator code";
            // Identity counts a wrong code as a failed access (lockout) and refuses a locked account.
            result = await signIn.TwoFactorAuthenticatorSignInAsync(typed, isPersistent: false, rememberClient: false);
        }
        else
        {
            kind = "recovery code";
            // Identity does not count wrong recovery codes; here they count like any wrong code.
            if (await users.IsLockedOutAsync(user) || user.IsDisabled) result = SignInResult.LockedOut;
            else
            {
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(typed.ToUpperInvariant());
                if (!result.Succeeded) await users.AccessFailedAsync(user);
            }
        }
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in with {Kind}", user.Id, kind);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        log.LogWarning("Sign-in failed: {Account} (wrong {Kind}{Locked})", user.Id, kind, result.IsLockedOut ? ", account locked" : "");
        ModelState.AddModelError("", Failure);
        Code = "";
        return Page();
    }
}
