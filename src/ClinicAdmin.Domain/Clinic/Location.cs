using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Clinic;

/// <summary>What the uniqueness rule needs to know about another location.</summary>
public sealed record LocationEntry(int Id, string Code, string Name, bool IsActive);

/// <summary>
/// One site where the group treats patients: the service facility of its visits (CMS-1500 box 32/32a) and the default
/// place of service of visits there. The organization's own facts (billing address, tax id, group NPI, time zone) stay on
/// <see cref="ClinicSettings"/>; a location is never deleted once it has visits, it is deactivated.
/// </summary>
public class Location : EditableEntity
{
    public const int MaxCodeLength = 10;

    /// <summary>Short unique code used on lists, filters and file names, e.g. "MAD". Upper case.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public Address ServiceFacilityAddress { get; set; } = new();
    public string Phone { get; set; } = "";
    /// <summary>The facility's own (type 2) NPI, box 32a; optional (many groups bill every site under the group NPI).</summary>
    public string? FacilityNpi { get; set; }
    /// <summary>CMS place-of-service code new visits here start with (11 office).</summary>
    public string DefaultPlaceOfService { get; set; } = "11";
    /// <summary>Inactive locations keep their visits and reports but are not offered for new visits.</summary>
    public bool IsActive { get; set; } = true;
}

/// <summary>Rules for a location's own fields; pages call these and show the message next to the field named.</summary>
public static class LocationRules
{
    /// <summary>Trimmed, upper case; null unless 2–10 of A–Z, 0–9 and '-', starting with a letter or digit.</summary>
    public static string? NormalizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim().ToUpperInvariant();
        if (c.Length is < 2 or > Location.MaxCodeLength || c[0] == '-') return null;
        return c.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch) || ch == '-') ? c : null;
    }

    /// <summary>
    /// Checks everything about the location's own values (the page has already bound them) and normalizes them in place.
    /// The NPI check is the CMS check digit: whether a number is an organization's (type 2) is only known to NPPES.
    /// </summary>
    public static void Check(Location l)
    {
        var code = NormalizeCode(l.Code)
            ?? throw new DomainException("Code", $"A location code is 2 to {Location.MaxCodeLength} letters, digits or dashes, e.g. MAD.");
        l.Code = code;
        l.Name = l.Name.Trim();
        if (l.Name.Length == 0) throw new DomainException("Name", "Enter the location's name.");
        var a = l.ServiceFacilityAddress;
        if (string.IsNullOrWhiteSpace(a.Line1)) throw new DomainException("ServiceFacilityAddress.Line1", "Enter the street address of the facility (box 32).");
        if (string.IsNullOrWhiteSpace(a.City)) throw new DomainException("ServiceFacilityAddress.City", "Enter the city.");
        if (!UsStates.IsValid(a.State?.Trim().ToUpperInvariant())) throw new DomainException("ServiceFacilityAddress.State", "Use the 2-letter state code, e.g. WI.");
        a.State = a.State!.Trim().ToUpperInvariant();
        if (string.IsNullOrWhiteSpace(a.PostalCode) || !System.Text.RegularExpressions.Regex.IsMatch(a.PostalCode.Trim(), @"^[0-9]{5}(-[0-9]{4})?$"))
            throw new DomainException("ServiceFacilityAddress.PostalCode", "A ZIP code is 5 digits or ZIP+4 (53703-1234).");
        a.PostalCode = a.PostalCode.Trim();
        l.Phone = l.Phone.Trim();
        if (l.Phone.Length > 0 && l.Phone.Count(char.IsAsciiDigit) < 10)
            throw new DomainException("Phone", "A phone number has at least 10 digits, area code included.");
        l.FacilityNpi = string.IsNullOrWhiteSpace(l.FacilityNpi) ? null : l.FacilityNpi.Trim();
        if (l.FacilityNpi is not null && !Npi.IsValid(l.FacilityNpi)) throw new DomainException("FacilityNpi", Npi.Explain(l.FacilityNpi));
        l.DefaultPlaceOfService = PlaceOfService.Normalize(l.DefaultPlaceOfService)
            ?? throw new DomainException("DefaultPlaceOfService", "A place of service is a two-digit CMS code: 11 office, 02 or 10 telehealth.");
    }

    /// <summary>Codes and names are unique (case-insensitive): staff pick locations by either.</summary>
    public static void EnsureUnique(Location candidate, IEnumerable<LocationEntry> others)
    {
        foreach (var o in others.Where(o => candidate.Id == 0 || o.Id != candidate.Id))
        {
            if (string.Equals(o.Code, candidate.Code, StringComparison.OrdinalIgnoreCase))
                throw new DomainException("Code", $"The code {o.Code} is already used by {o.Name}.");
            if (string.Equals(o.Name.Trim(), candidate.Name.Trim(), StringComparison.OrdinalIgnoreCase))
                throw new DomainException("Name", $"Another location is already called \"{o.Name}\".");
        }
    }

    /// <summary>Visits need somewhere to happen: the last active location cannot be deactivated.</summary>
    public static void EnsureCanDeactivate(Location location, IEnumerable<LocationEntry> all)
    {
        if (!location.IsActive) return;
        if (!all.Any(o => o.Id != location.Id && o.IsActive))
            throw new DomainException("", $"{location.Name} is the only active location; add or reactivate another before deactivating it.");
    }

    /// <summary>
    /// The location a new visit starts with: the patient's last visit's location while it is active, else the only or first
    /// active location (by code); null when none is active.
    /// </summary>
    public static int? DefaultFor(int? lastVisitLocationId, IReadOnlyList<LocationEntry> all)
    {
        var active = all.Where(l => l.IsActive).OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        if (lastVisitLocationId is { } last && active.Any(l => l.Id == last)) return last;
        return active.FirstOrDefault()?.Id;
    }
}
