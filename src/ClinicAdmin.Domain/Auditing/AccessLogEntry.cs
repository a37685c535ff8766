namespace ClinicAdmin.Domain.Auditing;

/// <summary>
/// One read of patient data (HIPAA §164.312(b) audit controls): who, when, which patient, which page, and for a search
/// only the kind of search, never its text. Append-only: the Data layer refuses an update or delete, and so does a
/// trigger in the database.
/// </summary>
public class AccessLogEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>The patient whose data was shown; null for a search list or a clinic-wide document.</summary>
    public int? PatientId { get; set; }
    /// <summary>The page by its route, e.g. "/Visits/Details".</summary>
    public string Page { get; set; } = "";
    /// <summary>View, Search, Download or Export.</summary>
    public string Action { get; set; } = "";
    /// <summary>For a search: "name", "date of birth", "MRN", "all" or "invalid". Never what was typed.</summary>
    public string? SearchKind { get; set; }
}
