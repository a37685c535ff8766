using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Visits;

public enum Route { IV, IM, Intranasal, Oral, None }

/// <summary>Blood pressure, heart rate and oxygen saturation at one moment.</summary>
public sealed class VitalSigns
{
    public int? Systolic { get; set; }
    public int? Diastolic { get; set; }
    public int? HeartRate { get; set; }
    public int? SpO2 { get; set; }

    public bool IsEmpty => Systolic is null && Diastolic is null && HeartRate is null && SpO2 is null;
}

/// <summary>One encounter: who treated whom, when, with what, and what it cost on that date.</summary>
public class Visit : EditableEntity
{
    public int PatientId { get; set; }
    public int? TreatmentCourseId { get; set; }
    public int RenderingProviderId { get; set; }
    /// <summary>Where it happened: the service facility on the bill (box 32) and the location of reports.</summary>
    public int LocationId { get; set; }
    /// <summary>Arrival, UTC.</summary>
    public DateTime StartedAt { get; set; }
    public DateTime? DischargedAt { get; set; }
    public string PlaceOfService { get; set; } = "11";
    public Route Route { get; set; }
    public decimal? DoseMg { get; set; }
    /// <summary>Weight used for the dose, copied from the patient at the visit (weights change).</summary>
    public decimal? WeightKg { get; set; }
    public int? InfusionMinutes { get; set; }
    /// <summary>Session number within the course (1 = first infusion).</summary>
    public int? SessionNumber { get; set; }
    public VitalSigns VitalsBefore { get; set; } = new();
    public VitalSigns VitalsAt40Min { get; set; } = new();
    public VitalSigns VitalsAtDischarge { get; set; } = new();
    public string? Notes { get; set; }
    /// <summary>Sent with the form; unique, so a double-clicked submit cannot create two visits.</summary>
    public Guid SubmissionKey { get; set; } = Guid.NewGuid();

    public List<ChargeLine> ChargeLines { get; set; } = [];

    public decimal? DoseMgPerKg => Dosing.MgPerKg(DoseMg, WeightKg);
    public decimal TotalCharge => ChargeLines.Sum(l => l.Amount);

    public const decimal MaxUnits = 100m;

    /// <summary>Adds a charge line priced from the service's history on the visit's date: a snapshot later changes never touch.</summary>
    public ChargeLine Charge(Service service, DateOnly visitDate, decimal? units = null, string? diagnosisPointers = null)
    {
        var (price, u) = CheckCharge(service, visitDate, units);
        var line = new ChargeLine
        {
            ServiceId = service.Id, Code = service.BillingCode, Modifiers = service.Modifiers,
            Description = service.Name, Units = u, UnitPrice = price,
            Amount = Money.LineTotal(price, u), IsAddOn = service.IsAddOn,
            DiagnosisPointers = diagnosisPointers ?? "A",
        };
        ChargeLines.Add(line);
        return line;
    }

    /// <summary>
    /// The unit price a line of <paramref name="service"/> gets on this visit dated <paramref name="visitDate"/>, as
    /// <see cref="ReviseCharges"/> bills it: a line already on the visit keeps its snapshot while the date stays the one it was
    /// priced on (<paramref name="pricedOn"/>); otherwise the price in force on the date. Null when there is none.
    /// </summary>
    public decimal? UnitPriceOn(Service service, DateOnly visitDate, DateOnly? pricedOn) =>
        pricedOn == visitDate && ChargeLines.FirstOrDefault(l => l.ServiceId == service.Id) is { } kept ? kept.UnitPrice : service.PriceOn(visitDate)?.Amount;

    /// <summary>
    /// The price in force on <paramref name="visitDate"/> and the units (the service's default when none are given), or a
    /// <see cref="DomainException"/>: field "Units" for units out of range, "Services" when the service has no price that day.
    /// </summary>
    public static (decimal UnitPrice, decimal Units) CheckCharge(Service service, DateOnly visitDate, decimal? units)
    {
        var price = service.PriceOn(visitDate)
            ?? throw new DomainException("Services", $"{service.Name} has no price in force on {visitDate:yyyy-MM-dd}.");
        var u = units ?? service.DefaultUnits;
        if (u <= 0 || u > MaxUnits) throw new DomainException("Units", $"Units must be between 0 and {MaxUnits:0}.");
        // The database keeps two decimals: 0.001 units would be stored as 0.00 beside an amount charged for 0.001.
        if (Math.Round(u, 2) != u) throw new DomainException("Units", "Units have at most two decimals.");
        return (price.Amount, u);
    }

    /// <summary>
    /// Brings the charge lines in line with the services delivered. A line already on the visit keeps its price snapshot
    /// (only units, amount and detail change); a new line takes the price in force on <paramref name="visitDate"/>. When the
    /// lines were priced on another date (<paramref name="pricedOn"/>, the visit's date before a correction), every line is
    /// priced again, because a bill shows the price of the date of service. Everything is checked before anything changes.
    /// </summary>
    public void ReviseCharges(DateOnly visitDate, DateOnly? pricedOn, IReadOnlyList<ChargeRequest> wanted)
    {
        var checkedLines = wanted.Select(w => (w.Service, w.Detail, Priced: CheckCharge(w.Service, visitDate, w.Units))).ToList();
        var reprice = pricedOn is { } before && before != visitDate;
        ChargeLines.RemoveAll(l => reprice || !wanted.Any(w => w.Service.Id == l.ServiceId));
        foreach (var (service, detail, (_, units)) in checkedLines)
        {
            var line = ChargeLines.FirstOrDefault(l => l.ServiceId == service.Id) ?? Charge(service, visitDate, units);
            if (line.Units != units) { line.Units = units; line.Amount = Money.LineTotal(line.UnitPrice, units); }
            line.Detail = service.IsAddOn && !string.IsNullOrWhiteSpace(detail) ? detail.Trim() : null;
        }
    }
}

/// <summary>A service delivered at a visit, as the form asks for it: units null take the service's default.</summary>
public sealed record ChargeRequest(Service Service, decimal? Units = null, string? Detail = null);

/// <summary>A billed line of a visit. Code, description and price are copied at the time of service.</summary>
public class ChargeLine : Entity
{
    public int VisitId { get; set; }
    public int ServiceId { get; set; }
    public string Code { get; set; } = "";
    public string? Modifiers { get; set; }
    public string Description { get; set; } = "";
    public decimal Units { get; set; } = 1;
    public decimal UnitPrice { get; set; }
    public decimal Amount { get; set; }
    public bool IsAddOn { get; set; }
    /// <summary>Letters of the course diagnoses this line treats, e.g. "A,B" (CMS-1500 24E).</summary>
    public string DiagnosisPointers { get; set; } = "A";
    /// <summary>For add-ons and pre-medications: what was given, e.g. "ondansetron 4 mg IV".</summary>
    public string? Detail { get; set; }
}

public enum PaymentMethod { Card, CareCredit, Cash, Other }

public class Payment : EditableEntity
{
    public int PatientId { get; set; }
    public int? VisitId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public decimal Amount { get; set; }
    public PaymentMethod Method { get; set; }
    public string? Reference { get; set; }
    public string RecordedBy { get; set; } = "";
}
