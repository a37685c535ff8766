using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Visits;

/// <summary>
/// Values a visit form refuses as impossible (a typo, not a clinical judgement): each check returns the message
/// shown next to the field, or null. Plausible but unusual values pass; the clinician decides.
/// </summary>
public static class ClinicalLimits
{
    public const decimal MaxDoseMg = 1000m;
    public const int MaxInfusionMinutes = 600;
    public const int SystolicMin = 50, SystolicMax = 260;
    public const int DiastolicMin = 20, DiastolicMax = 160;
    public const int HeartRateMin = 20, HeartRateMax = 250;
    public const int SpO2Min = 50, SpO2Max = 100;

    public static string? DoseProblem(decimal? mg) => mg switch
    {
        null => null,
        <= 0 => "The dose must be more than 0 mg.",
        > MaxDoseMg => $"A dose above {MaxDoseMg:0} mg is not accepted; check the number (milligrams).",
        _ when Math.Round(mg.Value, 2) != mg.Value => "The dose has at most two decimals.",
        _ => null,
    };

    public static string? InfusionMinutesProblem(int? minutes) =>
        minutes is < 1 or > MaxInfusionMinutes ? $"The infusion lasts between 1 and {MaxInfusionMinutes} minutes." : null;

    /// <summary>Problems with one set of vital signs, by field name (Systolic, Diastolic, HeartRate, SpO2). Any may be blank.</summary>
    public static IEnumerable<(string Field, string Message)> VitalsProblems(VitalSigns v)
    {
        if (v.Systolic is { } sys && sys is < SystolicMin or > SystolicMax)
            yield return (nameof(VitalSigns.Systolic), $"Systolic pressure is between {SystolicMin} and {SystolicMax} mmHg.");
        if (v.Diastolic is { } dia && dia is < DiastolicMin or > DiastolicMax)
            yield return (nameof(VitalSigns.Diastolic), $"Diastolic pressure is between {DiastolicMin} and {DiastolicMax} mmHg.");
        if (v.Systolic is { } s && v.Diastolic is { } d && s <= d)
            yield return (nameof(VitalSigns.Diastolic), "The diastolic pressure must be lower than the systolic.");
        if (v.Systolic is null != v.Diastolic is null)
            yield return (v.Systolic is null ? nameof(VitalSigns.Systolic) : nameof(VitalSigns.Diastolic), "Enter both numbers of the blood pressure.");
        if (v.HeartRate is { } hr && hr is < HeartRateMin or > HeartRateMax)
            yield return (nameof(VitalSigns.HeartRate), $"Heart rate is between {HeartRateMin} and {HeartRateMax} beats per minute.");
        if (v.SpO2 is { } o2 && o2 is < SpO2Min or > SpO2Max)
            yield return (nameof(VitalSigns.SpO2), $"SpO2 is between {SpO2Min} and {SpO2Max} %.");
    }

    /// <summary>
    /// Arrival and discharge in clinic local time: both have happened (the rule of every record of an event,
    /// <see cref="PastTimes"/>), arrival within the last 10 years, discharge after arrival.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> TimingProblems(DateTime arrivalLocal, DateTime? dischargeLocal, DateTime nowLocal)
    {
        var day = DateOnly.FromDateTime(arrivalLocal);
        if (PastTimes.IsFuture(arrivalLocal, nowLocal)) yield return ("StartedAt", "The arrival cannot be in the future.");
        if (day < DateOnly.FromDateTime(nowLocal).AddYears(-10)) yield return ("StartedAt", "The visit is more than 10 years ago; check the year.");
        if (dischargeLocal is { } d && d <= arrivalLocal) yield return ("DischargeTime", "Discharge must be after arrival.");
        else if (dischargeLocal is { } later && PastTimes.IsFuture(later, nowLocal))
            yield return ("DischargeTime", "The discharge cannot be in the future; leave it empty until the patient leaves.");
    }
}
