using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Visits;

namespace ClinicAdmin.Domain.Clinic;

/// <summary>
/// The group's own facts, printed on every superbill: name, billing address, tax id, group NPI, one time zone, footer and
/// report privacy. One row per installation; each site's facility address and place of service live on <see cref="Location"/>.
/// </summary>
public class ClinicSettings : EditableEntity
{
    public string Name { get; set; } = "";
    public Address BillingAddress { get; set; } = new();
    public string Phone { get; set; } = "";
    /// <summary>EIN, NN-NNNNNNN (CMS-1500 box 25).</summary>
    public string TaxId { get; set; } = "";
    /// <summary>Group (type 2) NPI, box 33a.</summary>
    public string GroupNpi { get; set; } = "";
    /// <summary>IANA time zone id; every time is stored in UTC and shown in this zone (one zone for all locations).</summary>
    public string TimeZoneId { get; set; } = "America/Chicago";
    public string SuperbillFooter { get; set; } = "";
    /// <summary>Reports show MRNs, not names, unless this is set.</summary>
    public bool ShowPatientNamesInReports { get; set; }
    /// <summary>The vital-sign holding parameters the visit form warns on.</summary>
    public VitalLimits VitalLimits { get; set; } = new();
    /// <summary>How every page, chart, PDF and workbook writes dates and times.</summary>
    public DateStyle DateStyle { get; set; } = DateStyles.Default;
}
