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

    private Process? _app;
    private readonly StringBuilder _output = new();
    private string _dataDir = "";
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string AppOutput { get { lock (_output) return _output.ToString(); } }
    public string DataDirectory => _dataDir;

    public async Task InitializeAsync()
    {
        var root = RepoRoot();
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _dataDir = Path.Combine(Path.GetTempPath(), "clinicadmin-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDir);

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { WebDll(root), "--urls", BaseUrl, "--contentRoot", Path.Combine(root, "src", "ClinicAdmin.Web") }) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["Database__DataDirectory"] = _dataDir;
        psi.Environment["Demo__Enabled"] = "true";
        _app = Process.Start(psi)!;
        _app.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _app.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        await WaitForHealthAsync();

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
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is { HasExited: false }) { _app.Kill(entireProcessTree: true); await _app.WaitForExitAsync(); }
        if (_dataDir.Length > 0) try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }

    /// <summary>A new browser context (own cookies) with a page signed in as the demo user of a role.</summary>
    public async Task<IPage> SignedInPageAsync(string role)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(DemoEmailOf[role]);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login"));
        return page;
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited) throw new InvalidOperationException("The app exited during start-up:\n" + AppOutput);
            try
            {
                var r = await http.GetAsync(BaseUrl + "/health");
                if (r.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not answer /health within 120 s:\n" + AppOutput);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
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

    /// <summary>The web app built alongside these tests (same configuration, normal or --artifacts-path layout).</summary>
    private static string WebDll(string root)
    {
        var here = AppContext.BaseDirectory.TrimEnd('/');
        var candidates = new List<string>();
        // --artifacts-path layout: <art>/bin/ClinicAdmin.Browser.Tests/<cfg>/ -> <art>/bin/ClinicAdmin.Web/<cfg>/
        var artifacts = here.Replace("/ClinicAdmin.Browser.Tests/", "/ClinicAdmin.Web/");
        candidates.Add(Path.Combine(artifacts, "ClinicAdmin.Web.dll"));
        var config = here.Contains("/Release") || here.Contains("/release") ? "Release" : "Debug";
        candidates.Add(Path.Combine(root, "src", "ClinicAdmin.Web", "bin", config, "net10.0", "ClinicAdmin.Web.dll"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("ClinicAdmin.Web.dll not built; looked in: " + string.Join(", ", candidates));
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp> { public const string Name = "Browser"; }
