using ClinicAdmin.Domain.Catalog;

namespace ClinicAdmin.Web.Features.Visits;

/// <summary>
/// The hint of each add-on's "given" box: an example of what is written for that item (product, dose, route, time), so
/// twenty boxes do not all suggest ondansetron. Items the clinic adds later get a hint built from their name and kind.
/// </summary>
public static class DetailHints
{
    // First match wins (scopolamine + beta-blocker before scopolamine alone); matched on the service name, case-insensitive.
    private static readonly (string Word, string Example)[] Examples =
    [
        ("beta-blocker", "scopolamine 0.2 mg IV + propranolol 10 mg PO"),
        ("scopolamine patch", "1.5 mg patch behind the left ear, 08:30"),
        ("scopolamine", "scopolamine 0.2 mg IV over 15 min"),
        ("magnesium", "magnesium sulfate 2 g IV over 20 min"),
        ("nad", "NAD+ 500 mg IV over 2 h"),
        ("b12", "cyanocobalamin 1000 mcg IM, left deltoid"),
        ("vitamin", "Myers' formula 250 mL IV"),
        ("amino", "amino acid blend 10 mL IM"),
        ("dextromethorphan", "dextromethorphan 30 mg PO"),
        ("coq10", "CoQ10 200 mg PO"),
        ("nitrous", "nitrous oxide 30–50 % for 20 min"),
        ("laser", "810 nm, 10 min, forehead"),
        ("naltrexone", "LDN 4.5 mg at night, 30-day supply"),
        ("oxytocin", "oxytocin 24 IU intranasal"),
        ("ondansetron", "ondansetron 4 mg IV"),
        ("meclizine", "meclizine 25 mg PO"),
        ("promethazine", "promethazine 12.5 mg IV"),
        ("prochlorperazine", "prochlorperazine 10 mg IV"),
        ("midazolam", "midazolam 1 mg IV"),
    ];

    /// <summary>The example shown in the box (its placeholder).</summary>
    public static string Placeholder(string serviceName) =>
        Examples.FirstOrDefault(e => serviceName.Contains(e.Word, StringComparison.OrdinalIgnoreCase)).Example is { } example
            ? "e.g. " + example : "drug or product, dose, route";

    /// <summary>The help text under the box, naming the item and what goes there.</summary>
    public static string Help(string serviceName, ServiceCategory category) => category == ServiceCategory.PreMedication
        ? $"{serviceName}: dose, route and time given before the infusion."
        : $"{serviceName}: product, dose, route and duration given.";
}
