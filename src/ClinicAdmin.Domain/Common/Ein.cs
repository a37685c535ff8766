using System.Text.RegularExpressions;

namespace ClinicAdmin.Domain.Common;

/// <summary>US Employer Identification Number: NN-NNNNNNN.</summary>
public static partial class Ein
{
    [GeneratedRegex("^[0-9]{2}-?[0-9]{7}$")]
    private static partial Regex Format();

    public static string? Normalize(string? ein)
    {
        if (string.IsNullOrWhiteSpace(ein)) return null;
        var e = ein.Trim();
        if (!Format().IsMatch(e)) return null;
        e = e.Replace("-", "");
        return e[..2] + "-" + e[2..];
    }
}
