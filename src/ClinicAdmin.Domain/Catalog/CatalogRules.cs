using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Catalog;

/// <summary>What the duplicate rule needs to know about another catalog item.</summary>
public sealed record CatalogEntry(int Id, string Name, string BillingCode, string? Modifiers);

/// <summary>Rules for a catalog item's own fields (prices have theirs on <see cref="Service"/>).</summary>
public static class CatalogRules
{
    public const decimal MaxUnits = 100m;
    public const int MaxDurationMinutes = 600;

    /// <summary>
    /// One code+modifier combination bills one item, so a bill line can be traced back to its service;
    /// the shared unlisted codes (<see cref="BillingCode.SharedUnlistedCodes"/>) are the exception.
    /// Names are unique too: staff pick items by name.
    /// </summary>
    public static void EnsureUnique(CatalogEntry candidate, IEnumerable<CatalogEntry> others)
    {
        var name = candidate.Name.Trim();
        var code = BillingCode.Normalize(candidate.BillingCode) ?? candidate.BillingCode.Trim().ToUpperInvariant();
        foreach (var other in others.Where(o => o.Id != candidate.Id || candidate.Id == 0))
        {
            if (string.Equals(other.Name.Trim(), name, StringComparison.OrdinalIgnoreCase))
                throw new DomainException("Name", $"Another catalog item is already called \"{other.Name}\".");
            if (BillingCode.IsSharedUnlisted(code)) continue;
            if (string.Equals(other.BillingCode.Trim(), code, StringComparison.OrdinalIgnoreCase) && BillingCode.SameModifiers(other.Modifiers, candidate.Modifiers))
                throw new DomainException("BillingCode",
                    $"{BillingCode.Display(code, candidate.Modifiers)} already bills \"{other.Name}\". Use that item, or tell them apart with a modifier.");
        }
    }

    /// <summary>Default units: more than 0, at most 100, in hundredths (the column's precision).</summary>
    public static void CheckDefaultUnits(decimal units)
    {
        if (units <= 0) throw new DomainException("DefaultUnits", "Units must be more than 0.");
        if (units > MaxUnits) throw new DomainException("DefaultUnits", $"Units cannot be more than {MaxUnits:0}.");
        if (Math.Round(units, 2) != units) throw new DomainException("DefaultUnits", "Units have at most two decimals.");
    }

    /// <summary>Default duration: optional; when given, 1 minute to 10 hours (a long pain infusion is ~4 h).</summary>
    public static void CheckDefaultDuration(int? minutes)
    {
        if (minutes is < 1 or > MaxDurationMinutes)
            throw new DomainException("DefaultDurationMinutes", $"The duration is between 1 and {MaxDurationMinutes} minutes.");
    }

    /// <summary>Monitoring after the service: optional; when given, 0 to 4 hours (Spravato's is inside its 2 h session).</summary>
    public static void CheckMonitoring(int? minutes)
    {
        if (minutes is < 0 or > MaxMonitoringMinutes)
            throw new DomainException("MonitoringMinutes", $"Monitoring is between 0 and {MaxMonitoringMinutes} minutes.");
    }

    public const int MaxMonitoringMinutes = 240;
}
