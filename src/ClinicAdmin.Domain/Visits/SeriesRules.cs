namespace ClinicAdmin.Domain.Visits;

/// <summary>Warnings a clinician sees while entering a visit of an induction series.</summary>
public static class SeriesRules
{
    /// <summary>More than this many days between induction infusions may hurt results (DOMAIN.md).</summary>
    public const int MaxDaysBetweenInductionInfusions = 7;

    public static string? SpacingWarning(DateOnly? previousInfusion, DateOnly thisInfusion) =>
        previousInfusion is { } prev && thisInfusion.DayNumber - prev.DayNumber > MaxDaysBetweenInductionInfusions
            ? $"{thisInfusion.DayNumber - prev.DayNumber} days since the previous infusion (more than {MaxDaysBetweenInductionInfusions} may reduce the series' effect)."
            : null;

    public static string? SessionCountWarning(int sessionNumber, int planned) =>
        sessionNumber > planned ? $"Session {sessionNumber} of a course planned for {planned}." : null;

    public static string? DoseStepWarning(decimal? previousMgPerKg, decimal? thisMgPerKg, decimal maxStepMgPerKg) =>
        previousMgPerKg is { } prev && thisMgPerKg is { } now && now - prev > maxStepMgPerKg
            ? $"Dose rises by {now - prev:0.###} mg/kg over the previous session (step limit {maxStepMgPerKg:0.###} mg/kg)."
            : null;
}
