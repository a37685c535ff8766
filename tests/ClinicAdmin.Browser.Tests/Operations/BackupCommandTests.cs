using ClinicAdmin.Browser.Tests.Infrastructure;
using ClinicAdmin.Data;
using ClinicAdmin.Testing;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Operations;

/// <summary>
/// The backup and restore verbs as an operator runs them: back up, verify, a restore over a database with data is
/// refused without --force, a restore into an empty database brings back the account made before the backup.
/// </summary>
[Trait("Category", "Process")]
public sealed class BackupCommandTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "clinicadmin-backup-cli", Guid.NewGuid().ToString("N"));
    private readonly List<string> _pg = [];

    public Task InitializeAsync() { Directory.CreateDirectory(_dir); return Task.CompletedTask; }

    public async Task DisposeAsync()
    {
        foreach (var cs in _pg) await TestDatabases.DropAsync(DatabaseProvider.PostgreSql, cs);
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private static async Task<(int Code, string Output)> RunAsync(Dictionary<string, string> env, params string[] args)
    {
        await using var app = AppProcess.Start(args, env);
        var code = await app.WaitForExitAsync(TimeSpan.FromSeconds(180));
        return (code, app.Output);
    }

    private async Task<Dictionary<string, string>> EnvironmentAsync(DatabaseProvider provider, string name)
    {
        var env = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = provider.ToString(), ["Jobs__Enabled"] = "false", ["App__PublicBaseUrl"] = "https://clinic.example" };
        if (provider == DatabaseProvider.Sqlite) env["Database__DataDirectory"] = Path.Combine(_dir, name);
        else
        {
            var cs = await TestDatabases.NewPostgresAsync("cli");
            _pg.Add(cs);
            env["Database__ConnectionString"] = cs;
        }
        return env;
    }

    [Theory]
    [InlineData("backup", "--out")]
    [InlineData("restore", "--from")]
    public async Task On_SQL_Server_backup_and_restore_refuse_with_one_line_pointing_to_BACKUP_DATABASE(string verb, string option)
    {
        // Refused before any connection is made, so no server is needed (and none answers on this port).
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = "SqlServer", ["Jobs__Enabled"] = "false",
            ["Database__ConnectionString"] = $"Server=127.0.0.1,{AppProcess.FreePort()};Database=clinic_east;User ID=sa;Password=unused;Connect Timeout=3;TrustServerCertificate=true",
        };
        var file = Path.Combine(_dir, "clinic.backup");
        var (code, output) = await RunAsync(env, verb, option, file);
        code.ShouldBe(1, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1, output);
        lines[0].ShouldContain("BACKUP DATABASE [clinic_east]");
        File.Exists(file).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Backup_verify_and_restore_bring_back_the_data_and_a_restore_over_data_needs_force(DatabaseProvider provider)
    {
        var source = await EnvironmentAsync(provider, "source");
        source["CLINICADMIN_PASSWORD"] = "Backup-Owner-Pass-2026";
        var created = await RunAsync(source, "users", "create", "--email", "owner@backup.example", "--name", "Owner", "--role", "PracticeManager");
        created.Code.ShouldBe(0, created.Output);

        var file = Path.Combine(_dir, "clinic.backup");
        var backup = await RunAsync(source, "backup", "--out", file);
        backup.Code.ShouldBe(0, backup.Output);
        backup.Output.ShouldContain("Backed up to " + file);
        File.Exists(file + ".manifest.json").ShouldBeTrue();
        var verify = await RunAsync(source, "backup", "verify", "--from", file);
        verify.Code.ShouldBe(0, verify.Output);
        verify.Output.ShouldContain("is intact");

        var over = await RunAsync(source, "restore", "--from", file);
        over.Code.ShouldBe(1, over.Output);
        over.Output.ShouldContain("--force");

        // Issue 13: without Backup:Key nothing is made; a backup with one changed byte is refused, the database untouched.
        var keyless = await RunAsync(new Dictionary<string, string>(source) { ["Backup__Key"] = "" }, "backup", "--out", Path.Combine(_dir, "keyless.backup"));
        keyless.Code.ShouldBe(1, keyless.Output);
        keyless.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldContain("Backup:Key is not set");
        File.Exists(Path.Combine(_dir, "keyless.backup")).ShouldBeFalse();
        var target = await EnvironmentAsync(provider, "target");
        var good = await File.ReadAllBytesAsync(file);
        var changed = good.ToArray();
        changed[changed.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(file, changed);
        var tampered = await RunAsync(target, "restore", "--from", file);
        tampered.Code.ShouldBe(1, tampered.Output);
        tampered.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldContain("damaged or was changed");
        await File.WriteAllBytesAsync(file, good);

        var restore = await RunAsync(target, "restore", "--from", file);
        restore.Code.ShouldBe(0, restore.Output);
        restore.Output.ShouldContain("every table and document matches the manifest");
        var list = await RunAsync(target, "users", "list");
        list.Code.ShouldBe(0, list.Output);
        list.Output.ShouldContain("owner@backup.example");

        (await RunAsync(source, "restore")).Code.ShouldBe(2);
    }
}
