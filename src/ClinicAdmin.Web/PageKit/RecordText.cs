using System.Globalization;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// The one place every page writes money, dates and times, and reads an amount a person typed (US practice: en-US
/// currency, ISO dates so they sort and never read ambiguously, 24-hour clinic-local times). The PDF and the
/// workbook have their own formats in ClinicAdmin.Reports.
/// </summary>
public static class RecordText
{
    private static readonly CultureInfo UnitedStates = CultureInfo.GetCultureInfo("en-US");

    public static string Money(decimal amount) => amount.ToString("C", UnitedStates);
    public static string Money(decimal? amount, string none = "—") => amount is { } a ? Money(a) : none;
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Date(DateOnly? d, string none = "") => d is { } v ? Date(v) : none;
    public static string Date(DateTime local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Date(DateTime? local, string none = "") => local is { } v ? Date(v) : none;
    public static string DateTime(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    public static string DateTime(DateTime? local, string none = "") => local is { } v ? DateTime(v) : none;
    public static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);
    public static string Number(decimal? n, string format = "0.##") => n?.ToString(format, CultureInfo.InvariantCulture) ?? "";

    public static int Age(DateOnly dob, DateOnly today)
    {
        var age = today.Year - dob.Year;
        return dob.AddYears(age) > today ? age - 1 : age;
    }

    /// <summary>An amount typed by a person: "$1,250.50", "425" or "-5" (the domain refuses it with its own words). Null when it is not a number.</summary>
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Replace("$", "").Replace(" ", "");
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, UnitedStates, out var d) ? d : null;
    }
}
