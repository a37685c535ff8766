using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ClinicAdmin.Data;
using ClinicAdmin.Web.Platform.Operations;

namespace ClinicAdmin.Web.Platform.Security;

/// <summary>The "DataProtection" section: the key-encryption certificate for the data-protection keys.</summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// A PKCS#12 (.pfx) file with an RSA private key, kept outside the database and its backups (a mounted secret).
    /// Required in Production; elsewhere a development certificate is made in the data folder.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password, if it has one (from a secret store or environment variable, not a file in the repository).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Rotation: certificates replaced by <see cref="CertificatePath"/>, still needed to read the keys they encrypted.
    /// New keys are encrypted to the current certificate only; drop an old one once its keys have expired (README).
    /// </summary>
    public List<CertificateFile> PreviousCertificates { get; set; } = [];

    public sealed class CertificateFile
    {
        public string? Path { get; set; }
        public string? Password { get; set; }
    }
}

/// <summary>
/// The key-encryption key for the data-protection keys (issue 13, finding 4): the keys that sign sign-in cookies are
/// stored in the database, so whoever read the database or a backup could forge a cookie for any user. With the
/// framework's ProtectKeysWithCertificate each key's secret is stored encrypted to this certificate, which never lives
/// in the database. Keys stored before this (plain) keep working: only encrypted elements are decrypted.
/// Loaded while services are registered, because the framework takes the certificate itself, not a factory.
/// </summary>
public static class KeyEncryption
{
    public const string DevelopmentFileName = "dataprotection-kek.pfx";

    /// <summary>The certificate, or a <see cref="StartupRefusedException"/> naming the setting (one line, exit 78).</summary>
    public static X509Certificate2 Load(IConfiguration configuration, IHostEnvironment env)
    {
        var o = configuration.GetSection(KeyEncryptionOptions.Section).Get<KeyEncryptionOptions>() ?? new();
        if (!string.IsNullOrWhiteSpace(o.CertificatePath))
            return Open(Path.GetFullPath(o.CertificatePath), o.CertificatePassword, "DataProtection:CertificatePath");
        if (env.IsProduction())
            throw new StartupRefusedException(
                "DataProtection:CertificatePath is required in Production: a .pfx certificate with an RSA private key, kept outside the database " +
                "and its backups, that encrypts the data-protection keys (which sign every sign-in cookie) at rest.");
        var folder = new DatabaseOptions { DataDirectory = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.DataDirectory)}"] }.ResolvedDataDirectory;
        var path = Path.Combine(folder, DevelopmentFileName);
        if (!File.Exists(path) && CreateDevelopmentCertificate(path))
            Console.WriteLine($"Data-protection keys are encrypted at rest with a development certificate made now at {path} (0600, outside the database). " +
                              "Production needs DataProtection:CertificatePath.");
        return Open(path, null, "the development certificate");
    }

    /// <summary>The certificates named in DataProtection:PreviousCertificates, each refused at start like the current one.</summary>
    public static X509Certificate2[] LoadPrevious(IConfiguration configuration)
    {
        var o = configuration.GetSection(KeyEncryptionOptions.Section).Get<KeyEncryptionOptions>() ?? new();
        return o.PreviousCertificates.Select((c, i) => string.IsNullOrWhiteSpace(c.Path)
                ? throw new StartupRefusedException($"DataProtection:PreviousCertificates:{i}:Path is empty: name the old .pfx file, or remove the entry.")
                : Open(Path.GetFullPath(c.Path), c.Password, $"DataProtection:PreviousCertificates:{i}:Path"))
            .ToArray();
    }

    private static X509Certificate2 Open(string path, string? password, string setting)
    {
        if (!File.Exists(path)) throw new StartupRefusedException($"{setting} names {path}, which does not exist.");
        X509Certificate2 cert;
        try { cert = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet); }
        catch (CryptographicException)
        {
            throw new StartupRefusedException($"{setting} ({path}) cannot be opened: it is not a PKCS#12 (.pfx) file or DataProtection:CertificatePassword is wrong.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new StartupRefusedException($"{setting} ({path}) cannot be read by this user.");
        }
        using var key = cert.GetRSAPrivateKey();
        if (key is null)
        {
            cert.Dispose();
            throw new StartupRefusedException($"{setting} ({path}) has no RSA private key; the data-protection keys are encrypted with RSA.");
        }
        return cert;
    }

    /// <summary>A self-signed RSA-3072 certificate written 0600 (to a temporary name, then moved: two apps starting together agree on one).</summary>
    private static bool CreateDevelopmentCertificate(string path)
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=ClinicAdmin data-protection key encryption (development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(20));
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        PrivateFiles.WriteAllBytes(temporary, cert.Export(X509ContentType.Pkcs12));
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path)) { return false; } // another process made it first: use theirs
        finally { File.Delete(temporary); }
    }
}
