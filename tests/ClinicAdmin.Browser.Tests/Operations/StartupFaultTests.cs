using System.Diagnostics;
using ClinicAdmin.Browser.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Operations;

/// <summary>
/// Start-up problems an operator makes, run as real app processes: each ends the app with a non-zero exit and one
/// line naming the key, file or path, never a stack trace.
/// </summary>
[Trait("Category", "Process")]
public sealed class StartupFaultTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "clinicadmin-startup", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() { Directory.CreateDirectory(_dir); return Task.CompletedTask; }

    public Task DisposeAsync()
    {
        var mount = Path.Combine(_dir, "ro");
        if (Directory.Exists(mount)) Run("umount", mount);
        try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    private Dictionary<string, string> Environment(params (string Key, string Value)[] settings)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = "Sqlite", ["Database__DataDirectory"] = Path.Combine(_dir, "data"),
            ["App__PublicBaseUrl"] = "https://clinic.example",
        };
        foreach (var (k, v) in settings) env[k] = v;
        return env;
    }

    /// <summary>Starts the app, expects it to stop, and returns its single line of output.</summary>
    private static async Task<string> RefusedStartAsync(Dictionary<string, string> env, string? contentRoot = null)
    {
        await using var app = AppProcess.Start(["--urls", $"http://127.0.0.1:{AppProcess.FreePort()}"], env, contentRoot: contentRoot);
        (await app.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldNotBe(0, app.Output);
        var lines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1, app.Output);
        app.Output.ShouldNotContain("Unhandled exception");
        app.Output.ShouldNotContain("   at ");
        return lines[0];
    }

    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Security__SessionIdleMinutes", "abc", "Security:SessionIdleMinutes")]
    [InlineData("Security__SessionIdleMinutes", "100000", "Security:SessionIdleMinutes")]
    [InlineData("Jobs__MaxAttempts", "0", "Jobs:MaxAttempts")]
    [InlineData("Database__Provider", "PostgreSql", "Database:ConnectionString")]
    [InlineData("App__PublicBaseUrl", "", "App:PublicBaseUrl")]                   // issue 13: Production needs its public address
    [InlineData("Smtp__PickupDirectory", "/tmp/clinic-mail", "Smtp:PickupDirectory")] // issue 13: live links never written to disk
    [InlineData("DataProtection__CertificatePath", "", "DataProtection:CertificatePath")] // issue 13: keys encrypted at rest
    public async Task A_malformed_setting_stops_the_app_with_one_line_naming_the_key(string variable, string value, string key)
    {
        var line = await RefusedStartAsync(Environment((variable, value)));
        line.ShouldContain(key);
        line.ShouldStartWith("ClinicAdmin cannot start:");
    }

    [Theory]
    [InlineData("appsettings.Production.json", "{\n  \"Database\": { \"Provider\": \"Sqlite\" },\n  \"Demo\": { \"Enabled\": false \n", 4)]
    [InlineData("appsettings.json", "{\n  \"Database\": { \"Provider\": \"Sqlite\", }\n  \"Demo\" { }\n}\n", 3)]
    public async Task A_broken_settings_file_stops_the_app_with_one_line_naming_the_file_and_line(string file, string content, int line)
    {
        // A copy of the content root with one broken file (the real appsettings.json for the others).
        var root = Directory.CreateDirectory(Path.Combine(_dir, "root")).FullName;
        File.Copy(Path.Combine(BrowserApp.RepoRoot(), "src", "ClinicAdmin.Web", "appsettings.json"), Path.Combine(root, "appsettings.json"));
        File.WriteAllText(Path.Combine(root, file), content);
        var message = await RefusedStartAsync(Environment(), root);
        message.ShouldContain(Path.Combine(root, file));
        message.ShouldContain($"line {line}");
    }

    [Fact]
    public async Task A_read_only_data_folder_stops_the_app_with_one_line_naming_the_path_and_the_setting()
    {
        // A genuinely read-only file system as root (root writes through permission bits); a read-only folder otherwise.
        var data = Path.Combine(_dir, "ro");
        Directory.CreateDirectory(data);
        if (System.Environment.UserName == "root") Run("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", data).ShouldBe(0);
        else File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var line = await RefusedStartAsync(Environment(("Database__DataDirectory", data)));
        line.ShouldContain(data);
        line.ShouldContain("Database:DataDirectory");
        line.ShouldContain("cannot be written");
    }

    [Fact]
    public async Task SQL_Server_that_does_not_answer_stops_the_app_with_one_line_and_exit_78()
    {
        // No SQL Server engine runs on these machines: a loopback port nothing listens on is the server that does not answer.
        var cs = $"Server=127.0.0.1,{AppProcess.FreePort()};Database=clinicadmin;User ID=clinicadmin;Password=unused;Connect Timeout=3;TrustServerCertificate=true";
        var env = Environment(("Database__Provider", "SqlServer"), ("Database__ConnectionString", cs));
        await using var app = AppProcess.Start(["--urls", $"http://127.0.0.1:{AppProcess.FreePort()}"], env);
        (await app.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(78, app.Output);
        var lines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1, app.Output);
        lines[0].ShouldStartWith("ClinicAdmin cannot start: the database is not answering (SQL Server");
        lines[0].ShouldContain("Database:ConnectionString");
        app.Output.ShouldNotContain("   at ");
    }

    private static int Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        return p.ExitCode;
    }
}
