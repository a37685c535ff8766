using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ClinicAdmin.Data.Backup;

/// <summary>The "Backup" section. Read by the backup and restore verbs only; the web app does not need it.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// 32 random bytes in base64 (`openssl rand -base64 32`). Encrypts backups and authenticates their manifests; kept
    /// outside the database and its backups (a secret store, the backup operator's vault). Without it a backup
    /// cannot be restored: keep a copy.
    /// </summary>
    public string? Key { get; set; }
}

/// <summary>
/// The keys of one backup key (issue 13, finding 11), derived with HKDF-SHA256 so encryption and manifest
/// authentication never share a key: a file key per backup (from a random salt stored in the file's header) for
/// AES-256-GCM, and one HMAC-SHA256 key for manifests. The key id names the key without revealing it.
/// </summary>
public sealed class BackupKeys
{
    private readonly byte[] _master;

    private BackupKeys(byte[] master)
    {
        _master = master;
        ManifestKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, salt: [], info: "ClinicAdmin backup v2 manifest"u8.ToArray());
        KeyId = Convert.ToHexStringLower(HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 8, salt: [], info: "ClinicAdmin backup v2 key id"u8.ToArray()));
    }

    public byte[] ManifestKey { get; }
    public string KeyId { get; }

    public byte[] FileKey(ReadOnlySpan<byte> salt) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _master, 32, salt.ToArray(), "ClinicAdmin backup v2 file"u8.ToArray());

    /// <summary>The configured key, or a <see cref="BackupException"/> naming Backup:Key (checked before anything is read or written).</summary>
    public static BackupKeys From(BackupOptions options)
    {
        const string how = "set Backup:Key to 32 random bytes in base64 (make one with `openssl rand -base64 32`), stored outside the database and its backups; backups are encrypted with it and cannot be restored without it.";
        if (string.IsNullOrWhiteSpace(options.Key)) throw new BackupException("Backup:Key is not set: " + how);
        byte[] key;
        try { key = Convert.FromBase64String(options.Key.Trim()); }
        catch (FormatException) { throw new BackupException("Backup:Key is not base64: " + how); }
        if (key.Length != 32) throw new BackupException($"Backup:Key is {key.Length} bytes, not 32: " + how);
        return new BackupKeys(key);
    }
}

/// <summary>
/// A backup file, encrypted and authenticated in 1 MiB chunks with AES-256-GCM, so a database of any size streams
/// through a fixed buffer. Layout: header (magic, 32-byte salt, chunk size), then per chunk ciphertext + 16-byte tag.
/// Each chunk's nonce holds its index and a last-chunk flag, and the header is its associated data: chunks cannot be
/// reordered, dropped, cut off at the end or moved between files without the decryption failing.
/// </summary>
public static class BackupCipher
{
    private static readonly byte[] Magic = "ClinicAdmin backup v2\n"u8.ToArray();
    private const int SaltBytes = 32, TagBytes = 16, DefaultChunk = 1 << 20;
    private static int HeaderBytes => Magic.Length + SaltBytes + 4;

    public static void Encrypt(string plainFile, string encryptedFile, BackupKeys keys, int chunkSize = DefaultChunk)
    {
        var header = new byte[HeaderBytes];
        Magic.CopyTo(header, 0);
        RandomNumberGenerator.Fill(header.AsSpan(Magic.Length, SaltBytes));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(Magic.Length + SaltBytes), chunkSize);
        using var gcm = new AesGcm(keys.FileKey(header.AsSpan(Magic.Length, SaltBytes)), TagBytes);
        using var input = new FileStream(plainFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var output = PrivateFiles.CreateNew(encryptedFile);
        output.Write(header);
        var plain = new byte[chunkSize];
        var sealedChunk = new byte[chunkSize + TagBytes];
        for (long index = 0; ; index++)
        {
            var n = input.ReadAtLeast(plain, chunkSize, throwOnEndOfStream: false);
            var last = input.Position >= input.Length;
            gcm.Encrypt(Nonce(index, last), plain.AsSpan(0, n), sealedChunk.AsSpan(0, n), sealedChunk.AsSpan(n, TagBytes), header);
            output.Write(sealedChunk, 0, n + TagBytes);
            if (last) break;
        }
        output.Flush(flushToDisk: true);
    }

    /// <summary>Decrypts the whole file into <paramref name="plainFile"/> (0600); any changed byte throws a <see cref="BackupException"/>.</summary>
    public static void Decrypt(string encryptedFile, string plainFile, BackupKeys keys)
    {
        using var input = new FileStream(encryptedFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var header = new byte[HeaderBytes];
        if (input.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new BackupException($"{encryptedFile} is not an encrypted ClinicAdmin backup (its header is missing or changed).");
        var chunkSize = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(Magic.Length + SaltBytes));
        if (chunkSize is < 1024 or > 64 << 20) throw new BackupException($"{encryptedFile} has a changed header (chunk size {chunkSize}).");
        using var gcm = new AesGcm(keys.FileKey(header.AsSpan(Magic.Length, SaltBytes)), TagBytes);
        using var output = PrivateFiles.CreateNew(plainFile);
        var sealedChunk = new byte[chunkSize + TagBytes];
        var plain = new byte[chunkSize];
        for (long index = 0; ; index++)
        {
            var n = input.ReadAtLeast(sealedChunk, sealedChunk.Length, throwOnEndOfStream: false);
            var last = input.Position >= input.Length;
            if (n < TagBytes) throw Changed(encryptedFile);
            try { gcm.Decrypt(Nonce(index, last), sealedChunk.AsSpan(0, n - TagBytes), sealedChunk.AsSpan(n - TagBytes, TagBytes), plain.AsSpan(0, n - TagBytes), header); }
            catch (AuthenticationTagMismatchException) { throw Changed(encryptedFile); }
            output.Write(plain, 0, n - TagBytes);
            if (last) break;
        }
    }

    private static BackupException Changed(string file) =>
        new($"{file} failed decryption: it was changed after the backup was made, or Backup:Key is not the key it was made with.");

    private static byte[] Nonce(long index, bool last)
    {
        var nonce = new byte[12];
        nonce[0] = last ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(4), index);
        return nonce;
    }
}
