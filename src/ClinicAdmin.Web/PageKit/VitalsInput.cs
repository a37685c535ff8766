using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Web.PageKit;

/// <summary>One set of vital signs on a form (incident, visit); the domain checks the ranges.</summary>
public sealed class VitalsInput
{
    [Display(Name = "Systolic BP (mmHg)")] public int? Systolic { get; set; }
    [Display(Name = "Diastolic BP (mmHg)")] public int? Diastolic { get; set; }
    [Display(Name = "Heart rate (/min)")] public int? HeartRate { get; set; }
    [Display(Name = "SpO2 (%)")] public int? SpO2 { get; set; }

    public VitalSigns ToVitals() => new() { Systolic = Systolic, Diastolic = Diastolic, HeartRate = HeartRate, SpO2 = SpO2 };
    /// <summary>Copies into the tracked owned value (replacing the instance would audit as a delete and an insert).</summary>
    public void CopyTo(VitalSigns v) { v.Systolic = Systolic; v.Diastolic = Diastolic; v.HeartRate = HeartRate; v.SpO2 = SpO2; }
    public static VitalsInput From(VitalSigns v) => new() { Systolic = v.Systolic, Diastolic = v.Diastolic, HeartRate = v.HeartRate, SpO2 = v.SpO2 };
}
