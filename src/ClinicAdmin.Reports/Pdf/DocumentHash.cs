using System.Security.Cryptography;

namespace ClinicAdmin.Reports.Pdf;

/// <summary>The fingerprint stored beside every issued document, to prove later that its bytes never changed.</summary>
public static class DocumentHash
{
    /// <summary>SHA-256 of the bytes as 64 lower-case hex characters.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
