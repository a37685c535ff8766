using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>
/// Takes the patient-link token out of the address bar (issue 13, finding 12): the first request exchanges it for this
/// short-lived cookie and is redirected to the bare /PatientLink, so the token is not left in history, bookmarks or
/// proxy logs. The cookie is HttpOnly, limited to /PatientLink, SameSite=Lax (the link is opened from an e-mail, a
/// cross-site navigation that must still carry it), Secure outside Development, and its expiry is inside the
/// protected value, checked on the server's clock, so a copied cookie stops working too.
/// </summary>
public sealed class PatientLinkCookie(IDataProtectionProvider protection, TimeProvider time, IHostEnvironment env, IOptions<SuperbillOptions> options)
{
    public const string Name = "ClinicAdmin.PatientLink";
    public const string Path = "/PatientLink";

    private readonly IDataProtector _protector = protection.CreateProtector("ClinicAdmin.PatientLink.Cookie.v1");

    public void Issue(HttpResponse response, string token)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.PatientLinkCookieMinutes);
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        response.Cookies.Append(Name, _protector.Protect($"{expires}|{token}"), new CookieOptions
        {
            HttpOnly = true, Secure = !env.IsDevelopment(), SameSite = SameSiteMode.Lax, Path = Path, MaxAge = lifetime, IsEssential = true,
        });
    }

    /// <summary>The token the cookie carries, or null when there is none, it was tampered with, or it has expired.</summary>
    public string? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value) || value.Length > 1000) return null;
        string plain;
        try { plain = _protector.Unprotect(value); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        var bar = plain.IndexOf('|');
        if (bar <= 0 || !long.TryParse(plain.AsSpan(0, bar), out var expires)) return null;
        return time.GetUtcNow().ToUnixTimeSeconds() < expires ? plain[(bar + 1)..] : null;
    }
}
