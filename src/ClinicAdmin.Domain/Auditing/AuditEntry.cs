namespace ClinicAdmin.Domain.Auditing;

/// <summary>Who changed what, when, with the values before and after (JSON). Written only by the Data layer's interceptor.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>Created, Updated, Deleted.</summary>
    public string Action { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
}
