using System.Text.RegularExpressions;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Catalog;

/// <summary>
/// CPT/HCPCS billing codes and their modifiers (CMS-1500 box 24D).
/// Accepted: CPT Category I (5 digits, 96365), CPT Category II/III (4 digits + F or T, 0591T) and
/// HCPCS Level II (a letter + 4 digits, J3490, G2082). Modifiers: up to four 2-character codes.
/// </summary>
public static partial class BillingCode
{
    /// <summary>
    /// Unlisted/unclassified codes. Several catalog items without a code of their own (add-on drugs,
    /// supplements) legitimately bill under the same one, so these are exempt from the duplicate rule.
    /// </summary>
    public static readonly IReadOnlyList<string> SharedUnlistedCodes = ["J3490", "J3590", "J8499", "99199"];

    /// <summary>CMS-1500 24D has four modifier slots.</summary>
    public const int MaxModifiers = 4;

    [GeneratedRegex("^([0-9]{5}|[0-9]{4}[FT]|[A-V][0-9]{4})$")]
    private static partial Regex CodeFormat();

    [GeneratedRegex("^[A-Z0-9]{2}$")]
    private static partial Regex ModifierFormat();

    /// <summary>Trimmed and upper-cased; null when it is not a CPT/HCPCS code.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim().ToUpperInvariant();
        return CodeFormat().IsMatch(c) ? c : null;
    }

    public static bool IsValid(string? code) => Normalize(code) is not null;

    public static bool IsSharedUnlisted(string? code) => Normalize(code) is { } c && SharedUnlistedCodes.Contains(c);

    /// <summary>"gt, 95" becomes "GT,95" (order kept: it matters on a claim); blank becomes null.</summary>
    public static string? NormalizeModifiers(string? modifiers)
    {
        if (string.IsNullOrWhiteSpace(modifiers)) return null;
        var parts = modifiers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                             .Select(m => m.ToUpperInvariant()).ToList();
        if (parts.Count == 0) return null;
        var bad = parts.FirstOrDefault(m => !ModifierFormat().IsMatch(m));
        if (bad is not null)
            throw new DomainException("Modifiers", $"\"{bad}\" is not a modifier: each is 2 letters or digits, separated by commas (e.g. GT,95).");
        if (parts.Count > MaxModifiers)
            throw new DomainException("Modifiers", $"At most {MaxModifiers} modifiers fit on a claim line.");
        if (parts.Distinct().Count() != parts.Count)
            throw new DomainException("Modifiers", "A modifier is listed twice.");
        return string.Join(",", parts);
    }

    /// <summary>Modifiers as a set: "GT,95" and "95,GT" bill the same thing.</summary>
    public static bool SameModifiers(string? a, string? b) =>
        Set(a).SetEquals(Set(b));

    private static HashSet<string> Set(string? modifiers) =>
        (modifiers ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                         .Select(m => m.ToUpperInvariant()).ToHashSet();

    public static string Display(string code, string? modifiers) =>
        string.IsNullOrWhiteSpace(modifiers) ? code : $"{code}-{modifiers.Replace(",", "-")}";
}
