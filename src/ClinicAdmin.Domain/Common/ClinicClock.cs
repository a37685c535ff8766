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

    public DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));
}
