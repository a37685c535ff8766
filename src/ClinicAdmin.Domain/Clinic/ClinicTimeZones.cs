namespace ClinicAdmin.Domain.Clinic;

/// <summary>
/// The clinic's time zone decides "today" for prices and every time shown, so only a zone this
/// machine can resolve is accepted (an unknown id would break every page).
/// </summary>
public static class ClinicTimeZones
{
    /// <summary>US zones offered in the settings form (IANA ids, resolved on Linux and on Windows with ICU).</summary>
    public static readonly IReadOnlyList<(string Id, string Label)> UnitedStates =
    [
        ("America/New_York", "Eastern"),
        ("America/Chicago", "Central"),
        ("America/Denver", "Mountain"),
        ("America/Phoenix", "Arizona (no daylight saving)"),
        ("America/Los_Angeles", "Pacific"),
        ("America/Anchorage", "Alaska"),
        ("Pacific/Honolulu", "Hawaii"),
        ("America/Puerto_Rico", "Atlantic (Puerto Rico)"),
        ("America/Indiana/Indianapolis", "Eastern, Indiana"),
        ("America/Detroit", "Eastern, Michigan"),
        ("America/Boise", "Mountain, Idaho"),
        ("Pacific/Guam", "Chamorro (Guam)"),
    ];

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Trim() != id) return false;
        try { TimeZoneInfo.FindSystemTimeZoneById(id); return true; }
        catch (TimeZoneNotFoundException) { return false; }
        catch (InvalidTimeZoneException) { return false; }
    }
}
