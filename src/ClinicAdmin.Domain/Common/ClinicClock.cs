namespace ClinicAdmin.Domain.Common;

/// <summary>Converts between stored UTC instants and the clinic's wall clock.</summary>
public sealed class ClinicClock(TimeZoneInfo zone, TimeProvider time)
{
    public TimeZoneInfo Zone { get; } = zone;

    public static ClinicClock For(string timeZoneId, TimeProvider time) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId), time);

    public DateTime NowLocal => TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, Zone);
    public DateOnly Today => DateOnly.FromDateTime(NowLocal);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>
    /// False for a wall-clock time skipped when the clocks go forward (02:30 on the US spring-forward day):
    /// <see cref="ToUtc"/> throws on it, so forms check this first and answer with a field error.
    /// </summary>
    public bool Exists(DateTime local) => !Zone.IsInvalidTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));

    /// <summary>The message a form shows next to a time that <see cref="Exists"/> refuses.</summary>
    public const string SkippedTimeMessage = "That time does not exist in the clinic's time zone (clocks went forward).";

    /// <summary>
    /// The UTC instant a clinic day starts. Days at the ends of the calendar clamp to DateTime's limits, so a filter or
    /// scope typed as year 1 or year 9999 finds nothing (or everything) instead of overflowing into a 500.
    /// </summary>
    public DateTime DayStartUtc(DateOnly day) =>
        day == DateOnly.MinValue ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)
        : day >= DateOnly.MaxValue.AddDays(-1) ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
        : ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>Where a clinic day ends (exclusive): the next day's start, so [DayStartUtc(from), DayEndUtc(to)) covers from..to.</summary>
    public DateTime DayEndUtc(DateOnly day) =>
        day >= DateOnly.MaxValue.AddDays(-2) ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : DayStartUtc(day.AddDays(1));

    public DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));
}
