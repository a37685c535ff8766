using System.Globalization;

namespace ClinicAdmin.Domain.Clinic;

/// <summary>
/// How the clinic writes dates and times, one choice for pages, charts, the superbill PDF and the workbook
/// (a clinic setting; the US style is the default). Machine-read text (input values, file names, query strings,
/// CSV, ICS) stays ISO whatever the style.
/// </summary>
public enum DateStyle
{
    /// <summary>12/07/2026, 2:30 PM.</summary>
    UnitedStates = 0,
    /// <summary>07/12/2026, 14:30.</summary>
    International = 1,
    /// <summary>2026-12-07, 14:30.</summary>
    Iso = 2,
}

/// <summary>The formats of each <see cref="DateStyle"/>: .NET format strings (always with the invariant culture), Excel number formats, the page language.</summary>
public static class DateStyles
{
    public const DateStyle Default = DateStyle.UnitedStates;

    /// <summary>The .NET format of a date alone.</summary>
    public static string DateFormat(this DateStyle s) => s switch
    {
        DateStyle.International => "dd/MM/yyyy",
        DateStyle.Iso => "yyyy-MM-dd",
        _ => "MM/dd/yyyy",
    };

    /// <summary>The .NET format of a time of day: 12-hour in the US style, 24-hour otherwise.</summary>
    public static string TimeFormat(this DateStyle s) => s == DateStyle.UnitedStates ? "h:mm tt" : "HH:mm";

    public static string DateTimeFormat(this DateStyle s) => s.DateFormat() + " " + s.TimeFormat();

    /// <summary>The Excel number format of a date cell (the cell keeps a real date; only its display follows the style).</summary>
    public static string ExcelDateFormat(this DateStyle s) => s switch
    {
        DateStyle.International => "dd/mm/yyyy",
        DateStyle.Iso => "yyyy-mm-dd",
        _ => "mm/dd/yyyy",
    };

    public static string ExcelDateTimeFormat(this DateStyle s) =>
        s.ExcelDateFormat() + (s == DateStyle.UnitedStates ? " h:mm AM/PM" : " hh:mm");

    /// <summary>The page's language tag (html lang), a culture whose own short date is this style.</summary>
    public static string CultureName(this DateStyle s) => s switch
    {
        DateStyle.International => "en-GB",
        DateStyle.Iso => "en-CA",
        _ => "en-US",
    };

    public static string Date(this DateStyle s, DateOnly d) => d.ToString(s.DateFormat(), CultureInfo.InvariantCulture);
    public static string Date(this DateStyle s, DateTime d) => d.ToString(s.DateFormat(), CultureInfo.InvariantCulture);
    public static string Time(this DateStyle s, DateTime d) => d.ToString(s.TimeFormat(), CultureInfo.InvariantCulture);
    public static string Time(this DateStyle s, TimeOnly t) => t.ToString(s.TimeFormat(), CultureInfo.InvariantCulture);
    public static string DateTime(this DateStyle s, DateTime d) => d.ToString(s.DateTimeFormat(), CultureInfo.InvariantCulture);

    /// <summary>What <see cref="ParseDate"/> understands, said for people: "mm/dd/yyyy or yyyy-mm-dd".</summary>
    public static string DatePattern(this DateStyle s) =>
        s == DateStyle.Iso ? "yyyy-mm-dd" : s.DateFormat().ToLowerInvariant() + " or yyyy-mm-dd";

    /// <summary>
    /// A date a person typed: the style's own order (so 07/12/2026 is 7 December in the international style and 12 July
    /// in the US style, never a guess), ISO always, one-digit days and months, and '-' or '.' for '/'. Null when it is not a date.
    /// </summary>
    public static DateOnly? ParseDate(this DateStyle s, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return iso;
        if (s == DateStyle.Iso) return null;
        t = t.Replace('-', '/').Replace('.', '/');
        string[] formats = s == DateStyle.International ? ["dd/MM/yyyy", "d/M/yyyy"] : ["MM/dd/yyyy", "M/d/yyyy"];
        return DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
