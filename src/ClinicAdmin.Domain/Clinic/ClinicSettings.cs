using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Clinic;

/// <summary>The practice's own facts, printed on every superbill. One row per installation.</summary>
public class ClinicSettings : EditableEntity
{
    public string Name { get; set; } = "";
    public Address BillingAddress { get; set; } = new();
    public Address ServiceFacilityAddress { get; set; } = new();
    public string Phone { get; set; } = "";
    /// <summary>EIN, NN-NNNNNNN (CMS-1500 box 25).</summary>
    public string TaxId { get; set; } = "";
    /// <summary>Group (type 2) NPI, box 33a.</summary>
    public string GroupNpi { get; set; } = "";
    /// <summary>IANA time zone id; every time is stored in UTC and shown in this zone.</summary>
    public string TimeZoneId { get; set; } = "America/Chicago";
    /// <summary>CMS place-of-service code: 11 office, 02/10 telehealth.</summary>
    public string DefaultPlaceOfService { get; set; } = "11";
    public string SuperbillFooter { get; set; } = "";
    /// <summary>Reports show MRNs, not names, unless this is set.</summary>
    public bool ShowPatientNamesInReports { get; set; }
}
