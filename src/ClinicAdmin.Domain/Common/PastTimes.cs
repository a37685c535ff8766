namespace ClinicAdmin.Domain.Common;

/// <summary>
/// A record of something that happened (an incident, a score, a visit's arrival and discharge) cannot be in the future.
/// One rule for every form, with a minute's grace: a form filled in "now" is rounded to the minute and clocks differ slightly.
/// </summary>
public static class PastTimes
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>True when <paramref name="time"/> is later than <paramref name="now"/> (plus the grace); both in the same clock (UTC or clinic local).</summary>
    public static bool IsFuture(DateTime time, DateTime now) => time > now + Grace;
}
