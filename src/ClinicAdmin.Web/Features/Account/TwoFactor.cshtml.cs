using System.ComponentModel.DataAnnotations;
using System.Text;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace ClinicAdmin.Web.Features.Account;

/// <summary>
/// Two-step sign-in for the signed-in user (Identity's authenticator, TOTP): scan the QR code or type the key, confirm
/// with a code, then note the 10 recovery codes, shown once. Later: new recovery codes, or turn it off (which also
/// discards the key). Every change renews the security stamp, ending the account's other sessions; this one is re-issued.
/// </summary>
[Authorize(Policy = Policies.AnyStaff), RequireRecentSignIn]
public class TwoFactorModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, ILogger<TwoFactorModel> log) : PageModel
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "ClinicAdmin";

    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code from the app."), StringLength(12), Display(Name = "Code from the app")]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Only in the answer that created them: never stored readable, never shown again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var typed = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed))
            ModelState.AddModelError(nameof(Code), "That code is not right. Check the time on the phone and enter the code the app shows now.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await signIn.RefreshSignInAsync(user);
        log.LogInformation("User {UserId} turned on two-step sign-in", user.Id);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ModelState.Clear();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        log.LogInformation("User {UserId} made new recovery codes", user.Id);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: the phone that had the old one is of no use any more; enrolling again starts from scratch.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        log.LogInformation("User {UserId} turned off two-step sign-in", user.Id);
        TempData["Flash"] = "Two-step sign-in is off. The authenticator entry on your phone no longer works.";
        return RedirectToPage();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp: re-issue this session's cookie so it stays valid.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        SharedKey = Grouped(key);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        // A PNG in a data: URI: the CSP allows img-src data:, and nothing about the key is fetched from anywhere.
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    /// <summary>The key in groups of four, lower case, as authenticator apps accept it typed.</summary>
    private static string Grouped(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
