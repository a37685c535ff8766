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

    /// <summary>
    /// Warnings for someone still on the roster: billing problems plus licenses expiring soon. Former staff get none, and
    /// nor does a license that outlasts its holder's last day.
    /// </summary>
    public static IReadOnlyList<string> Warnings(StaffMember s, DateOnly today)
    {
        if (s.StatusOn(today) == StaffStatus.Inactive) return [];
        var list = s.BillingProblems(today).ToList();
        if (s.LicenseExpiresOn is { } exp && s.NeedsLicenseRenewal(today, ExpiryWarningDays))
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

    /// <summary>The roster's words for a status: "Leaving on 2026-06-30" until the last day, "Inactive" after it.</summary>
    public static string StatusText(StaffStatus status, DateOnly start, DateOnly? end) => status switch
    {
        StaffStatus.Upcoming => $"Starts {RecordText.Date(start)}",
        StaffStatus.Leaving => $"Leaving on {RecordText.Date(end)}",
        StaffStatus.Inactive => "Inactive",
        _ => "Active",
    };

    public static string Slots(IEnumerable<(TimeOnly Start, TimeOnly End)> slots) =>
        string.Join(", ", slots.OrderBy(s => s.Start).Select(s => RecordText.TimeRange(s.Start, s.End)));
}
