using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicAdmin.Web.Features.Account;

/// <summary>
/// Sign-in. Unknown, disabled, locked and wrong-password attempts get the same message after the same work (one
/// password hash check each), so the page tells nothing about which accounts exist (issue 13, finding 9). Failures
/// are logged by account id, or as "unknown account": never with the e-mail or password typed.
/// </summary>
[AllowAnonymous]
public class LoginModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, ILogger<LoginModel> log) : PageModel
{
    public const string Failure = "Email or password is wrong, or this account cannot sign in right now. If it keeps happening, ask your practice manager.";

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
        string? refused = null;
        if (user is null)
        {
            // The same hash work as a real account, so the answer's timing does not reveal that none exists.
            users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash(users.PasswordHasher), Input.Password);
            refused = "unknown account";
        }
        else if (user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash(users.PasswordHasher), Input.Password);
            refused = user.IsDisabled ? "account disabled" : "account locked";
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                log.LogInformation("User {UserId} signed in", user.Id);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            }
            // The password was right; Identity holds the account in its short two-factor cookie until the code comes.
            if (result.RequiresTwoFactor)
                return RedirectToPage("/Account/LoginCode", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
            refused = result.IsLockedOut ? "wrong password, account now locked" : result.IsNotAllowed ? "sign-in not allowed" : "wrong password";
        }
        log.LogWarning("Sign-in failed: {Account} ({Reason})", user?.Id ?? "unknown account", refused);
        ModelState.AddModelError("", Failure);
        Input.Password = "";
        return Page();
    }

    private static readonly ApplicationUser DummyUser = new() { UserName = "dummy" };
    private static string? _dummyHash;

    private static string DummyHash(IPasswordHasher<ApplicationUser> hasher) =>
        _dummyHash ??= hasher.HashPassword(DummyUser, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
}
