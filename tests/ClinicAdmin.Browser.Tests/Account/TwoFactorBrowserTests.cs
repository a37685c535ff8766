using System.Security.Cryptography;
using ClinicAdmin.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Account;

/// <summary>Two-step sign-in in Chromium: enrol with the page's key, sign out, sign in with a code, then with a recovery code.</summary>
[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class TwoFactorBrowserTests(BrowserApp app)
{
    private const string Password = "Browser-Test-2026!";

    [Fact]
    public async Task A_user_enrols_signs_out_signs_in_with_a_code_and_then_with_a_recovery_code()
    {
        // The browser app is shared and not reset: an account of its own, so the demo sign-ins stay password-only.
        var email = $"twofa-{Guid.NewGuid():N}"[..14] + "@browser.test";
        var manager = await app.SignedInPageAsync("PracticeManager");
        await manager.GotoAsync("/Users/Edit");
        await manager.Locator("#Input_Email").FillAsync(email);
        await manager.Locator("#Input_DisplayName").FillAsync("Two-step Tester");
        await manager.Locator("#Input_Role").SelectOptionAsync("Clinician");
        await manager.Locator("#Input_Password").FillAsync(Password);
        await manager.Locator("#account-form button[type=submit]").ClickAsync();
        await manager.WaitForURLAsync(u => !u.Contains("/Users/Edit")); // the list, "/Users"
        await manager.Context.CloseAsync();

        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, email);
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login"));

        await page.GotoAsync("/Account/TwoFactor");
        // The QR code is a data: image: it must actually render under the page's CSP.
        (await page.Locator("#qr-code").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0")).ShouldBeGreaterThan(0);
        await Screenshots(page);
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        // The previous step's code (still accepted): each code works once, so the sign-in below needs a later one.
        await page.GetByPlaceholder("123456").FillAsync(Totp(key, stepsFromNow: -1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        var codes = await page.Locator("#recovery-codes li").AllInnerTextsAsync();
        codes.Count.ShouldBe(10);
        (await page.Locator("#two-factor-on").InnerTextAsync()).ShouldContain("on");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Account/Login"));
        await SignInAsync(page, email);
        await page.WaitForURLAsync(u => u.Contains("/Account/LoginCode"));
        await page.GetByLabel("Code").FillAsync(Totp(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/"));
        (await page.Locator("#signed-in-as").InnerTextAsync()).ShouldContain(email);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Account/Login"));
        await SignInAsync(page, email);
        await page.WaitForURLAsync(u => u.Contains("/Account/LoginCode"));
        await page.GetByLabel("Code").FillAsync(codes[3]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/"));
        await page.GotoAsync("/Account/TwoFactor");
        (await page.Locator("#recovery-codes-left").InnerTextAsync()).ShouldBe("9");
        await context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>The enrolment page at desktop, tablet and phone widths, for a person to look at (CLINICADMIN_SCREENSHOTS=folder).</summary>
    private static async Task Screenshots(IPage page)
    {
        if (Environment.GetEnvironmentVariable("CLINICADMIN_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, 768, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"two-factor-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 720);
    }

    /// <summary>RFC 6238 as an authenticator app computes it (HMAC-SHA1, 30 s, 6 digits) from the base32 key.</summary>
    private static string Totp(string base32Key, int stepsFromNow = 0)
    {
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepsFromNow;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var key = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var ch in base32Key.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(ch);
            bits += 5;
            if (bits >= 8) { bits -= 8; key.Add((byte)(buffer >> bits)); buffer &= (1 << bits) - 1; }
        }
        var hash = HMACSHA1.HashData(key.ToArray(), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }
}
