using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Documents;

/// <summary>Stored as text (no migration for a new kind). ClinicLogo: the clinic's own logo, not patient data.</summary>
public enum DocumentKind { Superbill, OutcomeWorkbook, ClinicLogo }

/// <summary>
/// An issued document (superbill PDF, outcome workbook). Immutable once stored: a correction is a
/// new version, and the old one is marked void. <see cref="RequestKey"/> is unique so the same
/// request can never produce two documents.
/// </summary>
public class GeneratedDocument : Entity
{
    public DocumentKind Kind { get; set; }
    public string RequestKey { get; set; } = "";
    public int Version { get; set; } = 1;
    public string DocumentNumber { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public string Sha256 { get; set; } = "";
    public int? PatientId { get; set; }
    /// <summary>For workbooks: the first day of the clinic month covered.</summary>
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    /// <summary>For workbooks: the location covered, or null for the whole group (the request key says the same).</summary>
    public int? LocationId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public int? SupersededById { get; set; }
}
