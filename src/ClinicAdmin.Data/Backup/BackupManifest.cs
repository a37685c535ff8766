using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClinicAdmin.Data.Backup;

/// <summary>
/// What a backup holds, written beside it as FILE.manifest.json: the (encrypted) backup file's SHA-256, the row count
/// and a content hash of every table, and the SHA-256 of every stored document. A restore recomputes the same figures
/// from the restored database and must match them all. Format 2 is authenticated: HMAC-SHA256 under a key derived from
/// Backup:Key over the manifest as written, so neither the figures nor the file hash can be changed to match a
/// changed backup.
/// </summary>
public sealed record BackupManifest(
    int Format, string Provider, DateTime CreatedAtUtc, string FileName, long FileBytes, string FileSha256,
    IReadOnlyList<TableFigures> Tables, IReadOnlyList<DocumentFigures> Documents, string? KeyId = null, string? HmacSha256 = null)
{
    public const string Suffix = ".manifest.json";
    public const int CurrentFormat = 2;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NewLine = "\n", PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string PathFor(string backupFile) => backupFile + Suffix;

    public BackupManifest Seal(BackupKeys keys)
    {
        var unsigned = this with { KeyId = keys.KeyId, HmacSha256 = null };
        return unsigned with { HmacSha256 = Convert.ToHexStringLower(HMACSHA256.HashData(keys.ManifestKey, JsonSerializer.SerializeToUtf8Bytes(unsigned, Json))) };
    }

    public void Save(string backupFile) => PrivateFiles.WriteAllBytes(PathFor(backupFile), JsonSerializer.SerializeToUtf8Bytes(this, Json));

    /// <summary>
    /// The manifest beside <paramref name="backupFile"/>, authenticated: its bytes must be exactly those the backup wrote
    /// (any changed byte, even white space, is refused) and its HMAC must verify under the configured key.
    /// </summary>
    public static BackupManifest Load(string backupFile, BackupKeys keys)
    {
        var path = PathFor(backupFile);
        if (!File.Exists(path)) throw new BackupException($"the manifest {path} is missing; it is written beside every backup and is needed to prove the restore.");
        var bytes = File.ReadAllBytes(path);
        BackupManifest? m;
        try { m = JsonSerializer.Deserialize<BackupManifest>(bytes, Json); }
        catch (JsonException) { throw Changed(path); }
        if (m is null) throw Changed(path);
        if (m.Format < CurrentFormat && m.HmacSha256 is null && m.KeyId is null)
            throw new BackupException($"{backupFile} is an unencrypted backup with an unauthenticated manifest (format {m.Format}, made before backups were encrypted); this version restores only encrypted backups. Restore it with the ClinicAdmin version that made it, then make a new backup.");
        if (m.KeyId != keys.KeyId)
            throw new BackupException($"the manifest {path} names backup key {m.KeyId}, but the configured Backup:Key is {keys.KeyId}: set Backup:Key to the key the backup was made with (or the manifest was changed).");
        var expected = HMACSHA256.HashData(keys.ManifestKey, JsonSerializer.SerializeToUtf8Bytes(m with { HmacSha256 = null }, Json));
        byte[] given;
        try { given = Convert.FromHexString(m.HmacSha256 ?? ""); }
        catch (FormatException) { throw Changed(path); }
        if (m.Format != CurrentFormat || !CryptographicOperations.FixedTimeEquals(expected, given) || !bytes.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(m, Json)))
            throw Changed(path);
        return m;
    }

    private static BackupException Changed(string path) =>
        new($"the manifest {path} failed authentication: it was changed after the backup was made.");

    /// <summary>Every difference between what the backup recorded and what a database holds now (empty = intact).</summary>
    public IReadOnlyList<string> Differences(DatabaseFigures now)
    {
        var problems = new List<string>();
        var tables = now.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var t in Tables)
        {
            if (!tables.TryGetValue(t.Name, out var n)) problems.Add($"table {t.Name} is missing");
            else if (n.Rows != t.Rows) problems.Add($"table {t.Name} has {n.Rows} rows, the backup had {t.Rows}");
            else if (n.Sha256 != t.Sha256) problems.Add($"table {t.Name} has the same number of rows but different content");
        }
        var docs = now.Documents.ToDictionary(d => d.Id);
        foreach (var d in Documents)
        {
            if (!docs.TryGetValue(d.Id, out var n)) problems.Add($"document {d.Id} is missing");
            else if (n.Sha256 != d.Sha256) problems.Add($"document {d.Id} differs from the backup (SHA-256 {n.Sha256[..12]}…, expected {d.Sha256[..12]}…)");
        }
        foreach (var d in now.Documents.Where(d => !d.MatchesStoredHash))
            problems.Add($"document {d.Id}: its bytes do not match the SHA-256 stored with it");
        return problems;
    }

    public static string Sha256Of(string file)
    {
        using var s = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }
}

public sealed record TableFigures(string Name, long Rows, string Sha256);

/// <summary>A stored document: the SHA-256 of its bytes, and whether that equals the hash stored in its row.</summary>
public sealed record DocumentFigures(long Id, long Bytes, string Sha256, bool MatchesStoredHash = true);

public sealed record DatabaseFigures(IReadOnlyList<TableFigures> Tables, IReadOnlyList<DocumentFigures> Documents)
{
    public long TotalRows => Tables.Sum(t => t.Rows);

    /// <summary>
    /// Counts and hashes every table over an open connection (inside the caller's transaction, so a PostgreSQL backup
    /// hashes the very snapshot pg_dump copies). A table's hash is order-independent: the sorted hashes of its rows.
    /// </summary>
    public static async Task<DatabaseFigures> ReadAsync(DbConnection connection, DbTransaction? transaction, bool postgres,
                                                        string documentsTable, CancellationToken ct = default)
    {
        var names = new List<string>();
        await using (var cmd = Command(connection, transaction, postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) names.Add(r.GetString(0));

        var tables = new List<TableFigures>();
        foreach (var name in names)
        {
            var rowHashes = new List<byte[]>();
            await using var cmd = Command(connection, transaction, $"SELECT * FROM \"{name.Replace("\"", "\"\"")}\"");
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var text = new StringBuilder();
            while (await r.ReadAsync(ct))
            {
                text.Clear();
                for (var i = 0; i < r.FieldCount; i++) text.Append(Canonical(r.IsDBNull(i) ? null : r.GetValue(i))).Append('\u001f');
                rowHashes.Add(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
            }
            rowHashes.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
            using var table = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var h in rowHashes) table.AppendData(h);
            tables.Add(new TableFigures(name, rowHashes.Count, Convert.ToHexStringLower(table.GetHashAndReset())));
        }

        var documents = new List<DocumentFigures>();
        if (names.Contains(documentsTable))
        {
            await using var cmd = Command(connection, transaction, $"SELECT \"Id\", \"Sha256\", \"Content\" FROM \"{documentsTable}\" ORDER BY \"Id\"");
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var bytes = (byte[])r.GetValue(2);
                var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
                documents.Add(new DocumentFigures(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), bytes.LongLength, sha,
                    string.Equals(sha, r.GetString(1), StringComparison.OrdinalIgnoreCase)));
            }
        }
        return new DatabaseFigures(tables, documents);
    }

    private static DbCommand Command(DbConnection c, DbTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static string Canonical(object? v) => v switch
    {
        null => "\u2400",
        byte[] b => Convert.ToHexString(b),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}

/// <summary>A backup or restore that cannot go ahead; the message says why and what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
