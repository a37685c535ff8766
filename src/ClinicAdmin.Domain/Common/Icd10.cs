using System.Text.RegularExpressions;

namespace ClinicAdmin.Domain.Common;

/// <summary>ICD-10-CM code format: a letter, a digit, a character, then optionally "." and up to four more.</summary>
public static partial class Icd10
{
    [GeneratedRegex("^[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?$")]
    private static partial Regex Format();

    /// <summary>The code exactly as given has the ICD-10-CM format (no trimming or case folding).</summary>
    public static bool HasFormat(string code) => Format().IsMatch(code);

    /// <summary>Upper-cases, trims and puts the dot after the third character; null when the format is wrong.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim().ToUpperInvariant();
        if (!Format().IsMatch(c)) return null;
        c = c.Replace(".", "");
        return c.Length > 3 ? c[..3] + "." + c[3..] : c;
    }

    public static bool IsValid(string? code) => Normalize(code) is not null;
}
