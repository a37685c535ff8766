using System.Linq.Expressions;
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

    public string DisplayName => NameWithCredentials(FirstName, LastName, Credentials);

    /// <summary>"First Last, Credentials" (or "First Last" without credentials): how a person is named on records.</summary>
    public static string NameWithCredentials(string firstName, string lastName, string? credentials) =>
        string.IsNullOrWhiteSpace(credentials) ? $"{firstName} {lastName}" : $"{firstName} {lastName}, {credentials}";

    /// <summary>The same name as <see cref="DisplayName"/>, as an expression a query provider translates to SQL.</summary>
    public static readonly Expression<Func<StaffMember, string>> DisplayNameQuery =
        s => s.Credentials == null || s.Credentials.Trim() == "" ? s.FirstName + " " + s.LastName : s.FirstName + " " + s.LastName + ", " + s.Credentials;

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);

    /// <summary>
    /// Where the person stands on <paramref name="today"/>: someone with a last day still ahead is Leaving (they work
    /// until then, but nobody should plan around them), and Inactive only once that day has passed.
    /// </summary>
    public StaffStatus StatusOn(DateOnly today) =>
        EndDate is { } end && end < today ? StaffStatus.Inactive
        : StartDate > today ? StaffStatus.Upcoming
        : EndDate is not null ? StaffStatus.Leaving
        : StaffStatus.Active;

    /// <summary>
    /// A license expiring soon needs renewing only if the person is still here when it lapses: someone whose last day
    /// comes before the expiry date is not asked to renew it.
    /// </summary>
    public bool NeedsLicenseRenewal(DateOnly today, int days) =>
        LicenseExpiresWithin(today, days) && !(EndDate is { } end && LicenseExpiresOn is { } exp && end < exp);

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

    /// <summary>Why this person cannot sign a superbill as provider of record (box 31), or null when they can:
    /// only a rendering provider with a valid NPI may sign.</summary>
    public static string? SigningRefusal(string name, bool isRenderingProvider, string? npi) =>
        !isRenderingProvider ? $"{name} cannot sign the superbill: only a rendering provider can be the provider of record."
        : string.IsNullOrWhiteSpace(npi) ? $"{name} cannot sign the superbill: no NPI is on file for them."
        : !Common.Npi.IsValid(npi) ? $"{name} cannot sign the superbill: {Common.Npi.Explain(npi)}"
        : null;

    /// <summary>Who may be offered as a signer, as a filter a query provider translates to SQL (the NPI's check digit is
    /// then checked in memory by <see cref="SigningRefusal"/>).</summary>
    public static readonly Expression<Func<StaffMember, bool>> MaySignQuery = s => s.IsRenderingProvider && s.Npi != null && s.Npi != "";

    public bool LicenseExpiresWithin(DateOnly today, int days) =>
        LicenseExpiresOn is { } exp && exp <= today.AddDays(days);

    /// <summary>Every rule this record breaks, each naming its field. Empty when it may be saved.</summary>
    public IEnumerable<DomainException> RuleViolations()
    {
        if (string.IsNullOrWhiteSpace(FirstName)) yield return new("FirstName", "Enter the first name.");
        if (string.IsNullOrWhiteSpace(LastName)) yield return new("LastName", "Enter the last name.");
        if (string.IsNullOrWhiteSpace(Title)) yield return new("Title", "Enter a title, e.g. Infusion Nurse.");
        if (!string.IsNullOrEmpty(Npi) && !Common.Npi.IsValid(Npi)) yield return new("Npi", Common.Npi.Explain(Npi));
        else if (IsRenderingProvider && string.IsNullOrEmpty(Npi))
            yield return new("Npi", "A rendering provider needs a valid NPI: bills cannot name them without one.");
        if (!string.IsNullOrEmpty(LicenseState) && !UsStates.IsValid(LicenseState))
            yield return new("LicenseState", "Use a two-letter US state code, e.g. WI.");
        if (EndDate is { } end && end < StartDate) yield return new("EndDate", "The end date cannot be before the start date.");
        if (PlausibleDates.Problem(StartDate, "The start date") is { } start) yield return new("StartDate", start);
        if (PlausibleDates.Problem(EndDate, "The end date") is { } last) yield return new("EndDate", last);
        if (PlausibleDates.Problem(LicenseExpiresOn, "The license expiry") is { } expiry) yield return new("LicenseExpiresOn", expiry);
    }

    /// <summary>Throws the first broken rule, so no caller can save a rendering provider without an NPI.</summary>
    public void EnsureValid()
    {
        if (RuleViolations().FirstOrDefault() is { } broken) throw broken;
    }

    /// <summary>
    /// Ends the person's time on the roster (their last working day). Nobody is deleted once they have
    /// rendered a visit: bills and reports keep pointing at them.
    /// </summary>
    public void Deactivate(DateOnly lastDay)
    {
        if (lastDay < StartDate) throw new DomainException("EndDate", $"The last day cannot be before the start date ({StartDate:yyyy-MM-dd}).");
        if (PlausibleDates.Problem(lastDay, "The last day") is { } problem) throw new DomainException("EndDate", problem);
        EndDate = lastDay;
    }

    public void Reactivate() => EndDate = null;

    /// <summary>
    /// Problems with a proposed weekly schedule, by position in the list: a slot must end after it
    /// starts, and slots on the same day must not overlap (touching, e.g. 09:00–12:00 and 12:00–17:00, is fine).
    /// </summary>
    public static IEnumerable<(int Index, string Field, string Message)> AvailabilityProblems(IReadOnlyList<WeeklySlot> slots)
    {
        for (var i = 0; i < slots.Count; i++)
        {
            var s = slots[i];
            if (s.Start >= s.End) { yield return (i, "End", "The end time must be after the start time."); continue; }
            for (var j = 0; j < i; j++)
            {
                var o = slots[j];
                if (o.Day == s.Day && o.Start < o.End && s.Start < o.End && o.Start < s.End)
                {
                    yield return (i, "Start", $"Overlaps the other {s.Day} slot {WeeklySlot.Format(o.Start, o.End)}.");
                    break;
                }
            }
        }
    }

    /// <summary>Replaces the weekly schedule. Unchanged slots are kept as they are, so the audit trail shows only real changes.</summary>
    public void SetAvailability(IEnumerable<WeeklySlot> slots)
    {
        var wanted = slots.ToList();
        if (AvailabilityProblems(wanted).FirstOrDefault() is { Message: not null } p)
            throw new DomainException("Availability", $"{wanted[p.Index].Day} {WeeklySlot.Format(wanted[p.Index].Start, wanted[p.Index].End)}: {p.Message}");
        Availability.RemoveAll(a => !wanted.Contains(new WeeklySlot(a.Day, a.Start, a.End)));
        foreach (var w in wanted.Where(w => !Availability.Any(a => a.Day == w.Day && a.Start == w.Start && a.End == w.End)))
            Availability.Add(new WeeklyAvailability { Day = w.Day, Start = w.Start, End = w.End });
    }
}

/// <summary>A proposed weekly slot (not stored itself: <see cref="StaffMember.SetAvailability"/> turns it into rows).</summary>
public sealed record WeeklySlot(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public static string Format(TimeOnly start, TimeOnly end) => $"{start:HH\\:mm}\u2013{end:HH\\:mm}";

    /// <summary>Monday first, as a clinic's week is read.</summary>
    public static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}

/// <summary>Where someone stands on the roster on a given day (see <see cref="StaffMember.StatusOn"/>).</summary>
public enum StaffStatus { Upcoming, Active, Leaving, Inactive }

/// <summary>A recurring weekly slot, in the clinic's local time, e.g. Monday 09:00–21:00.</summary>
public class WeeklyAvailability : Entity
{
    public int StaffMemberId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

/// <summary>Credentials offered as suggestions on the staff form (free text is allowed: the list is not exhaustive).</summary>
public static class StaffCredentials
{
    public static readonly string[] Suggested =
    [
        // The shapes a ketamine clinic's roster holds first (physicians, psychiatric NPs, infusion nurses, therapists), then the rest.
        "MD", "DO", "MSN", "PMHNP-BC", "RN", "LCSW", "LPC", "PhD", "PsyD", "LMFT", "BSN", "DNP", "FNP-BC", "APRN", "NP", "PA-C",
        "CRNA", "LPN", "LICSW", "LMSW", "LPCC", "LMHC", "LCPC", "LADC", "CADC", "MSW", "MA", "BCBA",
    ];
}

public static class StaffTitles
{
    public static readonly string[] All =
    [
        "Medical Director", "Psychiatric Nurse Practitioner", "Medical Advisor", "Infusion Nurse",
        "Therapist", "Office Manager", "Front Desk Coordinator",
    ];
}
