using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Infrastructure;

/// <summary>
/// The real app, started as its own process (`dotnet ClinicAdmin.Web.dll`, Development, demo data, SQLite in a temp
/// folder) on a free loopback port, and Debian's Chromium driven by Playwright. Shared by all browser tests.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string DemoPassword = "Demo-Clinic-2026!";

    public static readonly IReadOnlyDictionary<string, string> DemoEmailOf = new Dictionary<string, string>
    {
        ["PracticeManager"] = "manager@demo.clinic",
        ["MedicalDirector"] = "director@demo.clinic",
        ["Clinician"] = "clinician@demo.clinic",
        ["FrontDesk"] = "frontdesk@demo.clinic",
    };

    private AppProcess? _app;
    private string _dataDir = "";
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string AppOutput => _app?.Output ?? "";
    public string DataDirectory => _dataDir;

    public async Task InitializeAsync()
    {
        var port = AppProcess.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _dataDir = Path.Combine(Path.GetTempPath(), "clinicadmin-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDir);
        _app = AppProcess.Start(["--urls", BaseUrl], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Database__Provider"] = "Sqlite",
            ["Database__DataDirectory"] = _dataDir, ["Demo__Enabled"] = "true",
            // Every browser test signs in from 127.0.0.1: far above a person's rate (the limits have their own tests).
            ["RateLimits__SignInPermitsPerMinute"] = "100000", ["RateLimits__PatientLinkPermitsPerMinute"] = "100000",
        });
        await _app.WaitForHealthAsync(BaseUrl, TimeSpan.FromSeconds(120));

        var chromium = Environment.GetEnvironmentVariable("CLINICADMIN_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: run tests/run.sh (it installs Debian's chromium) or set CLINICADMIN_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            // No sandbox as root; no background networking on a machine without internet.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });

        // Warm-up: the first sign-in and landing page compile the Razor views and JIT the app, which on a busy 2-core CI
        // machine once took over the tests' 15 s step timeout. One unhurried sign-in here keeps that out of the first test.
        var warm = await SignedInPageAsync("MedicalDirector", 120_000);
        await warm.Context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_dataDir.Length > 0) try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }

    /// <summary>A new browser context (own cookies) with a page signed in as the demo user of a role.</summary>
    public async Task<IPage> SignedInPageAsync(string role) => await SignedInPageAsync(role, 15_000);

    private async Task<IPage> SignedInPageAsync(string role, float timeoutMs)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl });
        context.SetDefaultTimeout(timeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(DemoEmailOf[role]);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login"));
        return page;
    }

    public static string RepoRoot()
    {
        var baked = typeof(BrowserApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (baked is not null && File.Exists(Path.Combine(baked, "ClinicAdmin.sln"))) return baked;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClinicAdmin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ClinicAdmin.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp> { public const string Name = "Browser"; }
