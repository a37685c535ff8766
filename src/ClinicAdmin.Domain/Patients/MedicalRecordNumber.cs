using System.Text.RegularExpressions;

namespace ClinicAdmin.Domain.Patients;

/// <summary>
/// Medical record numbers: "MRN-" and at least six digits, issued in sequence by the app (never typed).
/// Reports show the MRN instead of the name, so it must be unique and never reused.
/// </summary>
public static partial class MedicalRecordNumber
{
    public const string Prefix = "MRN-";
    public const int Digits = 6;
    /// <summary>Numbers start here so the first MRNs do not look like test data ("MRN-000001").</summary>
    public const long First = 100_000;

    [GeneratedRegex("^(?:MRN)?[- ]?([0-9]{1,12})$", RegexOptions.IgnoreCase)]
    private static partial Regex Typed();

    /// <summary>The number after the highest one issued so far (<paramref name="highest"/>, null for the first patient).</summary>
    public static string Next(string? highest)
    {
        long last = First - 1;
        if (highest is not null && highest.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(highest[Prefix.Length..], out var n))
            last = Math.Max(last, n);
        return Format(last + 1);
    }

    public static string Format(long number) => Prefix + number.ToString("D" + Digits);

    /// <summary>
    /// What was typed in a search box, as the start of an MRN: "mrn-100207", "MRN100207", "100207" and "1002"
    /// become "MRN-100207" / "MRN-1002". Null when the text is not an MRN (e.g. a name).
    /// </summary>
    public static string? SearchPrefix(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var m = Typed().Match(typed.Trim());
        return m.Success ? Prefix + m.Groups[1].Value : null;
    }
}
