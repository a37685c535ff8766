using ClinicAdmin.Data.Backup;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Testing;
using ClinicAdmin.Web.Platform.Operations;
using ClinicAdmin.Web.Features.Outcomes;
using ClinicAdmin.Web.Features.Superbills;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Platform.Operations;

/// <summary>
/// Backup and restore of a demo clinic with issued superbills and an outcome workbook: the restored database holds
/// every row of every table and every document byte for byte. The comparison here reads both databases itself (not
/// through the manifest code), so a backup that lost or changed anything fails.
/// </summary>
public abstract class BackupRestoreTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }
    protected abstract Task<string> NewDatabaseAsync();

    private readonly List<string> _databases = [];
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "clinicadmin-tests", "backup-" + Guid.NewGuid().ToString("N"))).FullName;
    private WebApplicationFactory<Program> _app = null!;
    private string _source = "";

    public async Task InitializeAsync()
    {
        _source = await TrackAsync();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", Provider.ToString());
            b.UseSetting("Database:ConnectionString", _source);
            b.UseSetting("Demo:Enabled", "true"); // the demo clinic is seeded at start
            b.UseSetting("Smtp:PickupDirectory", _folder);
        });
        _ = _app.Server;
        await IssueDocumentsAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var cs in _databases) await TestDatabases.DropAsync(Provider, cs);
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    private async Task<string> TrackAsync()
    {
        var cs = await NewDatabaseAsync();
        _databases.Add(cs);
        return cs;
    }

    /// <summary>Three course superbills (issued as the app issues them) and last month's outcome workbook (through the job engine).</summary>
    private async Task IssueDocumentsAsync()
    {
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Id)
                .Where(c => db.Visits.Any(v => v.TreatmentCourseId == c.Id && v.ChargeLines.Any()))
                .Select(c => new { c.Id, c.PatientId }).Take(3).ToListAsync();
            courses.Count.ShouldBe(3, "the demo clinic has courses with billed visits");
            foreach (var c in courses)
                await scope.ServiceProvider.GetRequiredService<SuperbillIssuer>()
                    .IssueAsync(SuperbillScope.ForCourse(c.PatientId, c.Id), $"superbill:course:{c.Id}:v1", 1, null, "backup test");
        }
        var month = DateTime.UtcNow.AddMonths(-1);
        int runId;
        using (var scope = _app.Services.CreateScope())
            runId = (await scope.ServiceProvider.GetRequiredService<OutcomeWorkbookRequests>().RequestFirstAsync(month.Year, month.Month, "backup test", null)).Id;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var scope = _app.Services.CreateScope();
            var run = await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().JobRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            if (run.IsFinished) { run.Status.ShouldBe(JobStatus.Succeeded, run.Error); break; }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The workbook job did not finish in 90 s.");
            await Task.Delay(200);
        }
    }

    private DatabaseBackup BackupOf(string connectionString, IServiceScope scope, string? key = null) =>
        new(Options.Create(new DatabaseOptions { Provider = Provider, ConnectionString = connectionString }),
            Options.Create(new BackupOptions { Key = key ?? TestKeys.BackupKey }), scope.ServiceProvider.GetRequiredService<ClinicDbContext>());

    [Fact]
    public async Task A_restored_backup_holds_every_row_of_every_table_and_every_document_byte_for_byte()
    {
        var file = Path.Combine(_folder, "clinic.backup");
        var target = await TrackAsync();
        using var scope = _app.Services.CreateScope();
        var backup = await BackupOf(_source, scope).BackupAsync(file);
        // Writes after the backup must not leak into it.
        await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().Patients.Take(1)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastName, "ChangedAfterBackup"));

        var restored = await BackupOf(target, scope).RestoreAsync(file, force: false);
        restored.Restored.Documents.Count.ShouldBe(4);

        var before = await RowsAsync(_source);
        var after = await RowsAsync(target);
        before.Keys.ShouldContain("Documents");
        before.Keys.ShouldContain("Patients");
        after.Keys.Order().ShouldBe(before.Keys.Order());
        foreach (var table in before.Keys.Where(t => t != "Patients" && !t.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase)))
            after[table].ShouldBe(before[table], $"table {table}");
        // Patients differ by exactly the one change made after the backup.
        after["Patients"].Count.ShouldBe(before["Patients"].Count);
        after["Patients"].Except(before["Patients"]).Count().ShouldBe(1);
        after["Patients"].ShouldNotContain(r => r.Contains("ChangedAfterBackup"));

        var originals = await DocumentsAsync(_source);
        var copies = await DocumentsAsync(target);
        originals.Select(d => d.Kind).Distinct().Order().ShouldBe([DocumentKind.Superbill, DocumentKind.OutcomeWorkbook]);
        copies.Count.ShouldBe(originals.Count);
        foreach (var (o, c) in originals.Zip(copies))
        {
            c.Content.ShouldBe(o.Content, $"document {o.Id}");
            Convert.ToHexStringLower(SHA256.HashData(c.Content)).ShouldBe(o.Sha256, $"document {o.Id}");
        }
        backup.Manifest.Documents.Select(d => d.Sha256).ShouldBe(originals.Select(d => d.Sha256));
    }

    [Fact]
    public async Task A_restore_refuses_a_database_with_data_unless_forced()
    {
        var file = Path.Combine(_folder, "clinic.backup");
        using var scope = _app.Services.CreateScope();
        await BackupOf(_source, scope).BackupAsync(file);
        var refused = await Should.ThrowAsync<BackupException>(() => BackupOf(_source, scope).RestoreAsync(file, force: false));
        refused.Message.ShouldContain("--force");
        (await BackupOf(_source, scope).RestoreAsync(file, force: true)).Restored.Documents.Count.ShouldBe(4);
        (await Should.ThrowAsync<BackupException>(() => BackupOf(_source, scope).BackupAsync(file))).Message.ShouldContain("already exists");
    }

    [Fact]
    public async Task A_backup_is_encrypted_private_and_names_no_patient()
    {
        var file = Path.Combine(_folder, "private", "clinic.backup");
        using var scope = _app.Services.CreateScope();
        var surnames = await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().Patients.Select(p => p.LastName).Distinct().ToListAsync();
        surnames.Count.ShouldBeGreaterThan(10);
        await BackupOf(_source, scope).BackupAsync(file);

        var bytes = await File.ReadAllBytesAsync(file);
        var text = Encoding.Latin1.GetString(bytes);
        text.ShouldStartWith("ClinicAdmin backup v2\n");
        text.ShouldNotContain("SQLite format 3");
        text.ShouldNotContain("PGDMP");
        text.ShouldNotContain("CREATE TABLE");
        surnames.Where(n => n.Length >= 5 && text.Contains(n, StringComparison.Ordinal)).ShouldBeEmpty();
        Directory.GetFiles(Path.GetDirectoryName(file)!).Select(f => Path.GetFileName(f)!).Order().ToArray()
            .ShouldBe(new[] { "clinic.backup", "clinic.backup.manifest.json" }, "no plaintext copy is left");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.GetDirectoryName(file)!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(BackupManifest.PathFor(file)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>One byte changed anywhere (backup file or manifest), or the wrong key: the restore says so in one line and changes nothing.</summary>
    [Fact]
    public async Task A_changed_backup_or_manifest_or_another_key_is_refused_and_the_database_is_untouched()
    {
        var file = Path.Combine(_folder, "clinic.backup");
        var manifestPath = BackupManifest.PathFor(file);
        using var scope = _app.Services.CreateScope();
        await BackupOf(_source, scope).BackupAsync(file);
        var good = await File.ReadAllBytesAsync(file);
        var goodManifest = await File.ReadAllBytesAsync(manifestPath);
        var target = await TrackAsync();
        // The job engine's own tables (scheduler check-ins) change by themselves while the app runs.
        async Task<List<string>> DataAsync(string db) => (await RowsAsync(db)).Where(t => !t.Key.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Key, StringComparer.Ordinal).SelectMany(t => t.Value.Select(r => t.Key + ": " + r)).ToList();
        var sourceRows = await DataAsync(_source);
        var emptyRows = await DataAsync(target);
        sourceRows.Count.ShouldBeGreaterThan(1000);

        async Task RefusedAsync(string expected, string? key = null)
        {
            var into = await Should.ThrowAsync<BackupException>(() => BackupOf(target, scope, key).RestoreAsync(file, force: true));
            into.Message.ShouldContain(expected);
            into.Message.ShouldNotContain("\n");
            (await Should.ThrowAsync<BackupException>(() => BackupOf(_source, scope, key).RestoreAsync(file, force: true))).Message.ShouldContain(expected);
            (await Should.ThrowAsync<BackupException>(() => BackupOf(_source, scope, key).VerifyAsync(file))).Message.ShouldContain(expected);
            (await DataAsync(target)).ShouldBe(emptyRows, "a refused restore wrote into the empty database");
            (await DataAsync(_source)).ShouldBe(sourceRows, "a refused restore changed the database");
            await File.WriteAllBytesAsync(file, good);
            await File.WriteAllBytesAsync(manifestPath, goodManifest);
        }

        foreach (var at in new[] { 0, 30, good.Length / 2, good.Length - 1 }) // header, salt, data, last tag
        {
            var bytes = good.ToArray();
            bytes[at] ^= 0x01;
            await File.WriteAllBytesAsync(file, bytes);
            await RefusedAsync("damaged or was changed");
        }
        foreach (var at in new[] { 0, goodManifest.Length / 3, goodManifest.Length / 2, goodManifest.Length - 3 })
        {
            var bytes = goodManifest.ToArray();
            bytes[at] ^= 0x01;
            await File.WriteAllBytesAsync(manifestPath, bytes);
            await RefusedAsync("changed");
        }
        // Someone who knew the key could re-seal the manifest over a changed file: AES-GCM still refuses the file.
        var keys = BackupKeys.From(new BackupOptions { Key = TestKeys.BackupKey });
        var changed = good.ToArray();
        changed[good.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(file, changed);
        var resealed = BackupManifest.Load(file, keys) with { FileSha256 = Convert.ToHexStringLower(SHA256.HashData(changed)) };
        File.Delete(manifestPath);
        resealed.Seal(keys).Save(file);
        await RefusedAsync("failed decryption");

        await RefusedAsync("Backup:Key", key: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await RefusedAsync("Backup:Key is not set", key: " ");
        await RefusedAsync("not 32", key: Convert.ToBase64String(new byte[16]));

        // The untouched backup still restores into the empty database.
        (await BackupOf(target, scope).RestoreAsync(file, force: false)).Restored.Documents.Count.ShouldBe(4);
    }

    /// <summary>Every table's rows as sorted text lines: the test's own reading, independent of the manifest code.</summary>
    private async Task<Dictionary<string, List<string>>> RowsAsync(string connectionString)
    {
        await using DbConnection c = Provider == DatabaseProvider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT tablename FROM pg_tables WHERE schemaname = 'public'";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        }
        var result = new Dictionary<string, List<string>>();
        foreach (var t in tables)
        {
            var rows = new List<string>();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{t}\"";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var line = new StringBuilder();
                for (var i = 0; i < r.FieldCount; i++)
                    line.Append(r.IsDBNull(i) ? "NULL" : r.GetValue(i) is byte[] b ? Convert.ToBase64String(b) : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                rows.Add(line.ToString());
            }
            rows.Sort(StringComparer.Ordinal);
            result[t] = rows;
        }
        return result;
    }

    private async Task<List<GeneratedDocument>> DocumentsAsync(string connectionString)
    {
        var options = DataModule.Configure(new DbContextOptionsBuilder<ClinicDbContext>(), Provider, connectionString).Options;
        await using var db = new ClinicDbContext((DbContextOptions<ClinicDbContext>)options);
        return await db.Documents.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }
}

[Trait("Database", "Sqlite")]
public sealed class BackupRestoreTests_Sqlite : BackupRestoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<string> NewDatabaseAsync() => Task.FromResult(TestDatabases.NewSqlite("backup"));
}

[Trait("Database", "PostgreSql")]
public sealed class BackupRestoreTests_PostgreSql : BackupRestoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override Task<string> NewDatabaseAsync() => TestDatabases.NewPostgresAsync("backup");
}
