using ClinicAdmin.Web.PageKit;
using System.Globalization;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Web.Features.Pricing;

/// <summary>The catalog's own words: units, a scheduled change, the category list (money and dates: PageKit/RecordText).</summary>
public static class PricingText
{
    public static string Units(decimal units) => units.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"$399.00 → $425.00 from 2027-01-01".</summary>
    public static string Pending(decimal? current, decimal next, DateOnly from) =>
        current is { } c ? $"{RecordText.Money(c)} → {RecordText.Money(next)} from {RecordText.Date(from)}" : $"{RecordText.Money(next)} from {RecordText.Date(from)}";

    /// <summary>Catalog order (the order the clinic thinks of its services) with the vocabulary's labels.</summary>
    public static readonly IReadOnlyList<(ServiceCategory Category, string Label)> Categories = Vocabulary.Options<ServiceCategory>();
}
