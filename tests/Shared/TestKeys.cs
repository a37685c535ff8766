using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ClinicAdmin.Testing;

/// <summary>
/// Keys the tests hand to the app the way an operator would (issue 13): a key-encryption certificate file for
/// DataProtection:CertificatePath (Production requires one) and a Backup:Key. One of each per test process.
/// </summary>
public static class TestKeys
{
    private static readonly Lazy<string> Certificate = new(() => NewCertificateFile(password: null));

    /// <summary>A .pfx with an RSA key and no password, made once per test process.</summary>
    public static string CertificatePath => Certificate.Value;

    public static string BackupKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string NewCertificateFile(string? password)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "clinicadmin-tests", "keys")).FullName;
        var path = Path.Combine(dir, $"kek-{Guid.NewGuid():N}.pfx");
        using var rsa = RSA.Create(2048);
        using var cert = new CertificateRequest("CN=ClinicAdmin test key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
