using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Security;

/// <summary>
/// Attacks at the edge (issue 13, findings 5, 8 and 9): a TLS-terminating proxy that the app must trust and a client
/// that must not be trusted, request floods on sign-in and the patient link, and probing sign-in for accounts.
/// Each test connects from its own peer address, so the rate limits of one test never touch another.
/// </summary>
[Collection(EdgeCollection.Name), Trait("Database", "Sqlite")]
public sealed class EdgeTests(EdgeApp app) : PageTest(app)
{
    private EdgeApp Edge => (EdgeApp)App;

    private static Dictionary<string, string?> Login(string email, string password) => new() { ["Input.Email"] = email, ["Input.Password"] = password };

    private static HttpRequestMessage Forwarded(HttpMethod method, string url, string client, string proto = "https") => new(method, url)
    {
        Headers = { { "X-Forwarded-For", client }, { "X-Forwarded-Proto", proto } },
    };

    [Fact]
    public async Task Behind_the_trusted_proxy_the_app_sees_https_sends_hsts_and_marks_cookies_secure()
    {
        var proxy = Edge.From(EdgeApp.TrustedProxy, "http://clinic.example");
        var response = await proxy.Http.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", "198.51.100.20"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.TryGetValues("Strict-Transport-Security", out var hsts).ShouldBeTrue("no HSTS header behind the trusted proxy");
        hsts!.Single().ShouldContain("max-age=31536000");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(c => c.ToLowerInvariant().Contains("; secure"));
    }

    [Fact]
    public async Task An_untrusted_client_cannot_claim_https_or_another_address_with_forwarded_headers()
    {
        var client = Edge.From("203.0.113.9", "http://clinic.example");
        var response = await client.Http.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", "198.51.100.21"));
        // Its X-Forwarded-Proto is ignored: the request is plain http, so it is sent to the https address, without HSTS.
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect);
        response.Headers.Location!.ToString().ShouldStartWith("https://clinic.example/Account/Login");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();

        // Its X-Forwarded-For is ignored too: changing it does not buy more sign-in attempts.
        var https = Edge.From("203.0.113.9");
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i <= EdgeApp.SignInLimit; i++)
        {
            var doc = await https.GetDocumentAsync("/Account/Login");
            var form = ClinicClient.FieldsOf(ClinicClient.FindForm(doc, null)).Where(f => !f.Key.StartsWith("Input.")).ToList();
            form.Add(new("Input.Email", "nobody@nowhere.example")); form.Add(new("Input.Password", "guess-" + i));
            var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(form) };
            post.Headers.Add("X-Forwarded-For", $"198.51.100.{100 + i}");
            codes.Add((await https.Http.SendAsync(post)).StatusCode);
        }
        codes.Last().ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task An_unknown_host_name_is_refused()
    {
        var response = await Edge.From("203.0.113.10", "https://evil.example").GetAsync("/Account/Login");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_retry_after_per_client_address()
    {
        var attacker = Edge.From("203.0.113.11");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= EdgeApp.SignInLimit; i++)
        {
            last = await attacker.SubmitAsync("/Account/Login", Login(ClinicApp.EmailOf[Roles.Clinician], "wrong-" + i));
            statuses.Add(last.StatusCode);
        }
        statuses.Take(EdgeApp.SignInLimit).ShouldAllBe(s => s == HttpStatusCode.OK);
        last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
        last.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);

        // Someone else (another address) still signs in.
        var colleague = Edge.From("203.0.113.12");
        (await colleague.SubmitAsync("/Account/Login", Login(ClinicApp.EmailOf[Roles.FrontDesk], ClinicApp.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Behind the trusted proxy each forwarded client address has its own budget.
        var viaProxy = Edge.From(EdgeApp.TrustedProxy);
        var page = await viaProxy.Http.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", "198.51.100.30"));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Patient_link_requests_beyond_the_limit_get_429_with_retry_after()
    {
        var guesser = Edge.From("203.0.113.13");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= EdgeApp.PatientLinkLimit; i++)
        {
            last = await guesser.GetAsync($"/PatientLink?t=guess{i}");
            statuses.Add(last.StatusCode);
        }
        statuses.Take(EdgeApp.PatientLinkLimit).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Redirect);
        last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
    }

    [Fact]
    public async Task E_mailed_patient_links_use_the_configured_public_address_not_the_request()
    {
        FreezeClock(App);
        var patient = Patient();
        patient.Email = "patient@example.com";
        await App.InsertAsync(patient);
        var doc = new GeneratedDocument
        {
            Kind = DocumentKind.Superbill, RequestKey = "edge", DocumentNumber = "SB-2026-000009", FileName = "superbill.pdf",
            ContentType = "application/pdf", Content = "%PDF-1.4"u8.ToArray(), Sha256 = "x", PatientId = patient.Id, CreatedBy = "t", CreatedAt = Noon.UtcDateTime,
        };
        await App.InsertAsync(doc);
        foreach (var f in Directory.GetFiles(App.MailDirectory)) File.Delete(f);

        // The desk works on an internal address; the e-mail must still carry the public one.
        var desk = Edge.From("203.0.113.14", "https://localhost");
        await desk.SignInAsync(ClinicApp.EmailOf[Roles.FrontDesk], ClinicApp.Password);
        (await desk.SubmitAsync($"/Superbills/Link?documentId={doc.Id}", [], "form[action*='Email']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var text = File.ReadAllText(Directory.GetFiles(App.MailDirectory, "*.eml").ShouldHaveSingleItem()).Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");
        text.ShouldContain(EdgeApp.PublicBaseUrl + "/PatientLink?t=");
        text.ShouldNotContain("localhost");
    }

    [Fact]
    public async Task Sign_in_gives_one_message_for_unknown_disabled_locked_and_wrong_and_checks_a_password_every_time()
    {
        var email = ClinicApp.EmailOf[Roles.Clinician];
        await App.InDbAsync(db => db.Users.Where(u => u.Email == ClinicApp.EmailOf[Roles.MedicalDirector]).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        await App.InDbAsync(db => db.Users.Where(u => u.Email == ClinicApp.EmailOf[Roles.PracticeManager])
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1))));
        var cases = new (string Peer, string Email, string Password)[]
        {
            ("203.0.113.15", "nobody-here@test.clinic", ClinicApp.Password),              // unknown account
            ("203.0.113.16", ClinicApp.EmailOf[Roles.MedicalDirector], ClinicApp.Password), // disabled, right password
            ("203.0.113.17", ClinicApp.EmailOf[Roles.PracticeManager], ClinicApp.Password), // locked, right password
            ("203.0.113.18", email, "not-the-password"),                                     // wrong password
        };
        var messages = new List<string>();
        Edge.Logs.Clear();
        foreach (var (peer, who, password) in cases)
        {
            var client = Edge.From(peer);
            var doc = await client.GetDocumentAsync("/Account/Login");
            Edge.Hasher.Reset();
            var response = await client.SubmitAsync(doc, "/Account/Login", Login(who, password));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            messages.Add((await ClinicClient.ReadAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent.Trim());
            Edge.Hasher.Verified.ShouldBe(1, $"{who}: a password hash must be checked whether or not the account can sign in");
        }
        messages.Distinct().ShouldHaveSingleItem();
        messages[0].ShouldContain("Email or password is wrong");

        // Failed sign-ins are logged by account id; never with the e-mail that was typed.
        var failures = Edge.Logs.Lines.Where(l => l.Contains("Sign-in failed")).ToList();
        failures.Count.ShouldBe(4, string.Join("\n", Edge.Logs.Lines));
        failures.ShouldContain(l => l.Contains(App.UserIdOf(Roles.MedicalDirector)) && l.Contains("disabled"));
        failures.ShouldContain(l => l.Contains(App.UserIdOf(Roles.PracticeManager)) && l.Contains("locked"));
        failures.ShouldContain(l => l.Contains(App.UserIdOf(Roles.Clinician)));
        failures.ShouldContain(l => l.Contains("unknown account"));
        Edge.Logs.Lines.ShouldAllBe(l => !l.Contains("@test.clinic"));
    }
}
