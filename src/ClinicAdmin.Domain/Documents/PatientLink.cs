using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Documents;

/// <summary>
/// A link the clinic sends a patient to fetch one superbill without signing in. Only the SHA-256 of the token is
/// stored, so the database alone never yields a working link. The patient must confirm their date of birth;
/// after <see cref="MaxFailedAttempts"/> wrong tries the link is locked for good. Tries are counted by one conditional
/// UPDATE each (Web/Superbills/PatientLinks.cs), never read-increment-save, so parallel guesses cannot exceed the limit.
/// </summary>
public class PatientLink : Entity
{
    public const int MaxFailedAttempts = 5;

    public int DocumentId { get; set; }
    /// <summary>Lowercase hex SHA-256 of the token (unique).</summary>
    public string TokenHash { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTime? LockedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTime utcNow) => LockedAt is null && utcNow < ExpiresAt;
}
