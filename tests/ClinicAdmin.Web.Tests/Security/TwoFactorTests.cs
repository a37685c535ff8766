using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Security;

/// <summary>
/// Two-step sign-in, re-authentication and session limits (issue 13, finding 10). Codes are computed here from the key
/// the enrolment page shows (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app does.
/// </summary>
public abstract class TwoFactorTests(ClinicApp app) : PageTest(app)
{
    private const string Enrolment = "/Account/TwoFactor";

    // ---- enrolment -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Enrolment_shows_a_qr_code_and_key_refuses_a_wrong_code_and_shows_ten_recovery_codes_once()
    {
        var pm = await App.SignInAsync(Roles.PracticeManager);
        var page = await pm.GetDocumentAsync(Enrolment);
        page.QuerySelector("#qr-code")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        var key = KeyOn(page);

        var wrong = await pm.SubmitAsync(page, Enrolment, new() { ["Code"] = WrongCode(key) }, "#enable-form");
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(wrong), "Code").ShouldNotBeNull().ShouldContain("not right");
        (await TwoFactorOnAsync(Roles.PracticeManager)).ShouldBeFalse();

        var right = await pm.SubmitAsync(Enrolment, new() { ["Code"] = Totp(key) }, "#enable-form");
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = (await ClinicClient.ReadAsync(right)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        (await TwoFactorOnAsync(Roles.PracticeManager)).ShouldBeTrue();

        // The session that enrolled stays signed in (its cookie was re-issued with the new security stamp), and the
        // codes are not shown again.
        var again = await pm.GetDocumentAsync(Enrolment);
        again.QuerySelector("#recovery-codes").ShouldBeNull();
        again.QuerySelector("#recovery-codes-left")!.TextContent.ShouldBe("10");
    }

    [Fact]
    public async Task Once_enrolled_sign_in_needs_the_code_and_a_wrong_code_is_refused()
    {
        var (key, _) = await EnrolAsync(Roles.PracticeManager);
        var client = App.Anonymous();
        var afterPassword = await PasswordAsync(client, Roles.PracticeManager);
        afterPassword.Headers.Location!.ToString().ShouldStartWith("/Account/LoginCode");
        // The password alone did not sign in.
        (await client.GetAsync("/")).Headers.Location!.ToString().ShouldContain("/Account/Login");

        var wrong = await client.SubmitAsync("/Account/LoginCode", new() { ["Code"] = WrongCode(key) });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(wrong)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("That code is not right");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var right = await client.SubmitAsync("/Account/LoginCode", new() { ["Code"] = Totp(key) });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.ToString().ShouldBe("/");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var (key, _) = await EnrolAsync(Roles.MedicalDirector);
        var client = App.Anonymous();
        await PasswordAsync(client, Roles.MedicalDirector);
        for (var i = 0; i < 5; i++)
            await client.SubmitAsync("/Account/LoginCode", new() { ["Code"] = WrongCode(key) });
        var right = await client.SubmitAsync("/Account/LoginCode", new() { ["Code"] = Totp(key) });
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(right)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("That code is not right");
        var email = ClinicApp.EmailOf[Roles.MedicalDirector];
        (await App.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync())).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_wrong_ones_count_towards_the_lockout()
    {
        var (_, codes) = await EnrolAsync(Roles.PracticeManager);
        var first = App.Anonymous();
        await PasswordAsync(first, Roles.PracticeManager);
        var used = await first.SubmitAsync("/Account/LoginCode", new() { ["Code"] = codes[0].ToLowerInvariant() });
        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await first.GetDocumentAsync(Enrolment)).QuerySelector("#recovery-codes-left")!.TextContent.ShouldBe("9");

        var second = App.Anonymous();
        await PasswordAsync(second, Roles.PracticeManager);
        var again = await second.SubmitAsync("/Account/LoginCode", new() { ["Code"] = codes[0] });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var email = ClinicApp.EmailOf[Roles.PracticeManager];
        (await App.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_code_signs_in_once_and_the_same_or_an_older_code_is_refused_after()
    {
        var (key, _) = await EnrolAsync(Roles.PracticeManager);
        var code = Totp(key);
        await SignInWithCodeAsync(Roles.PracticeManager, key, code);

        // The same code again (read over a shoulder, or replayed from a phishing page) and the step before it: refused,
        // and counted as wrong tries.
        foreach (var again in new[] { code, Totp(key, DateTimeOffset.UtcNow.AddSeconds(-30)) })
        {
            var other = App.Anonymous();
            await PasswordAsync(other, Roles.PracticeManager);
            var replay = await other.SubmitAsync("/Account/LoginCode", new() { ["Code"] = again });
            replay.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ClinicClient.ReadAsync(replay)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("That code is not right");
            (await other.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var email = ClinicApp.EmailOf[Roles.PracticeManager];
        (await App.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync())).ShouldBe(2);

        // The phone's next code still works.
        await SignInWithCodeAsync(Roles.PracticeManager, key, Totp(key, DateTimeOffset.UtcNow.AddSeconds(30)));
    }

    [Fact]
    public async Task Four_parallel_sign_ins_with_one_code_let_exactly_one_in()
    {
        var (key, _) = await EnrolAsync(Roles.MedicalDirector);
        var clients = new List<ClinicClient>();
        // Four, so the three refusals stay under the lockout (five), which would otherwise decide the race.
        for (var i = 0; i < 4; i++)
        {
            var client = App.Anonymous();
            await PasswordAsync(client, Roles.MedicalDirector);
            clients.Add(client);
        }
        var code = Totp(key);
        var answers = await Task.WhenAll(clients.Select(c => c.SubmitAsync("/Account/LoginCode", new() { ["Code"] = code })));
        answers.Count(a => a.StatusCode == HttpStatusCode.Redirect && a.Headers.Location!.ToString() == "/").ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(3);
    }

    // ---- required per role ----------------------------------------------------------------------------------------

    [Fact]
    public async Task With_the_requirement_on_a_manager_without_two_step_sign_in_sees_only_enrolment_until_enrolled()
    {
        await using var required = App.WithWebHostBuilder(b => b
            .UseSetting("Security:TwoFactorRequiredRoles", "PracticeManager, MedicalDirector")
            .UseSetting("Jobs:Enabled", "false"));
        ClinicClient Client() => new(required.CreateClient(new WebApplicationFactoryClientOptions
            { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }));

        var pm = Client();
        await pm.SignInAsync(ClinicApp.EmailOf[Roles.PracticeManager], ClinicApp.Password);
        foreach (var url in new[] { "/", "/Users/Index", "/Pricing/Index", "/Audit/Index" })
        {
            var response = await pm.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldBe(Enrolment, url);
        }
        // Roles not named keep signing in with the password alone.
        var clinician = Client();
        await clinician.SignInAsync(ClinicApp.EmailOf[Roles.Clinician], ClinicApp.Password);
        (await clinician.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var key = KeyOn(await pm.GetDocumentAsync(Enrolment));
        (await pm.SubmitAsync(Enrolment, new() { ["Code"] = Totp(key) }, "#enable-form")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pm.GetAsync("/Users/Index")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    // ---- re-authentication ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Changing_a_user_needs_the_password_typed_lately_and_returns_to_the_page()
    {
        var pm = await App.SignInAsync(Roles.PracticeManager);
        var target = App.UserIdOf(Roles.FrontDesk);
        var page = $"/Users/Edit?id={target}";
        await AgeSessionAsync(pm, minutes: 61);

        var refused = await pm.SubmitAsync(page, new(), "#disable-form");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reauth = refused.Headers.Location!.ToString();
        reauth.ShouldStartWith("/Account/Reauthenticate?ReturnUrl=");
        Uri.UnescapeDataString(reauth).ShouldEndWith(page); // back to the page, without the form's handler
        (await DisabledAsync(Roles.FrontDesk)).ShouldBeFalse();

        var wrong = await pm.SubmitAsync(reauth, new() { ["Password"] = "not-the-password" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(wrong)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("not right");

        // Confirmed: the action it was refused is offered back, one click away, with a way back to the page without it.
        var confirmed = await pm.SubmitAsync(reauth, new() { ["Password"] = ClinicApp.Password });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var offer = await ClinicClient.ReadAsync(confirmed);
        offer.QuerySelector("#pending-changes")!.TextContent.ShouldContain("not saved yet");
        offer.QuerySelector("#save-pending")!.GetAttribute("action")!.ShouldContain("handler=Disable");
        offer.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain(page);
        (await DisabledAsync(Roles.FrontDesk)).ShouldBeFalse();
        (await pm.SubmitAsync(offer, reauth, new(), "#save-pending")).Headers.Location!.ToString().ShouldStartWith("/Users/Edit");
        (await DisabledAsync(Roles.FrontDesk)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_password_reset_refused_for_an_old_sign_in_keeps_no_password_and_says_so()
    {
        var pm = await App.SignInAsync(Roles.PracticeManager);
        var page = $"/Users/Edit?id={App.UserIdOf(Roles.Clinician)}";
        await AgeSessionAsync(pm, minutes: 61);

        var refused = await pm.SubmitAsync(page, new() { ["NewPassword"] = "Another-Secret-2027!" }, "#password-form");
        var confirmed = await pm.SubmitAsync(refused.Headers.Location!.ToString(), new() { ["Password"] = ClinicApp.Password });
        var offer = await ClinicClient.ReadAsync(confirmed);
        offer.QuerySelector("#password-left-out").ShouldNotBeNull();
        offer.QuerySelectorAll("#save-pending input").Select(i => i.GetAttribute("name")).ShouldNotContain("NewPassword");
        offer.Source.Text.ShouldNotContain("Another-Secret-2027!");
        // Saving the kept form without the password is refused with the field's own message, not a 500 or a silent reset.
        var saved = await pm.SubmitAsync(offer, page, new(), "#save-pending");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(saved), "NewPassword").ShouldBe("Enter the new password.");
    }

    [Fact]
    public async Task Scheduling_a_price_needs_the_password_typed_lately()
    {
        var service = await Features.Pricing.CatalogData.AddAsync(App, Features.Pricing.CatalogData.Infusion(399m));
        var pm = await App.SignInAsync(Roles.PracticeManager);
        await AgeSessionAsync(pm, minutes: 61);
        var page = $"/Pricing/SchedulePrice?id={service.Id}";
        Dictionary<string, string?> change = new() { ["Input.Amount"] = "450", ["Input.EffectiveFrom"] = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd"), ["Input.Reason"] = "Annual review" };

        var refused = await pm.SubmitAsync(page, change);
        refused.Headers.Location!.ToString().ShouldStartWith("/Account/Reauthenticate");
        (await PricesAsync(service.Id)).ShouldBe(1);

        // What was typed is kept through the confirmation and saved with one click: nothing to type again.
        var confirmed = await pm.SubmitAsync(refused.Headers.Location!.ToString(), new() { ["Password"] = ClinicApp.Password });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var offer = await ClinicClient.ReadAsync(confirmed);
        foreach (var (field, value) in change) ClinicClient.ValueOf(offer, field).ShouldBe(value);
        (await PricesAsync(service.Id)).ShouldBe(1);
        (await pm.SubmitAsync(offer, page, new(), "#save-pending")).Headers.Location!.ToString().ShouldNotContain("/Account/");
        (await PricesAsync(service.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task Downloading_an_outcome_workbook_needs_the_password_and_code_typed_lately()
    {
        var id = await WorkbookAsync();
        var (key, _) = await EnrolAsync(Roles.MedicalDirector);
        var md = await SignInWithCodeAsync(Roles.MedicalDirector, key);
        var url = $"/Documents/Download?id={id}";
        (await md.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK); // just signed in: fresh
        await AgeSessionAsync(md, minutes: 61);

        var refused = await md.GetAsync(url);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reauth = refused.Headers.Location!.ToString();
        reauth.ShouldStartWith("/Account/Reauthenticate");
        // Enrolled: the password alone is not enough.
        var passwordOnly = await md.SubmitAsync(reauth, new() { ["Password"] = ClinicApp.Password, ["Code"] = "" });
        passwordOnly.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Identity checks codes against the wall clock, not the app's TimeProvider: the phone's code is "now".
        // The next step's code: the one used to sign in is spent.
        var confirmed = await md.SubmitAsync(reauth, new() { ["Password"] = ClinicApp.Password, ["Code"] = Totp(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.ToString().ShouldBe(url);
        var download = await md.GetAsync(url);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync())[..2].ShouldBe(new byte[] { 0x50, 0x4B });
    }

    [Fact]
    public async Task The_reauthentication_page_returns_only_to_local_pages()
    {
        var pm = await App.SignInAsync(Roles.PracticeManager);
        var response = await pm.SubmitAsync("/Account/Reauthenticate?ReturnUrl=https%3A%2F%2Fevil.example%2F", new() { ["Password"] = ClinicApp.Password });
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    // ---- session limits -------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_active_session_ends_twelve_hours_after_sign_in()
    {
        var start = DateTimeOffset.UtcNow;
        App.Clock.Set(start);
        var client = await App.SignInAsync(Roles.Clinician);
        // Busy all day: a request every 20 minutes keeps the 30-minute idle timeout from ever ending it.
        for (var t = TimeSpan.FromMinutes(20); t < TimeSpan.FromHours(12); t += TimeSpan.FromMinutes(20))
        {
            App.Clock.Set(start + t);
            (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {t}");
        }
        App.Clock.Set(start + TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        var late = await client.GetAsync("/");
        late.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        late.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task Signing_out_kills_a_copy_of_the_session_cookie()
    {
        var jar = new CookieContainer();
        var original = new ClinicClient(App.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(jar)));
        await original.SignInAsync(ClinicApp.EmailOf[Roles.FrontDesk], ClinicApp.Password);
        var copyJar = new CookieContainer();
        foreach (Cookie c in jar.GetCookies(new Uri("https://localhost")))
            if (c.Name.StartsWith("ClinicAdmin.Auth", StringComparison.Ordinal)) copyJar.Add(new Uri("https://localhost"), new Cookie(c.Name, c.Value, "/"));
        var copy = new ClinicClient(App.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(copyJar)));
        (await copy.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await original.SubmitAsync("/", new(), "form[action='/Account/Logout']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await copy.GetAsync("/");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /// <summary>Signs the role in and turns two-step sign-in on through the page; the key and the recovery codes shown.</summary>
    private async Task<(string Key, IReadOnlyList<string> Codes)> EnrolAsync(string role)
    {
        var client = await App.SignInAsync(role);
        var key = KeyOn(await client.GetDocumentAsync(Enrolment));
        // The previous step's code, still in the window: codes work once, and the sign-ins that follow use now's.
        var response = await client.SubmitAsync(Enrolment, new() { ["Code"] = Totp(key, DateTimeOffset.UtcNow.AddSeconds(-30)) }, "#enable-form");
        var codes = (await ClinicClient.ReadAsync(response)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        return (key, codes);
    }

    private async Task<ClinicClient> SignInWithCodeAsync(string role, string key, string? code = null)
    {
        var client = App.Anonymous();
        await PasswordAsync(client, role);
        (await client.SubmitAsync("/Account/LoginCode", new() { ["Code"] = code ?? Totp(key) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<HttpResponseMessage> PasswordAsync(ClinicClient client, string role)
    {
        var response = await client.SubmitAsync("/Account/Login", new() { ["Input.Email"] = ClinicApp.EmailOf[role], ["Input.Password"] = ClinicApp.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response;
    }

    /// <summary>Moves the clock on past the fixture's re-authentication window, with a request every 20 minutes (idle timeout).</summary>
    private async Task AgeSessionAsync(ClinicClient client, int minutes)
    {
        var now = App.Clock.GetUtcNow();
        for (var m = 20; m < minutes + 20; m += 20)
        {
            App.Clock.Set(now.AddMinutes(Math.Min(m, minutes)));
            (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private static string KeyOn(IHtmlDocument page) => page.QuerySelector("#shared-key")!.TextContent.Replace(" ", "").ToUpperInvariant();

    /// <summary>RFC 6238 with Identity's parameters (HMAC-SHA1, 30 s, 6 digits) over the base32 key.</summary>
    public static string Totp(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    /// <summary>A code that is wrong now (and in the steps around now that Identity also accepts).</summary>
    private static string WrongCode(string key)
    {
        var near = Enumerable.Range(-3, 7).Select(i => Totp(key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => (123456 + i * 7919).ToString("D6")).First(c => !near.Contains(c));
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var ch in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(ch);
            bits += 5;
            if (bits >= 8) { bits -= 8; bytes.Add((byte)(buffer >> bits)); buffer &= (1 << bits) - 1; }
        }
        return [.. bytes];
    }

    private Task<bool> TwoFactorOnAsync(string role) =>
        App.InDbAsync(db => db.Users.Where(u => u.Email == ClinicApp.EmailOf[role]).Select(u => u.TwoFactorEnabled).SingleAsync());

    private Task<bool> DisabledAsync(string role) =>
        App.InDbAsync(db => db.Users.Where(u => u.Email == ClinicApp.EmailOf[role]).Select(u => u.IsDisabled).SingleAsync());

    private Task<int> PricesAsync(int serviceId) =>
        App.InDbAsync(db => db.Services.Where(s => s.Id == serviceId).SelectMany(s => s.Prices).CountAsync(p => p.CancelledAt == null));

    private async Task<int> WorkbookAsync()
    {
        var doc = new GeneratedDocument
        {
            Kind = DocumentKind.OutcomeWorkbook, RequestKey = "workbook:2026-10:v1", DocumentNumber = "WB-2026-10-v1",
            FileName = "outcomes-2026-10-v1.xlsx", ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Content = [0x50, 0x4B, 3, 4], Sha256 = new string('a', 64), CreatedBy = "system", CreatedAt = DateTime.UtcNow,
        };
        await App.InsertAsync(doc);
        return doc.Id;
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class TwoFactorTests_Sqlite(SqliteApp app) : TwoFactorTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class TwoFactorTests_PostgreSql(PostgreSqlApp app) : TwoFactorTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class TwoFactorTests_SqlServer(SqlServerApp app) : TwoFactorTests(app);
