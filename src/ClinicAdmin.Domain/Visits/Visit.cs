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

    public decimal? DoseMgPerKg => DoseMg is { } d && WeightKg is > 0 ? Math.Round(d / WeightKg.Value, 3) : null;
    public decimal TotalCharge => ChargeLines.Sum(l => l.Amount);

    /// <summary>Adds a charge line priced from the service's history on the visit's date: a snapshot later changes never touch.</summary>
    public ChargeLine Charge(Service service, DateOnly visitDate, decimal? units = null, string? diagnosisPointers = null)
    {
        var price = service.PriceOn(visitDate)
            ?? throw new DomainException("Services", $"{service.Name} has no price in force on {visitDate:yyyy-MM-dd}.");
        var u = units ?? service.DefaultUnits;
        if (u <= 0 || u > 100) throw new DomainException("Services", "Units must be between 0 and 100.");
        var line = new ChargeLine
        {
            ServiceId = service.Id, Code = service.BillingCode, Modifiers = service.Modifiers,
            Description = service.Name, Units = u, UnitPrice = price.Amount,
            Amount = Money.LineTotal(price.Amount, u), IsAddOn = service.IsAddOn,
            DiagnosisPointers = diagnosisPointers ?? "A",
        };
        ChargeLines.Add(line);
        return line;
    }
}

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
