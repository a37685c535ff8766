namespace ClinicAdmin.Domain.Visits;

/// <summary>
/// The clinic's holding (warning) parameters for vital signs before and during dosing, a clinic setting. Values at or
/// beyond a limit do not block saving: the clinician is warned, with the value and the limit, and decides.
/// Defaults are the usual ketamine holding parameters (DOMAIN.md): BP ≥ 160/100, heart rate ≥ 110 or ≤ 50, SpO2 &lt; 92 %.
/// </summary>
public sealed class VitalLimits
{
    /// <summary>Warn when systolic is at or above this (mmHg).</summary>
    public int SystolicAtOrAbove { get; set; } = 160;
    /// <summary>Warn when diastolic is at or above this (mmHg).</summary>
    public int DiastolicAtOrAbove { get; set; } = 100;
    /// <summary>Warn when heart rate is at or above this (beats per minute).</summary>
    public int HeartRateAtOrAbove { get; set; } = 110;
    /// <summary>Warn when heart rate is at or below this (beats per minute).</summary>
    public int HeartRateAtOrBelow { get; set; } = 50;
    /// <summary>Warn when SpO2 is below this (%).</summary>
    public int SpO2Below { get; set; } = 92;

    // What a manager may set: wide enough for any clinic's protocol, narrow enough that a slip (16 for 160) is refused.
    public const int SystolicFrom = 100, SystolicTo = 250;
    public const int DiastolicFrom = 60, DiastolicTo = 150;
    public const int HeartRateHighFrom = 80, HeartRateHighTo = 200;
    public const int HeartRateLowFrom = 30, HeartRateLowTo = 70;
    public const int SpO2From = 80, SpO2To = 100;

    /// <summary>Problems with limits as a manager typed them, by property name; empty when they can be saved.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (SystolicAtOrAbove is < SystolicFrom or > SystolicTo)
            yield return (nameof(SystolicAtOrAbove), $"The systolic limit is between {SystolicFrom} and {SystolicTo} mmHg.");
        if (DiastolicAtOrAbove is < DiastolicFrom or > DiastolicTo)
            yield return (nameof(DiastolicAtOrAbove), $"The diastolic limit is between {DiastolicFrom} and {DiastolicTo} mmHg.");
        else if (DiastolicAtOrAbove >= SystolicAtOrAbove)
            yield return (nameof(DiastolicAtOrAbove), "The diastolic limit must be lower than the systolic limit.");
        if (HeartRateAtOrAbove is < HeartRateHighFrom or > HeartRateHighTo)
            yield return (nameof(HeartRateAtOrAbove), $"The high heart-rate limit is between {HeartRateHighFrom} and {HeartRateHighTo} per minute.");
        if (HeartRateAtOrBelow is < HeartRateLowFrom or > HeartRateLowTo)
            yield return (nameof(HeartRateAtOrBelow), $"The low heart-rate limit is between {HeartRateLowFrom} and {HeartRateLowTo} per minute.");
        if (SpO2Below is < SpO2From or > SpO2To)
            yield return (nameof(SpO2Below), $"The SpO2 limit is between {SpO2From} and {SpO2To} %.");
    }

    /// <summary>The limits in one line, for the form's hint and the settings page.</summary>
    public override string ToString() =>
        $"blood pressure ≥ {SystolicAtOrAbove}/{DiastolicAtOrAbove}, heart rate ≥ {HeartRateAtOrAbove} or ≤ {HeartRateAtOrBelow}, SpO2 < {SpO2Below} %";

    /// <summary>
    /// One warning per value at or beyond a limit, naming the moment, the value and the limit, e.g.
    /// "Blood pressure 168/104 at 40 min is at or above the limit 160/100."
    /// </summary>
    public IEnumerable<string> Warnings(string moment, VitalSigns v)
    {
        if (v.Systolic is { } sys && v.Diastolic is { } dia && (sys >= SystolicAtOrAbove || dia >= DiastolicAtOrAbove))
            yield return $"Blood pressure {sys}/{dia} {moment} is at or above the limit {SystolicAtOrAbove}/{DiastolicAtOrAbove}.";
        else if (v.Systolic is { } s && v.Diastolic is null && s >= SystolicAtOrAbove)
            yield return $"Systolic pressure {s} {moment} is at or above the limit {SystolicAtOrAbove}.";
        else if (v.Diastolic is { } d && v.Systolic is null && d >= DiastolicAtOrAbove)
            yield return $"Diastolic pressure {d} {moment} is at or above the limit {DiastolicAtOrAbove}.";
        if (v.HeartRate is { } hr && hr >= HeartRateAtOrAbove)
            yield return $"Heart rate {hr} {moment} is at or above the limit {HeartRateAtOrAbove}.";
        else if (v.HeartRate is { } low && low <= HeartRateAtOrBelow)
            yield return $"Heart rate {low} {moment} is at or below the limit {HeartRateAtOrBelow}.";
        if (v.SpO2 is { } o2 && o2 < SpO2Below)
            yield return $"SpO2 {o2} % {moment} is below the limit {SpO2Below} %.";
    }

    /// <summary>The warnings of a visit's three sets of vital signs, in the order they were taken.</summary>
    public IEnumerable<string> Warnings(VitalSigns before, VitalSigns at40Min, VitalSigns atDischarge) =>
        Warnings("before the dose", before).Concat(Warnings("at 40 min", at40Min)).Concat(Warnings("at discharge", atDischarge));
}
