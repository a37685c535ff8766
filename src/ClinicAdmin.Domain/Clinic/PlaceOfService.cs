namespace ClinicAdmin.Domain.Clinic;

/// <summary>CMS place-of-service codes (CMS-1500 box 24B): always two digits, 01–99.</summary>
public static class PlaceOfService
{
    /// <summary>The codes a ketamine clinic uses, with our own short labels.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Common =
    [
        ("11", "Office"),
        ("02", "Telehealth, patient not at home"),
        ("10", "Telehealth, patient at home"),
        ("12", "Patient's home"),
        ("49", "Independent clinic"),
        ("22", "Hospital outpatient, on campus"),
        ("19", "Hospital outpatient, off campus"),
        ("53", "Community mental health center"),
    ];

    /// <summary>Trimmed; null unless exactly two digits and not 00.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim();
        return c.Length == 2 && c.All(char.IsAsciiDigit) && c != "00" ? c : null;
    }

    public static bool IsValid(string? code) => Normalize(code) is not null;

    public static string Label(string code) => Common.FirstOrDefault(p => p.Code == code).Label ?? "";
}
