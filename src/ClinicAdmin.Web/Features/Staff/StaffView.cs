using ClinicAdmin.Web.PageKit;
using System.Security.Claims;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;

namespace ClinicAdmin.Web.Features.Staff;

/// <summary>What the staff pages show and to whom: shared by the roster, the profile and the week grid.</summary>
public static class StaffView
{
    /// <summary>Licenses expiring within this many days are flagged on the roster.</summary>
    public const int ExpiryWarningDays = 60;

    /// <summary>
    /// License numbers are for clinical and management roles. Front desk never gets them (they are
    /// not needed for billing, which uses the NPI). A positive list, so a future role sees nothing by default.
    /// </summary>
    public static bool MaySeeLicenseNumbers(ClaimsPrincipal user) =>
        user.IsInRole(Roles.PracticeManager) || user.IsInRole(Roles.MedicalDirector) || user.IsInRole(Roles.Clinician);

    /// <summary>Warnings for someone still on the roster: billing problems plus licenses expiring soon. Former staff get none.</summary>
    public static IReadOnlyList<string> Warnings(StaffMember s, DateOnly today)
    {
        if (s.EndDate is { } end && end < today) return [];
        var list = s.BillingProblems(today).ToList();
        if (s.LicenseExpiresOn is { } exp && s.LicenseExpiresWithin(today, ExpiryWarningDays))
        {
            if (exp < today)
            {
                // Rendering providers already have this from BillingProblems.
                if (!s.IsRenderingProvider) list.Add($"License expired on {RecordText.Date(exp)}.");
            }
            else
            {
                var days = exp.DayNumber - today.DayNumber;
                list.Add(days == 0 ? $"License expires today ({RecordText.Date(exp)})." : $"License expires on {RecordText.Date(exp)} (in {days} day{(days == 1 ? "" : "s")}).");
            }
        }
        return list;
    }

    public enum Status { Active, Upcoming, Former }

    public static Status StatusOn(DateOnly start, DateOnly? end, DateOnly today) =>
        end is { } e && e < today ? Status.Former : start > today ? Status.Upcoming : Status.Active;

    public static string Slots(IEnumerable<(TimeOnly Start, TimeOnly End)> slots) =>
        string.Join(", ", slots.OrderBy(s => s.Start).Select(s => WeeklySlot.Format(s.Start, s.End)));
}
