using System.Globalization;
using System.Security.Claims;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Web.Platform.Demo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ClinicAdmin.Web.Platform.Security;

/// <summary>
/// Session rules on top of Identity's cookie (issue 13, finding 10): an absolute limit counted from sign-in, the time
/// the password was last typed (for re-authentication), and the two-factor requirement per role. Both times live in the
/// cookie's own properties, which Identity's per-request principal refresh keeps (its issue time it does not keep).
/// </summary>
public static class SignInRules
{
    /// <summary>When this session signed in (UTC, round-trip text). Never moved by activity or refreshes.</summary>
    public const string SignedInItem = "clinic.signedIn";
    /// <summary>When the password (and code) were last typed in this session: sign-in or the Reauthenticate page.</summary>
    public const string AuthenticatedItem = "clinic.authenticated";
    /// <summary>On the principal while the account has two-step sign-in on (re-read from the database every request).</summary>
    public const string TwoFactorClaim = "clinic:2fa";

    public static string Stamp(DateTimeOffset utc) => utc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Read(AuthenticationProperties? properties, string item) =>
        properties?.Items.TryGetValue(item, out var v) == true
        && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    /// <summary>Wraps Identity's cookie events: stamp a new sign-in, and refuse a session past its absolute limit before the stamp check.</summary>
    internal static void Configure(CookieAuthenticationOptions o, SecurityOptions s)
    {
        var limit = TimeSpan.FromHours(s.AbsoluteSessionHours);
        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async context =>
        {
            // A refresh (RefreshSignInAsync) carries the session's items over; only a new sign-in starts the clock.
            if (!context.Properties.Items.ContainsKey(SignedInItem))
            {
                var now = Stamp(Now(context.HttpContext));
                context.Properties.Items[SignedInItem] = now;
                context.Properties.Items[AuthenticatedItem] = now;
            }
            await signingIn(context);
        };
        var stampCheck = o.Events.OnValidatePrincipal; // Identity's security-stamp validation
        o.Events.OnValidatePrincipal = async context =>
        {
            // A cookie without the item predates the limit: it is refused too, so every session has one.
            if (Read(context.Properties, SignedInItem) is not { } since || Now(context.HttpContext) - since > limit)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await stampCheck(context);
        };
    }

    private static DateTimeOffset Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>True when the password was typed within Security:ReauthenticateMinutes in this session.</summary>
    public static async Task<bool> IsRecentAsync(HttpContext http)
    {
        var properties = http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties
                         ?? (await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties;
        var minutes = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.ReauthenticateMinutes;
        return Read(properties, AuthenticatedItem) is { } at && Now(http) - at <= TimeSpan.FromMinutes(minutes);
    }

    /// <summary>Sends the user to type the password again, returning to this page (without the form's handler) afterwards.</summary>
    public static IActionResult Reauthenticate(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value).Where(q => !q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase));
        var back = QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
        return new RedirectToPageResult("/Account/Reauthenticate", new { ReturnUrl = back });
    }
}

/// <summary>
/// On a page that changes something sensitive (users, roles, passwords, prices in force): every POST needs the
/// password typed within Security:ReauthenticateMinutes, else the user confirms it on /Account/Reauthenticate and
/// comes back to the page, where what they were saving waits for one click (<see cref="PendingForm"/>). GETs (reading
/// the page) are not affected.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireRecentSignInAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method)
            && !await SignInRules.IsRecentAsync(context.HttpContext))
        {
            PendingForm.Keep(context.HttpContext);
            context.Result = SignInRules.Reauthenticate(context.HttpContext.Request);
            return;
        }
        await next();
    }
}

/// <summary>Adds <see cref="SignInRules.TwoFactorClaim"/> while the account has two-step sign-in on.</summary>
public sealed class ClinicClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(SignInRules.TwoFactorClaim, "on"));
        return identity;
    }
}

/// <summary>
/// Security:TwoFactorRequiredRoles: a signed-in user in such a role without two-step sign-in sees only the enrolment
/// page (and sign-out) until enrolled. Off in demo mode, where the published demo sign-ins have no authenticator.
/// </summary>
public sealed class TwoFactorGate(IOptions<SecurityOptions> security, IOptions<DemoOptions> demo) : IAsyncPageFilter
{
    public const string EnrolmentPage = "/Account/TwoFactor";
    private readonly string[] _roles = demo.Value.Enabled ? [] : [.. security.Value.RolesRequiringTwoFactor];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (_roles.Length > 0 && user.Identity?.IsAuthenticated == true && !user.HasClaim(c => c.Type == SignInRules.TwoFactorClaim)
            && _roles.Any(user.IsInRole) && !page.StartsWith("/Account/", StringComparison.Ordinal) && page != "/Home/Error")
        {
            context.Result = new RedirectToPageResult(EnrolmentPage);
            return;
        }
        await next();
    }
}
