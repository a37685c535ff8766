using ClinicAdmin.Domain.Staff;

namespace ClinicAdmin.Domain.Visits;

/// <summary>Who may render a visit on a date, and a warning when they are not scheduled at that hour.</summary>
public static class ProviderSchedule
{
    /// <summary>Why this person cannot be a visit's rendering provider on that date; null when they can.</summary>
    public static string? RenderingProblem(StaffMember s, DateOnly day)
    {
        if (!s.IsRenderingProvider) return $"{s.DisplayName} is not a rendering provider.";
        if (!Common.Npi.IsValid(s.Npi)) return $"{s.DisplayName} has no valid NPI; fix the roster first.";
        if (!s.IsActiveOn(day)) return $"{s.DisplayName} was not on the roster on {day:yyyy-MM-dd}.";
        return null;
    }

    /// <summary>Non-blocking: the provider's weekly schedule does not cover this local time.</summary>
    public static string? AvailabilityWarning(StaffMember s, DateTime local) =>
        s.IsAvailableAt(local.DayOfWeek, TimeOnly.FromDateTime(local))
            ? null
            : $"{s.DisplayName} is not scheduled on {local.DayOfWeek} at {local:HH\\:mm}.";
}
