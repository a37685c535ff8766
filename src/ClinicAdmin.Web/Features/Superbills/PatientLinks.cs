using System.Security.Cryptography;
using System.Text;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicAdmin.Web.Features.Superbills;

/// <summary>
/// Patient links: 32 random bytes as base64url; only the SHA-256 of the token is stored, so the token exists only in
/// the e-mail (or on the screen of whoever created it, once).
/// </summary>
public sealed class PatientLinks(ClinicDbContext db, IOptions<SuperbillOptions> options, TimeProvider time)
{
    public sealed record Created(int LinkId, string Token, DateTime ExpiresAt);

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<Created> CreateAsync(int documentId, string createdBy, CancellationToken ct = default)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var link = new PatientLink
        {
            DocumentId = documentId, TokenHash = HashOf(token), ExpiresAt = now.AddDays(options.Value.PatientLinkDays),
            CreatedBy = createdBy, CreatedAt = now,
        };
        db.PatientLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return new(link.Id, token, link.ExpiresAt);
    }

    /// <summary>The link of a token if it may be used now (known, not expired, not locked, its document not void); else null.</summary>
    public async Task<PatientLink?> FindUsableAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = HashOf(token);
        var link = await db.PatientLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || !link.IsUsableAt(time.GetUtcNow().UtcDateTime)) return null;
        var voided = await db.Documents.Where(d => d.Id == link.DocumentId).Select(d => (bool?)(d.VoidedAt != null)).SingleOrDefaultAsync(ct);
        return voided == false ? link : null;
    }

    /// <summary>
    /// Reserves one date-of-birth try before the date is compared: a conditional UPDATE that moves the counter from the
    /// value just read to the next one (compare-and-swap), so however many requests arrive together, at most
    /// <see cref="PatientLink.MaxFailedAttempts"/> are ever compared, and each knows exactly which try it holds.
    /// Returns that try's number, or null when no try is left (locked, expired or used up).
    /// </summary>
    public async Task<int?> ReserveAttemptAsync(int linkId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Each lost race means another request took a try, and there are only MaxFailedAttempts of them: bounded.
        while (true)
        {
            var seen = await db.PatientLinks.Where(l => l.Id == linkId && l.LockedAt == null && l.ExpiresAt > now)
                .Select(l => (int?)l.FailedAttempts).SingleOrDefaultAsync(ct);
            if (seen is not { } count || count >= PatientLink.MaxFailedAttempts) return null;
            var moved = await db.PatientLinks
                .Where(l => l.Id == linkId && l.LockedAt == null && l.FailedAttempts == count)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.FailedAttempts, count + 1), ct);
            if (moved == 1) return count + 1;
        }
    }

    /// <summary>The reserved try was the last and wrong: lock the link for good.</summary>
    public Task LockAsync(int linkId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.PatientLinks.Where(l => l.Id == linkId && l.LockedAt == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedAt, now), ct);
    }

    /// <summary>The reserved try was right: give it back (the counter only counts wrong dates) and note the use.</summary>
    public Task ReleaseAttemptAsync(int linkId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.PatientLinks.Where(l => l.Id == linkId && l.FailedAttempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.FailedAttempts, l => l.FailedAttempts - 1).SetProperty(l => l.LastUsedAt, now), ct);
    }
}

/// <summary>Download audit rows: reads do not pass through the save interceptor, so they are written here.</summary>
public static class DownloadAudit
{
    public static void Add(ClinicDbContext db, int documentId, string? userId, string userName, DateTime nowUtc, string via)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = nowUtc, UserId = userId, UserName = userName, EntityType = "GeneratedDocument", EntityId = documentId.ToString(),
            Action = "Downloaded", After = System.Text.Json.JsonSerializer.Serialize(new { via }),
        });
    }
}
