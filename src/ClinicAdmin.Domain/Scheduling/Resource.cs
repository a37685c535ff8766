using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Scheduling;

public enum ResourceKind { InfusionChair, SpravatoRoom, ConsultRoom }

/// <summary>
/// A chair or room of a location that appointments hold. A room with a capacity above one (a Spravato room with three
/// recliners) has that many places; an appointment holds one place, so the database's one-at-a-time rule is per place.
/// Never deleted once booked: deactivated, so past appointments keep naming it.
/// </summary>
public class Resource : EditableEntity
{
    public const int MaxCapacity = 12;

    public int LocationId { get; set; }
    public string Name { get; set; } = "";
    public ResourceKind Kind { get; set; }
    public int Capacity { get; set; } = 1;
    /// <summary>The service categories it takes, comma-separated enum names ("Infusion,Intramuscular"): readable in the audit trail.</summary>
    public string Takes { get; set; } = "";
    public bool IsActive { get; set; } = true;

    public IReadOnlyList<ServiceCategory> TakenCategories =>
        Takes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
             .Select(s => Enum.TryParse<ServiceCategory>(s, out var c) ? c : (ServiceCategory?)null)
             .Where(c => c is not null).Select(c => c!.Value).Distinct().ToList();

    public bool TakesCategory(ServiceCategory c) => TakenCategories.Contains(c);

    public void SetTakes(IEnumerable<ServiceCategory> categories) =>
        Takes = string.Join(",", categories.Distinct().Order().Select(c => c.ToString()));

    /// <summary>What a new chair or room of this kind usually takes (the form starts with these).</summary>
    public static IReadOnlyList<ServiceCategory> UsualTakes(ResourceKind kind) => kind switch
    {
        ResourceKind.InfusionChair => [ServiceCategory.Infusion, ServiceCategory.Intramuscular],
        ResourceKind.SpravatoRoom => [ServiceCategory.Spravato],
        ResourceKind.ConsultRoom => [ServiceCategory.ConsultationEvaluation, ServiceCategory.IntegrationTherapy, ServiceCategory.HomeTherapy],
        _ => [],
    };
}

public static class ResourceRules
{
    public const int MaxNameLength = 60;

    /// <summary>Every problem at once, keyed by field, so the form reports them together.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(string? name, int capacity, IReadOnlyCollection<ServiceCategory> takes)
    {
        if (string.IsNullOrWhiteSpace(name)) yield return ("Name", "Name the chair or room, e.g. Chair 3.");
        else if (name.Trim().Length > MaxNameLength) yield return ("Name", $"A name is at most {MaxNameLength} characters.");
        if (capacity is < 1 or > Resource.MaxCapacity) yield return ("Capacity", $"Capacity is 1 to {Resource.MaxCapacity} patients at a time.");
        if (takes.Count == 0) yield return ("Takes", "Tick at least one kind of service it takes.");
        else if (takes.Any(c => c is ServiceCategory.AddOnTherapy or ServiceCategory.PreMedication))
            yield return ("Takes", "Add-on therapies and pre-medications ride on a visit; they do not book a chair or room.");
    }

    /// <summary>Names are unique within a location (case-insensitive), so the front desk never sees two "Chair 3".</summary>
    public static string? DuplicateName(string name, IEnumerable<string> otherNamesAtLocation) =>
        otherNamesAtLocation.Any(n => string.Equals(n.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            ? $"This location already has a chair or room called {name.Trim()}." : null;
}
