using System.Globalization;
using ClinicAdmin.Domain.Clinic;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// The one place every page writes money, dates and times, and reads an amount a person typed (US practice: en-US
/// currency; dates and clinic-local times in the clinic's <see cref="DateStyle"/>). The style is static on purpose, so
/// ~100 call sites need no service: <see cref="ClinicDateStyleMiddleware"/> makes the clinic's setting current for each
/// request before the page renders; outside a request (tests, commands) it is the US default. Text a machine reads
/// (input values, query strings, file names) uses <see cref="IsoDate(DateOnly)"/>. The PDF and the workbook take the
/// style from the settings in their own model (ClinicAdmin.Reports).
/// </summary>
public static class RecordText
{
    private static readonly CultureInfo UnitedStates = CultureInfo.GetCultureInfo("en-US");
    private static readonly AsyncLocal<DateStyle?> CurrentStyle = new();

    /// <summary>The clinic's date style for this request (flows with the request's async context).</summary>
    public static DateStyle Style
    {
        get => CurrentStyle.Value ?? DateStyles.Default;
        set => CurrentStyle.Value = value;
    }

    public static string Money(decimal amount) => amount.ToString("C", UnitedStates);
    public static string Money(decimal? amount, string none = "—") => amount is { } a ? Money(a) : none;
    /// <summary>The page's html lang: a culture of the same style, for screen readers (native pickers follow the device).</summary>
    public static string Language => Style.CultureName();

    public static string Date(DateOnly d) => Style.Date(d);
    public static string Date(DateOnly? d, string none = "") => d is { } v ? Date(v) : none;
    public static string Date(DateTime local) => Style.Date(local);
    public static string Date(DateTime? local, string none = "") => local is { } v ? Date(v) : none;
    public static string DateTime(DateTime local) => Style.DateTime(local);
    public static string DateTime(DateTime? local, string none = "") => local is { } v ? DateTime(v) : none;
    public static string Time(DateTime local) => Style.Time(local);
    public static string Time(TimeOnly t) => Style.Time(t);
    /// <summary>"9:00 AM–12:00 PM" or "09:00–12:00": a slot of recurring hours.</summary>
    public static string TimeRange(TimeOnly start, TimeOnly end) => $"{Time(start)}\u2013{Time(end)}";
    /// <summary>A time to the second (access log, audit trail), in the style's 12- or 24-hour clock.</summary>
    public static string DateTimeSeconds(DateTime local) =>
        local.ToString(Style.DateTimeFormat().Replace(":mm", ":mm:ss"), CultureInfo.InvariantCulture);
    public static string TimeSeconds(DateTime local) =>
        local.ToString(Style.TimeFormat().Replace(":mm", ":mm:ss"), CultureInfo.InvariantCulture);
    /// <summary>yyyy-MM-dd for what a machine reads: an input's value, min or max, a query string.</summary>
    public static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string IsoDate(DateOnly? d) => d is { } v ? IsoDate(v) : "";
    /// <summary>How a person types a date here, e.g. "mm/dd/yyyy or yyyy-mm-dd", for hints and messages.</summary>
    public static string DatePattern => Style.DatePattern();
    /// <summary>A date a person typed, in the clinic's style or ISO.</summary>
    public static DateOnly? ParseDate(string? text) => Style.ParseDate(text);
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
