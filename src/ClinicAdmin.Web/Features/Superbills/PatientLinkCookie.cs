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
    /// <summary>Set once the date of birth matched: lets the success page offer "Download again" without asking again,
    /// for as long as the cookie lives (same lifetime and protections as the token cookie; its own protector purpose).</summary>
    public const string VerifiedName = "ClinicAdmin.PatientLink.Verified";
    public const string Path = "/PatientLink";

    private readonly IDataProtector _protector = protection.CreateProtector("ClinicAdmin.PatientLink.Cookie.v1");
    private readonly IDataProtector _verified = protection.CreateProtector("ClinicAdmin.PatientLink.Verified.v1");

    public void Issue(HttpResponse response, string token) => Append(response, Name, _protector, token);

    /// <summary>Remembers that the date of birth was confirmed for this token.</summary>
    public void IssueVerified(HttpResponse response, string token) => Append(response, VerifiedName, _verified, token);

    /// <summary>The token the cookie carries, or null when there is none, it was tampered with, or it has expired.</summary>
    public string? Read(HttpRequest request) => Read(request, Name, _protector);

    /// <summary>The token whose date of birth was confirmed in this browser, or null.</summary>
    public string? ReadVerified(HttpRequest request) => Read(request, VerifiedName, _verified);

    private void Append(HttpResponse response, string name, IDataProtector protector, string token)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.PatientLinkCookieMinutes);
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        response.Cookies.Append(name, protector.Protect($"{expires}|{token}"), new CookieOptions
        {
            HttpOnly = true, Secure = !env.IsDevelopment(), SameSite = SameSiteMode.Lax, Path = Path, MaxAge = lifetime, IsEssential = true,
        });
    }

    private string? Read(HttpRequest request, string name, IDataProtector protector)
    {
        if (!request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value) || value.Length > 1000) return null;
        string plain;
        try { plain = protector.Unprotect(value); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        var bar = plain.IndexOf('|');
        if (bar <= 0 || !long.TryParse(plain.AsSpan(0, bar), out var expires)) return null;
        return time.GetUtcNow().ToUnixTimeSeconds() < expires ? plain[(bar + 1)..] : null;
    }
}
