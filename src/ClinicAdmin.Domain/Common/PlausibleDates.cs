namespace ClinicAdmin.Domain.Common;

/// <summary>
/// The years a typed date can be in: a date picker accepts year 1 and 9999, and such a date is a slip of the keyboard
/// that would otherwise be stored, printed on bills and sorted first or last in every list.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    public static bool IsPlausible(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>The message for a date outside 1900–2099, or null.</summary>
    public static string? Problem(DateOnly? date, string what) =>
        date is { } d && !IsPlausible(d) ? $"{what} must be between {Earliest.Year} and {Latest.Year}; check the year." : null;
}
