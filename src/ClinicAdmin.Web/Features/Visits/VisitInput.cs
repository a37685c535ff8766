using ClinicAdmin.Web.PageKit;
using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Visits;
using Route = ClinicAdmin.Domain.Visits.Route;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>The visit form as posted: values as typed, checked by <see cref="EditModel"/> against the domain's rules.</summary>
public sealed class VisitInput
{
    /// <summary>Generated when the form is opened; the unique index makes a second submit of the same form harmless.</summary>
    public Guid SubmissionKey { get; set; }
    /// <summary>The appointment this visit is recorded from (linked back on save); null for a walk-in.</summary>
    public int? AppointmentId { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    public string? Loaded { get; set; }

    [Display(Name = "Arrival (clinic time)"), Required(ErrorMessage = "Enter the date and time of arrival.")]
    public DateTime? StartedAt { get; set; }
    [Display(Name = "Discharge time")]
    public TimeOnly? DischargeTime { get; set; }
    [Display(Name = "Rendering provider"), Required(ErrorMessage = "Choose the rendering provider.")]
    public int? RenderingProviderId { get; set; }
    [Display(Name = "Location"), Required(ErrorMessage = "Choose the location where the visit took place.")]
    public int? LocationId { get; set; }
    [Display(Name = "Course")]
    public int? TreatmentCourseId { get; set; }
    /// <summary>Empty takes the location's default place of service.</summary>
    [Display(Name = "Place of service"), StringLength(2, ErrorMessage = "Place of service is two digits.")]
    public string? PlaceOfService { get; set; }
    [Display(Name = "Route")]
    public Route Route { get; set; } = Route.IV;
    [Display(Name = "Dose (mg)")]
    public decimal? DoseMg { get; set; }
    [Display(Name = "Weight today (kg)")]
    public decimal? WeightKg { get; set; }
    [Display(Name = "Infusion (minutes)")]
    public int? InfusionMinutes { get; set; }
    public VitalsInput Before { get; set; } = new();
    public VitalsInput At40 { get; set; } = new();
    public VitalsInput Discharge { get; set; } = new();
    [Display(Name = "Notes"), StringLength(FieldLengths.Text, ErrorMessage = "{0} can be at most {1} characters.")]
    public string? Notes { get; set; }
    public List<LineInput> Lines { get; set; } = [];

    public sealed class LineInput
    {
        public int ServiceId { get; set; }
        public bool Selected { get; set; }
        [Display(Name = "Units")] public decimal? Units { get; set; }
        [Display(Name = "Detail"), StringLength(FieldLengths.Line, ErrorMessage = "{0} can be at most {1} characters.")]
        public string? Detail { get; set; }
    }

    /// <summary>The form as a saved visit fills it (charge lines are added once the catalog of its date is known).</summary>
    public static VisitInput From(Visit visit, Domain.Common.ClinicClock clock) => new()
    {
        SubmissionKey = visit.SubmissionKey, ConcurrencyStamp = visit.ConcurrencyStamp, StartedAt = clock.ToLocal(visit.StartedAt),
        DischargeTime = visit.DischargedAt is { } d ? TimeOnly.FromDateTime(clock.ToLocal(d)) : null,
        RenderingProviderId = visit.RenderingProviderId, LocationId = visit.LocationId, TreatmentCourseId = visit.TreatmentCourseId, PlaceOfService = visit.PlaceOfService,
        Route = visit.Route, DoseMg = visit.DoseMg, WeightKg = visit.WeightKg, InfusionMinutes = visit.InfusionMinutes,
        Before = VitalsInput.From(visit.VitalsBefore), At40 = VitalsInput.From(visit.VitalsAt40Min), Discharge = VitalsInput.From(visit.VitalsAtDischarge),
        Notes = visit.Notes,
    };

    /// <summary>The three sets of vital signs with the words that end their error messages.</summary>
    public IEnumerable<(string Key, string Label, VitalsInput Vitals)> VitalGroups() =>
        [("Before", "before the dose", Before), ("At40", "at 40 minutes", At40), ("Discharge", "at discharge", Discharge)];

    /// <summary>The form's values copied onto the visit (times already converted to UTC by the caller).</summary>
    public void ApplyClinical(Visit v)
    {
        v.Route = Route;
        v.DoseMg = DoseMg;
        v.InfusionMinutes = InfusionMinutes;
        v.VitalsBefore = Before.ToVitals();
        v.VitalsAt40Min = At40.ToVitals();
        v.VitalsAtDischarge = Discharge.ToVitals();
        v.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
    }
}
