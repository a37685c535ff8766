using System.Globalization;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Web.Features.Pricing;

/// <summary>How the catalog pages write money and dates (US practice: en-US currency, ISO dates).</summary>
public static class PricingText
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public static string Money(decimal amount) => amount.ToString("C", Us);
    public static string Money(decimal? amount) => amount is { } a ? Money(a) : "—";
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Units(decimal units) => units.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"$399.00 → $425.00 from 2027-01-01".</summary>
    public static string Pending(decimal? current, decimal next, DateOnly from) =>
        current is { } c ? $"{Money(c)} → {Money(next)} from {Date(from)}" : $"{Money(next)} from {Date(from)}";

    /// <summary>Catalog order (the order the clinic thinks of its services) with the vocabulary's labels.</summary>
    public static readonly IReadOnlyList<(ServiceCategory Category, string Label)> Categories = Vocabulary.Options<ServiceCategory>();

    /// <summary>Amount typed by a person: "$1,250.50", "425" or "425.5". Null when it is not a number.</summary>
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Replace("$", "").Replace(",", "").Trim();
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
