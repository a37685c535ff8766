using System.Diagnostics;
using ClinicAdmin.Browser.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Operations;

/// <summary>
/// tests/faults/pg-outage.sh with a short outage: its own PostgreSQL cluster stopped for 5 s under page load while
/// month-end superbill batches run. The script checks friendly 503s during the outage, 200s afterwards without a
/// restart, every batch done and every superbill exactly once; the long version is the same script with 30 s.
/// </summary>
[Trait("Category", "Process")]
public sealed class PgOutageTests
{
    [Fact]
    public async Task PostgreSQL_stopped_under_load_gives_friendly_503s_then_recovers_and_every_superbill_exists_once()
    {
        var root = BrowserApp.RepoRoot();
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        psi.ArgumentList.Add(Path.Combine(root, "tests", "faults", "pg-outage.sh"));
        psi.ArgumentList.Add("5");
        psi.Environment["CLINICADMIN_WEB_DLL"] = AppProcess.WebDll(root);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await p.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        p.ExitCode.ShouldBe(0, output);
        output.ShouldContain("PASS:");
        output.ShouldContain("superbills stored:");
    }
}
