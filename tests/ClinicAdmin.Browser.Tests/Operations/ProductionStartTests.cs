using System.Net;
using ClinicAdmin.Browser.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Operations;

/// <summary>The production path, run as an operator would: no demo sign-ins, the first account made with the CLI.</summary>
[Trait("Category", "Process")]
public sealed class ProductionStartTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "clinicadmin-prod", Guid.NewGuid().ToString("N"));

    private Dictionary<string, string> Environment(bool demoRequested) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = "Sqlite", ["Database__DataDirectory"] = _dataDir,
        ["Demo__Enabled"] = demoRequested ? "true" : "false", ["App__PublicBaseUrl"] = "https://clinic.example",
    };

    public Task InitializeAsync() { Directory.CreateDirectory(_dataDir); return Task.CompletedTask; }
    public Task DisposeAsync() { try { Directory.Delete(_dataDir, true); } catch (IOException) { } return Task.CompletedTask; }

    [Fact]
    public async Task In_production_no_demo_sign_ins_exist_and_the_first_manager_is_created_from_the_command_line()
    {
        var url = $"http://127.0.0.1:{AppProcess.FreePort()}";
        // Even if someone switches demo mode on, Production never seeds the published demo password.
        await using (var app = AppProcess.Start(["--urls", url], Environment(demoRequested: true)))
        {
            await app.WaitForHealthAsync(url, TimeSpan.FromSeconds(120));
            app.Output.ShouldNotContain("Demo sign-ins");
            (await SignInAsync(url, "manager@demo.clinic", "Demo-Clinic-2026!")).ShouldBeFalse();
        }

        var env = Environment(demoRequested: false);
        env["CLINICADMIN_PASSWORD"] = "First-Manager-Pass-2026";
        await using (var cli = AppProcess.Start(["users", "create", "--email", "owner@clinic.example", "--name", "Owner Person", "--role", "PracticeManager"], env))
        {
            (await cli.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(0, cli.Output);
            cli.Output.ShouldContain("Created owner@clinic.example");
        }
        await using (var list = AppProcess.Start(["users", "list"], Environment(false)))
        {
            (await list.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(0, list.Output);
            list.Output.ShouldContain("owner@clinic.example");
            list.Output.ShouldContain("PracticeManager");
        }
        await using (var bad = AppProcess.Start(["users", "create", "--email", "x@clinic.example", "--role", "Janitor"], Environment(false)))
            (await bad.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(2, bad.Output);

        await using (var app = AppProcess.Start(["--urls", url], Environment(false)))
        {
            await app.WaitForHealthAsync(url, TimeSpan.FromSeconds(120));
            (await SignInAsync(url, "owner@clinic.example", "First-Manager-Pass-2026")).ShouldBeTrue(app.Output);
        }
    }

    [Fact]
    public async Task A_malformed_setting_stops_the_app_with_a_message_naming_the_key()
    {
        var env = Environment(false);
        env["Database__Provider"] = "Oracle";
        await using var app = AppProcess.Start(["--urls", $"http://127.0.0.1:{AppProcess.FreePort()}"], env);
        (await app.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldNotBe(0);
        app.Output.ShouldContain("Database:Provider");
    }

    private static async Task<bool> SignInAsync(string url, string email, string password)
    {
        // Production cookies are Secure: reach the app as its TLS-terminating proxy would.
        var handler = new TlsProxy(new CookieContainer()) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url) };
        var html = await http.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode == HttpStatusCode.Redirect;
    }
}
