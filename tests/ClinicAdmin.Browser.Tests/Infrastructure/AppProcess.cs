using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClinicAdmin.Browser.Tests.Infrastructure;

/// <summary>The built app run as its own process (`dotnet ClinicAdmin.Web.dll ...`), as an operator would run it.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the app with the given arguments and environment (content root = src/ClinicAdmin.Web unless given).</summary>
    public static AppProcess Start(IEnumerable<string> args, IDictionary<string, string> environment, string? stdin = null, string? contentRoot = null)
    {
        var root = BrowserApp.RepoRoot();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false,
            WorkingDirectory = Path.Combine(root, "src", "ClinicAdmin.Web"),
        };
        psi.ArgumentList.Add(WebDll(root));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--contentRoot");
        psi.ArgumentList.Add(contentRoot ?? Path.Combine(root, "src", "ClinicAdmin.Web"));
        // The keys an operator configures (issue 13): Production needs the key-encryption certificate, backups their key.
        // A test that means to leave one out sets it to "".
        if (environment.TryGetValue("ASPNETCORE_ENVIRONMENT", out var env) && env == "Production" && !environment.ContainsKey("DataProtection__CertificatePath"))
            psi.Environment["DataProtection__CertificatePath"] = ClinicAdmin.Testing.TestKeys.CertificatePath;
        if (!environment.ContainsKey("Backup__Key")) psi.Environment["Backup__Key"] = ClinicAdmin.Testing.TestKeys.BackupKey;
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var app = new AppProcess(Process.Start(psi)!);
        app._process.OutputDataReceived += (_, e) => { lock (app._output) app._output.AppendLine(e.Data); };
        app._process.ErrorDataReceived += (_, e) => { lock (app._output) app._output.AppendLine(e.Data); };
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        if (stdin is not null) { app._process.StandardInput.WriteLine(stdin); app._process.StandardInput.Close(); }
        return app;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async Task WaitForHealthAsync(string baseUrl, TimeSpan timeout)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException("The app exited during start-up:\n" + Output);
            try
            {
                if ((await http.GetAsync(baseUrl + "/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not answer /health within {timeout.TotalSeconds} s:\n" + Output);
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>The web app built alongside these tests (same configuration, normal or --artifacts-path layout).</summary>
    public static string WebDll(string root)
    {
        var here = AppContext.BaseDirectory.TrimEnd('/');
        var candidates = new List<string>
        {
            // --artifacts-path layout: <art>/bin/ClinicAdmin.Browser.Tests/<cfg>/ -> <art>/bin/ClinicAdmin.Web/<cfg>/
            Path.Combine(here.Replace("/ClinicAdmin.Browser.Tests/", "/ClinicAdmin.Web/"), "ClinicAdmin.Web.dll"),
            Path.Combine(root, "src", "ClinicAdmin.Web", "bin", here.Contains("/Release") || here.Contains("/release") ? "Release" : "Debug", "net10.0", "ClinicAdmin.Web.dll"),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("ClinicAdmin.Web.dll not built; looked in: " + string.Join(", ", candidates));
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_disposed || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        await KillAsync();
        _disposed = true;
        ClinicAdmin.Testing.SuiteLog.WriteProcessOutput(Output); // for the suite-wide patient-data grep (tests/run.sh)
        _process.Dispose();
    }
}
