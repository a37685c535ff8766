using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicAdmin.Web.Features.Account;

/// <summary>
/// "Confirm it is you" before a sensitive change (pages with [RequireRecentSignIn], workbook downloads): the password,
/// plus the authenticator or a recovery code when the account has two-step sign-in. Wrong answers count towards the
/// lockout, and a lockout ends the session. Success stamps this session's cookie and returns to the page (local only).
/// </summary>
[Authorize(Policy = Policies.AnyStaff)]
public class ReauthenticateModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, TimeProvider time,
    ILogger<ReauthenticateModel> log) : PageModel
{
    public const string Failure = "That password or code is not right. Too many wrong tries lock the account.";

    [BindProperty, Required(ErrorMessage = "Enter your password."), StringLength(200), DataType(DataType.Password)]
    public string? Password { get; set; }
    [BindProperty, StringLength(40), Display(Name = "Code")] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool NeedsCode { get; private set; }
    /// <summary>What the user was saving when asked; after a good confirmation it is offered back, one click to save.</summary>
    public PendingForm? Pending { get; private set; }
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        NeedsCode = user.TwoFactorEnabled;
        Pending = PendingForm.For(HttpContext, ReturnUrl, take: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        NeedsCode = user.TwoFactorEnabled;
        Pending = PendingForm.For(HttpContext, ReturnUrl, take: false);
        if (NeedsCode && string.IsNullOrWhiteSpace(Code)) ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app.");
        if (!ModelState.IsValid) return Page();

        var password = await signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: true);
        var ok = password.Succeeded;
        if (ok && NeedsCode)
        {
            var typed = new string(Code!.Where(c => !char.IsWhiteSpace(c)).ToArray());
            ok = typed.Length == 6 && typed.All(char.IsAsciiDigit)
                ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed)
                : (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed.ToUpperInvariant())).Succeeded;
            if (ok) await users.ResetAccessFailedCountAsync(user);
            else await users.AccessFailedAsync(user);
        }
        if (!ok)
        {
            log.LogWarning("Re-authentication failed: {Account}", user.Id);
            if (await users.IsLockedOutAsync(user))
            {
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/Login");
            }
            ModelState.AddModelError("", Failure);
            Password = Code = "";
            return Page();
        }

        // The same session, its sign-in time kept, now marked as confirmed at this moment.
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (current is not { Succeeded: true, Principal: not null }) return Challenge();
        current.Properties.Items[SignInRules.AuthenticatedItem] = SignInRules.Stamp(time.GetUtcNow());
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, current.Principal, current.Properties);
        log.LogInformation("User {UserId} confirmed their password", user.Id);
        Pending = Url.IsLocalUrl(ReturnUrl) ? PendingForm.For(HttpContext, ReturnUrl, take: true) : null;
        if (Pending is not null && Url.IsLocalUrl(Pending.Url))
        {
            Confirmed = true; // the page offers "Save my changes" (a fresh anti-forgery token) instead of a redirect
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
