namespace ClinicAdmin.Domain.Visits;

/// <summary>Weight-based dosing: the one mg/kg computation shown on pages, compared in warnings and written to the workbook.</summary>
public static class Dosing
{
    /// <summary>mg/kg is kept to three decimals (0.533), enough for a 0.05 mg/kg titration step; pages print it as 0.00#.</summary>
    public const int MgPerKgDecimals = 3;

    /// <summary>Dose over weight, rounded half away from zero; null without a dose or a positive weight.</summary>
    public static decimal? MgPerKg(decimal? doseMg, decimal? weightKg) =>
        doseMg is { } mg && weightKg is { } kg && kg > 0 ? Math.Round(mg / kg, MgPerKgDecimals, MidpointRounding.AwayFromZero) : null;
}
