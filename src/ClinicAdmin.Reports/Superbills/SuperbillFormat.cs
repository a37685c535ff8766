using System.Globalization;
using ClinicAdmin.Domain.Clinic;

namespace ClinicAdmin.Reports.Superbills;

/// <summary>
/// How values read on a US claim, whatever the server's culture: $1,234.50, and dates in the clinic's style (03/14/2025 by default).
/// </summary>
public static class SuperbillFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>US dollars with thousands separators and cents: "$1,234.50", "-$20.00".</summary>
    public static string Money(decimal amount) =>
        amount < 0 ? "-$" + (-amount).ToString("#,##0.00", Invariant) : "$" + amount.ToString("#,##0.00", Invariant);

    /// <summary>A date in the clinic's style (the model carries it); the US style is MM/DD/YYYY, the claim-form convention.</summary>
    public static string Date(DateOnly date, DateStyle style) => style.Date(date);

    /// <summary>"1", "2", "1.5": whole units without decimals.</summary>
    public static string Units(decimal units) => units.ToString("0.##", Invariant);

    /// <summary>"A,B" from any accepted pointer spelling.</summary>
    public static string Pointers(string? pointers) => string.Join(",", SuperbillModel.ParsePointers(pointers, out _));

    public static string Modifiers(IReadOnlyList<string>? modifiers) =>
        modifiers is null ? "" : string.Join(" ", modifiers.Where(m => !string.IsNullOrWhiteSpace(m)));

    public static string Period(DateOnly from, DateOnly to, DateStyle style) => from == to ? Date(from, style) : $"{Date(from, style)} – {Date(to, style)}";

    /// <summary>"SB-2025-000042", with " (version 2)" from the second version on.</summary>
    public static string DocumentNumber(SuperbillModel model) =>
        model.Version > 1 ? $"{model.DocumentNumber} (version {model.Version})" : model.DocumentNumber;
}
