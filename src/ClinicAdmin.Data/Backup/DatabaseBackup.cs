using System.Diagnostics;
using System.Text.RegularExpressions;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Documents;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ClinicAdmin.Data.Backup;

public sealed record BackupOutcome(string File, BackupManifest Manifest);
public sealed record RestoreOutcome(string Target, BackupManifest Manifest, DatabaseFigures Restored);

/// <summary>
/// Backup and restore of the configured database, with a manifest that proves the restore.
/// SQLite: the online backup API (a consistent copy while the app runs and writes, WAL included), then
/// PRAGMA integrity_check on the copy. PostgreSQL: pg_dump -Fc / pg_restore, with the connection passed in PG*
/// environment variables (never on a command line, where other users of the machine could read the password).
/// SQL Server: refused with one line pointing to the server's own BACKUP DATABASE (<see cref="SqlServerRefusal"/>).
/// At rest (issue 13, finding 11): the file is encrypted with AES-256-GCM (<see cref="BackupCipher"/>) and its manifest
/// authenticated with HMAC-SHA256, both under Backup:Key; backup, manifest and every plaintext copy on the way are 0600.
/// A restore checks the manifest and the file and decrypts all of it before it touches the database.
/// </summary>
public sealed partial class DatabaseBackup(IOptions<DatabaseOptions> options, IOptions<BackupOptions> backupOptions, ClinicDbContext db)
{
    private DatabaseOptions O => options.Value;
    private string DocumentsTable => db.Model.FindEntityType(typeof(GeneratedDocument))!.GetTableName()!;

    public async Task<BackupOutcome> BackupAsync(string outFile, CancellationToken ct = default)
    {
        RefuseSqlServer();
        var keys = BackupKeys.From(backupOptions.Value);
        outFile = Path.GetFullPath(outFile);
        if (File.Exists(outFile)) throw new BackupException($"{outFile} already exists; choose a new file name (a backup never overwrites another).");
        PrivateFiles.CreateFolder(Path.GetDirectoryName(outFile)!);
        // The database's plaintext copy exists only while it is encrypted, as 0600, and is removed whatever happens.
        var partial = outFile + ".partial";
        DeletePlain(partial);
        try
        {
            PrivateFiles.Touch(partial);
            var figures = O.Provider == DatabaseProvider.Sqlite ? await BackupSqliteAsync(partial, ct) : await BackupPostgresAsync(partial, ct);
            return Finish(partial, outFile, figures, keys);
        }
        finally { DeletePlain(partial); }
    }

    private static void DeletePlain(string file)
    {
        File.Delete(file);
        File.Delete(file + "-journal");
    }

    /// <summary>Authenticates the manifest and the file, then decrypts the backup into a private temporary folder for <paramref name="use"/>.</summary>
    private async Task<T> WithPlainCopyAsync<T>(string file, BackupKeys keys, Func<string, BackupManifest, Task<T>> use)
    {
        var manifest = CheckFile(file, keys);
        var folder = Path.Combine(Path.GetTempPath(), "clinicadmin-restore-" + Guid.NewGuid().ToString("N"));
        PrivateFiles.CreateFolder(folder);
        try
        {
            var plain = Path.Combine(folder, "backup.plain");
            BackupCipher.Decrypt(file, plain, keys);
            return await use(plain, manifest);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Checks a backup file on its own: its SHA-256 against the manifest, and for SQLite its integrity and every figure.</summary>
    public async Task<BackupManifest> VerifyAsync(string file, CancellationToken ct = default)
    {
        RefuseSqlServer();
        var keys = BackupKeys.From(backupOptions.Value);
        file = Path.GetFullPath(file);
        return await WithPlainCopyAsync(file, keys, async (plain, manifest) =>
        {
            if (manifest.Provider == nameof(DatabaseProvider.Sqlite))
            {
                await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = plain, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
                await c.OpenAsync(ct);
                await IntegrityCheckAsync(c, file, ct);
                Fail(manifest.Differences(await DatabaseFigures.ReadAsync(c, null, false, DocumentsTable, ct)), file);
            }
            else await RunAsync(PgTool("pg_restore", await ServerMajorAsync(ct)), ["--list", plain], ct); // the archive reads end to end
            return manifest;
        });
    }

    public async Task<RestoreOutcome> RestoreAsync(string file, bool force, CancellationToken ct = default)
    {
        RefuseSqlServer();
        var keys = BackupKeys.From(backupOptions.Value);
        file = Path.GetFullPath(file);
        return await WithPlainCopyAsync(file, keys, async (plain, manifest) =>
        {
            if (manifest.Provider != O.Provider.ToString())
                throw new BackupException($"{file} is a {manifest.Provider} backup but Database:Provider is {O.Provider}.");
            return O.Provider == DatabaseProvider.Sqlite ? await RestoreSqliteAsync(plain, manifest, force, ct) : await RestorePostgresAsync(plain, manifest, force, ct);
        });
    }

    /// <summary>
    /// SQL Server has its own backup (full, differential, log, point in time) that its operators already run; a copy
    /// made from outside would be a weaker one, so ClinicAdmin leaves it to the server instead of doing half of it.
    /// </summary>
    public static string SqlServerRefusal(string? database) =>
        $"ClinicAdmin does not back up or restore SQL Server databases; use the server's own BACKUP DATABASE [{database ?? "clinicadmin"}] TO DISK = N'...' WITH CHECKSUM (and RESTORE DATABASE), or your SQL Server backup jobs.";

    private void RefuseSqlServer()
    {
        if (O.Provider != DatabaseProvider.SqlServer) return;
        string? database = null;
        try { database = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(O.ResolvedConnectionString).InitialCatalog is { Length: > 0 } d ? d : null; }
        catch (ArgumentException) { } // a malformed connection string still gets the refusal, without the name
        throw new BackupException(SqlServerRefusal(database));
    }

    private static BackupManifest CheckFile(string file, BackupKeys keys)
    {
        if (!File.Exists(file)) throw new BackupException($"there is no backup at {file}.");
        var manifest = BackupManifest.Load(file, keys);
        var sha = BackupManifest.Sha256Of(file);
        if (sha != manifest.FileSha256)
            throw new BackupException($"{file} is damaged or was changed: its SHA-256 is {sha}, the manifest recorded {manifest.FileSha256}.");
        return manifest;
    }

    private static void Fail(IReadOnlyList<string> differences, string what)
    {
        if (differences.Count > 0)
            throw new BackupException($"{what} does not match its manifest: {string.Join("; ", differences.Take(10))}{(differences.Count > 10 ? $"; and {differences.Count - 10} more" : "")}.");
    }

    // ---- SQLite --------------------------------------------------------------------------------------------------

    private string SqlitePath => Path.GetFullPath(new SqliteConnectionStringBuilder(O.ResolvedConnectionString).DataSource);

    private async Task<DatabaseFigures> BackupSqliteAsync(string partial, CancellationToken ct)
    {
        var source = SqlitePath;
        if (!File.Exists(source)) throw new BackupException($"there is no database at {source} (Database:DataDirectory); nothing to back up.");
        DatabaseFigures figures;
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder(O.ResolvedConnectionString) { Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            await CopyAsync(from, to, ct); // one step: a consistent snapshot even while the app writes
            // A single self-contained file: no -wal beside the backup.
            await ExecAsync(to, "PRAGMA journal_mode=DELETE", ct);
            await IntegrityCheckAsync(to, partial, ct);
            figures = await DatabaseFigures.ReadAsync(to, null, false, DocumentsTable, ct);
        }
        return figures;
    }

    private BackupOutcome Finish(string partial, string outFile, DatabaseFigures figures, BackupKeys keys)
    {
        var sealing = outFile + ".sealing";
        File.Delete(sealing);
        try
        {
            BackupCipher.Encrypt(partial, sealing, keys);
            File.Move(sealing, outFile);
        }
        finally { File.Delete(sealing); }
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, O.Provider.ToString(), DateTime.UtcNow, Path.GetFileName(outFile), new FileInfo(outFile).Length,
            BackupManifest.Sha256Of(outFile), figures.Tables, figures.Documents).Seal(keys);
        File.Delete(BackupManifest.PathFor(outFile)); // an orphan left by a backup that failed at this point
        manifest.Save(outFile);
        return new BackupOutcome(outFile, manifest);
    }

    private async Task<RestoreOutcome> RestoreSqliteAsync(string file, BackupManifest manifest, bool force, CancellationToken ct)
    {
        var target = SqlitePath;
        PrivateFiles.CreateFolder(Path.GetDirectoryName(target)!);
        PrivateFiles.Touch(target);
        foreach (var f in new[] { target, target + "-wal", target + "-shm" }) PrivateFiles.Restrict(f);
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder(O.ResolvedConnectionString) { Pooling = false }.ToString());
        await from.OpenAsync(ct);
        await IntegrityCheckAsync(from, file, ct);
        await to.OpenAsync(ct);
        var existing = await ScalarAsync(to, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", ct);
        RefuseUnlessForced(existing, target, force);
        await CopyAsync(from, to, ct); // page by page under SQLite's lock: readers never see half a database
        await ExecAsync(to, "PRAGMA journal_mode=WAL", ct);
        await IntegrityCheckAsync(to, target, ct);
        var restored = await DatabaseFigures.ReadAsync(to, null, false, DocumentsTable, ct);
        Fail(manifest.Differences(restored), "the restored database " + target);
        return new RestoreOutcome(target, manifest, restored);
    }

    private static void RefuseUnlessForced(long existingTables, string target, bool force)
    {
        if (existingTables > 0 && !force)
            throw new BackupException($"{target} is not empty ({existingTables} tables). A restore replaces everything in it: stop the app and run the restore again with --force.");
    }

    // sqlite3_backup_step gives up at once with SQLITE_BUSY/LOCKED when the app holds a lock at that instant (a WAL
    // checkpoint, a job engine check-in) and Microsoft.Data.Sqlite does not retry it. SQLite's guidance is to wait and
    // try again; each attempt starts the copy afresh, so the result is still one consistent snapshot.
    private static async Task CopyAsync(SqliteConnection from, SqliteConnection to, CancellationToken ct)
    {
        await ExecAsync(from, "PRAGMA busy_timeout = 5000", ct);
        await ExecAsync(to, "PRAGMA busy_timeout = 5000", ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                from.BackupDatabase(to);
                return;
            }
            catch (SqliteException e) when (DatabaseFaults.Classify(e) == DatabaseFault.Busy && attempt < CopyAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
            }
        }
    }

    private const int CopyAttempts = 10;

    private static async Task IntegrityCheckAsync(SqliteConnection c, string what, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        var result = (string?)await cmd.ExecuteScalarAsync(ct);
        if (result != "ok") throw new BackupException($"{what} fails PRAGMA integrity_check: {result}");
    }

    private static async Task ExecAsync(SqliteConnection c, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection c, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    // ---- PostgreSQL ----------------------------------------------------------------------------------------------

    private async Task<DatabaseFigures> BackupPostgresAsync(string partial, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(O.ResolvedConnectionString);
        await c.OpenAsync(ct);
        var pgDump = PgTool("pg_dump", ServerMajor(c));
        // pg_dump copies the snapshot this transaction exported, and the manifest is computed in the same
        // transaction: both describe exactly the same moment, however busy the app is.
        await using var tx = await c.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        string snapshot;
        await using (var cmd = new NpgsqlCommand("SELECT pg_export_snapshot()", c, tx)) snapshot = (string)(await cmd.ExecuteScalarAsync(ct))!;
        await RunAsync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={partial}"], ct);
        var figures = await DatabaseFigures.ReadAsync(c, tx, true, DocumentsTable, ct);
        await tx.CommitAsync(ct);
        return figures;
    }

    private async Task<RestoreOutcome> RestorePostgresAsync(string file, BackupManifest manifest, bool force, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(O.ResolvedConnectionString);
        await using (var c = new NpgsqlConnection(O.ResolvedConnectionString))
        {
            await c.OpenAsync(ct);
            var existing = await ScalarAsync(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", ct);
            RefuseUnlessForced(existing, $"the database {b.Database} on {b.Host}", force);
            var pgRestore = PgTool("pg_restore", ServerMajor(c));
            // One transaction: a restore that fails half-way leaves the database as it was.
            await RunAsync(pgRestore, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname=", file], ct);
        }
        NpgsqlConnection.ClearAllPools();
        await using var check = new NpgsqlConnection(O.ResolvedConnectionString);
        await check.OpenAsync(ct);
        await using var tx = await check.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var restored = await DatabaseFigures.ReadAsync(check, tx, true, DocumentsTable, ct);
        Fail(manifest.Differences(restored), $"the restored database {b.Database}");
        return new RestoreOutcome($"{b.Database} on {b.Host}", manifest, restored);
    }

    private async Task<int> ServerMajorAsync(CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(O.ResolvedConnectionString);
        await c.OpenAsync(ct);
        return ServerMajor(c);
    }

    private static int ServerMajor(NpgsqlConnection c) => c.PostgreSqlVersion.Major;

    /// <summary>pg_dump/pg_restore at least as new as the server: Debian's versioned folders first (newest first), then PATH.</summary>
    private static string PgTool(string name, int serverMajor)
    {
        var candidates = (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Select(d => Path.Combine(d, "bin", name))
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, name)))
            .Where(File.Exists).Distinct().ToList();
        if (candidates.Count == 0)
            throw new BackupException($"{name} was not found. Install the PostgreSQL client tools, version {serverMajor} or newer (Debian: apt-get install postgresql-client-{serverMajor}).");
        var versions = candidates.Select(p => (Path: p, Major: MajorOf(p))).OrderByDescending(x => x.Major).ToList();
        var best = versions[0];
        if (best.Major < serverMajor)
            throw new BackupException($"{name} {best.Major} ({best.Path}) is older than the PostgreSQL {serverMajor} server and cannot read it. Install postgresql-client-{serverMajor} or newer.");
        return best.Path;
    }

    private static int MajorOf(string tool)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(tool, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var m = VersionText().Match(text);
            return m.Success ? int.Parse(m.Groups[1].Value) : 0;
        }
        catch (System.ComponentModel.Win32Exception) { return 0; }
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(\d+)")] private static partial Regex VersionText();

    /// <summary>Runs a PostgreSQL tool with the connection in PG* variables; its error output becomes the message on failure.</summary>
    private async Task RunAsync(string tool, string[] args, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(O.ResolvedConnectionString);
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PGHOST"] = b.Host ?? "localhost";
        psi.Environment["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["PGDATABASE"] = b.Database ?? "";
        if (b.Username is { Length: > 0 } user) psi.Environment["PGUSER"] = user;
        if (b.Password is { Length: > 0 } password) psi.Environment["PGPASSWORD"] = password;
        psi.Environment["PGSSLMODE"] = b.SslMode switch
        {
            SslMode.Disable => "disable", SslMode.Allow => "allow", SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer",
        };
        psi.Environment["PGCONNECT_TIMEOUT"] = "15";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        var errors = (await stderr).Trim();
        await stdout;
        if (p.ExitCode != 0)
            throw new BackupException($"{Path.GetFileName(tool)} failed (exit {p.ExitCode}): {(errors.Length > 600 ? errors[..600] + "…" : errors)}");
    }
}
