using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Staff;

/// <summary>Someone on the roster: clinical (MD, NP, RN, therapist) or not (office manager).</summary>
public class StaffMember : EditableEntity
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    /// <summary>As printed after the name on bills, e.g. "MSN, PMHNP-BC".</summary>
    public string Credentials { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Npi { get; set; }
    public string? LicenseNumber { get; set; }
    public string? LicenseState { get; set; }
    public DateOnly? LicenseExpiresOn { get; set; }
    public string? BoardCertifications { get; set; }
    /// <summary>Only rendering providers may be put on a bill, and they must have a valid NPI.</summary>
    public bool IsRenderingProvider { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Bio { get; set; }
    /// <summary>The sign-in account of this person, if any.</summary>
    public string? UserId { get; set; }

    public List<WeeklyAvailability> Availability { get; set; } = [];

    public string DisplayName => string.IsNullOrWhiteSpace(Credentials) ? $"{FirstName} {LastName}" : $"{FirstName} {LastName}, {Credentials}";

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);

    public bool IsAvailableAt(DayOfWeek day, TimeOnly time) =>
        Availability.Any(a => a.Day == day && a.Start <= time && time < a.End);

    /// <summary>Problems a rendering provider must not have (shown as roster warnings, enforced on bills).</summary>
    public IEnumerable<string> BillingProblems(DateOnly today)
    {
        if (!IsRenderingProvider) yield break;
        if (string.IsNullOrEmpty(Npi)) yield return "Rendering provider without an NPI.";
        else if (!Common.Npi.IsValid(Npi)) yield return Common.Npi.Explain(Npi);
        if (LicenseExpiresOn is { } exp && exp < today) yield return $"License expired on {exp:yyyy-MM-dd}.";
    }

    public bool LicenseExpiresWithin(DateOnly today, int days) =>
        LicenseExpiresOn is { } exp && exp <= today.AddDays(days);
}

/// <summary>A recurring weekly slot, in the clinic's local time, e.g. Monday 09:00–21:00.</summary>
public class WeeklyAvailability : Entity
{
    public int StaffMemberId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

public static class StaffTitles
{
    public static readonly string[] All =
    [
        "Medical Director", "Psychiatric Nurse Practitioner", "Medical Advisor", "Infusion Nurse",
        "Therapist", "Office Manager", "Front Desk Coordinator",
    ];
}
