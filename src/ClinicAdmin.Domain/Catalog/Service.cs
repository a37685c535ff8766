using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Catalog;

public enum ServiceCategory
{
    Infusion, ConsultationEvaluation, Spravato, Intramuscular, HomeTherapy, IntegrationTherapy, AddOnTherapy, PreMedication,
}

/// <summary>
/// A billable item of the catalog: a service, an add-on therapy or a pre-medication.
/// Its price is an append-only history (see <see cref="ServicePrice"/>): a visit takes the price
/// in force on its date and keeps it, whatever happens to the price later.
/// </summary>
public class Service : EditableEntity
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public ServiceCategory Category { get; set; }
    /// <summary>CPT/HCPCS code, e.g. 96365 or J3490.</summary>
    public string BillingCode { get; set; } = "";
    /// <summary>Comma-separated CMS modifiers, e.g. "25" or "GT,95".</summary>
    public string? Modifiers { get; set; }
    public decimal DefaultUnits { get; set; } = 1;
    public int? DefaultDurationMinutes { get; set; }
    /// <summary>Observation after the service that still holds its chair or room and provider (an infusion's 30–60 min); booking adds it.</summary>
    public int? MonitoringMinutes { get; set; }
    public bool IsActive { get; set; } = true;

    private readonly List<ServicePrice> _prices = [];
    public IReadOnlyList<ServicePrice> Prices => _prices;

    public bool IsAddOn => Category is ServiceCategory.AddOnTherapy or ServiceCategory.PreMedication;

    /// <summary>The price in force on a date: the latest non-cancelled price effective on or before it.</summary>
    public ServicePrice? PriceOn(DateOnly date) =>
        _prices.Where(p => p.CancelledAt is null && p.EffectiveFrom <= date)
               .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.SetAt).FirstOrDefault();

    /// <summary>Scheduled changes that have not yet taken effect.</summary>
    public IEnumerable<ServicePrice> PendingOn(DateOnly today) =>
        _prices.Where(p => p.CancelledAt is null && p.EffectiveFrom > today).OrderBy(p => p.EffectiveFrom);

    /// <summary>
    /// Adds a price. Rules: amount within [0, MaxPrice] (0 for items included free), at most cents; effective from today or later
    /// (the past is history and never rewritten); not before the current price's date; one live price per date.
    /// </summary>
    public ServicePrice SetPrice(decimal amount, DateOnly effectiveFrom, DateOnly today, string setBy, string? reason, DateTime nowUtc)
    {
        if (PriceProblems(amount, effectiveFrom, today).FirstOrDefault() is { Field: not null } problem)
            throw new DomainException(problem.Field, problem.Message);
        var price = new ServicePrice(amount, effectiveFrom, setBy, reason, nowUtc);
        _prices.Add(price);
        return price;
    }

    /// <summary>
    /// Every rule a new price breaks, amount and date separately (either may be unknown yet), so a form can report them
    /// all at once with its other errors rather than one round at a time. Field is "Amount" or "EffectiveFrom".
    /// </summary>
    public IEnumerable<(string Field, string Message)> PriceProblems(decimal? amount, DateOnly? effectiveFrom, DateOnly today)
    {
        if (amount is { } a)
        {
            if (a < 0) yield return ("Amount", "A price cannot be negative.");
            else if (a > Money.MaxPrice) yield return ("Amount", $"A price above {Money.MaxPrice:N0} is not accepted; check the amount.");
            else if (Money.Round(a) != a) yield return ("Amount", "A price has at most two decimals (cents).");
        }
        if (effectiveFrom is not { } from) yield break;
        var current = PriceOn(today);
        if (from < today) yield return ("EffectiveFrom", "A new price cannot take effect in the past: past visits keep the price of their date.");
        else if (current is not null && from < current.EffectiveFrom)
            yield return ("EffectiveFrom", $"The date must be on or after the current price's date ({current.EffectiveFrom:yyyy-MM-dd}).");
        else if (_prices.Any(p => p.CancelledAt is null && p.EffectiveFrom == from))
            yield return ("EffectiveFrom", from > today
                ? "A change is already scheduled for that date; cancel it first."
                : "A price already took effect today and may be on today's visits; schedule the change from tomorrow.");
    }

    /// <summary>Seeding and imports only: a historical price (allowed in the past because nothing was billed from it yet).</summary>
    public ServicePrice AddHistoricalPrice(decimal amount, DateOnly effectiveFrom, string setBy, string? reason, DateTime nowUtc)
    {
        var price = new ServicePrice(amount, effectiveFrom, setBy, reason, nowUtc);
        _prices.Add(price);
        return price;
    }

    /// <summary>Cancels a change that has not taken effect. A price in force (or once in force) is never touched.</summary>
    public void CancelPrice(int priceId, DateOnly today, string by, DateTime nowUtc)
    {
        var price = _prices.SingleOrDefault(p => p.Id == priceId) ?? throw new DomainException("", "No such price.");
        if (price.CancelledAt is not null) throw new DomainException("", "That change was already cancelled.");
        if (price.EffectiveFrom <= today) throw new DomainException("", "A price that has taken effect is history and cannot be cancelled.");
        price.Cancel(by, nowUtc);
    }
}

/// <summary>One entry of a service's price history. Never updated except to cancel a future entry.</summary>
public class ServicePrice : Entity
{
    private ServicePrice() { }

    internal ServicePrice(decimal amount, DateOnly effectiveFrom, string setBy, string? reason, DateTime setAt)
    {
        Amount = amount; EffectiveFrom = effectiveFrom; SetBy = setBy; Reason = reason; SetAt = setAt;
    }

    public int ServiceId { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public string SetBy { get; private set; } = "";
    public string? Reason { get; private set; }
    public DateTime SetAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public string? CancelledBy { get; private set; }

    internal void Cancel(string by, DateTime at) { CancelledAt = at; CancelledBy = by; }
}
