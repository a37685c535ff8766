using System.Diagnostics;
using System.Text;
using ClinicAdmin.Browser.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Operations;

/// <summary>
/// `users create` at a terminal does not echo the password (issue 13, finding 12); piped in, it still works. The
/// terminal is a real pseudo-terminal from util-linux `script`, whose output is everything the operator would see.
/// </summary>
[Trait("Category", "Process")]
public sealed class UsersCommandTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "clinicadmin-users", Guid.NewGuid().ToString("N"));
    private const string Secret = "Typed-Secret-Pass-2026";

    private Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = "Sqlite", ["Database__DataDirectory"] = _dataDir,
        ["App__PublicBaseUrl"] = "https://clinic.example", ["Jobs__Enabled"] = "false",
        ["DataProtection__CertificatePath"] = ClinicAdmin.Testing.TestKeys.CertificatePath,
    };

    public Task InitializeAsync() { Directory.CreateDirectory(_dataDir); return Task.CompletedTask; }
    public Task DisposeAsync() { try { Directory.Delete(_dataDir, true); } catch (IOException) { } return Task.CompletedTask; }

    [Fact]
    public async Task The_password_typed_at_a_terminal_is_not_echoed()
    {
        var root = BrowserApp.RepoRoot();
        var command = $"dotnet '{AppProcess.WebDll(root)}' users create --email typed@clinic.example --name Typed --role PracticeManager --contentRoot '{Path.Combine(root, "src", "ClinicAdmin.Web")}'";
        var psi = new ProcessStartInfo("script") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-q", "-e", "-c", command, "/dev/null" }) psi.ArgumentList.Add(a);
        foreach (var (k, v) in Environment()) psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        var screen = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (screen) screen.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (screen) screen.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        // Read the terminal character by character: the prompt has no line end.
        var reader = Task.Run(async () =>
        {
            var buffer = new char[256];
            int n;
            while ((n = await process.StandardOutput.ReadAsync(buffer)) > 0) lock (screen) screen.Append(buffer, 0, n);
        });
        string Screen() { lock (screen) return screen.ToString(); }

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!Screen().Contains("Password:") && DateTime.UtcNow < deadline && !process.HasExited) await Task.Delay(100);
        Screen().ShouldContain("Password:");
        await Task.Delay(300); // the prompt is written just before the terminal is read
        await process.StandardInput.WriteAsync(Secret + "\r");
        await process.StandardInput.FlushAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(cts.Token);
        await reader;

        process.ExitCode.ShouldBe(0, Screen());
        Screen().ShouldContain("Created typed@clinic.example");
        Screen().ShouldNotContain(Secret);
    }

    [Fact]
    public async Task A_piped_password_still_works()
    {
        await using var cli = AppProcess.Start(["users", "create", "--email", "piped@clinic.example", "--name", "Piped", "--role", "FrontDesk"], Environment(), stdin: Secret);
        (await cli.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(0, cli.Output);
        cli.Output.ShouldContain("Created piped@clinic.example");
    }
}
