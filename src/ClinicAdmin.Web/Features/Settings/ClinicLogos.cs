using System.Security.Cryptography;
using System.Text.Json;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Auditing;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Web.PageKit;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Settings;

/// <summary>
/// Puts, replaces and removes the clinic's logo. It lives in the documents store as a <see cref="DocumentKind.ClinicLogo"/>
/// (kinds are stored as text, so no migration and no new column on the settings row); a replaced or removed logo is
/// voided, never deleted. Each change adds one audit line on the clinic settings ("Logo": file name, size and SHA-256
/// before and after, never the bytes), which the practice manager can read beside the other settings changes.
/// </summary>
public sealed class ClinicLogos(ClinicDbContext db, ClinicBrand brand, TimeProvider time, ICurrentUser user)
{
    public const string AuditField = "Logo";

    /// <summary>Stores <paramref name="bytes"/> as the logo after <see cref="LogoImage.Inspect"/> accepted them.</summary>
    public async Task SaveAsync(LogoImage image, byte[] bytes, string uploadedName, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var current = await CurrentAsync(ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var doc = new GeneratedDocument
        {
            Kind = DocumentKind.ClinicLogo, RequestKey = "clinic-logo:" + Guid.NewGuid().ToString("N"),
            DocumentNumber = "LOGO-" + Guid.NewGuid().ToString("N")[..16], FileName = FileNameOf(uploadedName, image),
            ContentType = image.ContentType, Content = bytes, Sha256 = sha, CreatedBy = user.UserName, CreatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Documents.Add(doc);
        await db.SaveChangesAsync(ct);
        foreach (var old in current) { old.VoidedAt = now; old.VoidedBy = user.UserName; old.SupersededById = doc.Id; }
        await AuditAsync(current.FirstOrDefault(), doc, now, ct);
        await tx.CommitAsync(ct);
        brand.Forget();
    }

    /// <summary>Removes the logo: pages go back to the clinic's name alone. False when there was none.</summary>
    public async Task<bool> RemoveAsync(CancellationToken ct)
    {
        var current = await CurrentAsync(ct);
        if (current.Count == 0) return false;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var old in current) { old.VoidedAt = now; old.VoidedBy = user.UserName; }
        await AuditAsync(current[0], null, now, ct);
        brand.Forget();
        return true;
    }

    private Task<List<GeneratedDocument>> CurrentAsync(CancellationToken ct) =>
        db.Documents.Where(d => d.Kind == DocumentKind.ClinicLogo && d.VoidedAt == null).OrderByDescending(d => d.Id).ToListAsync(ct);

    private async Task AuditAsync(GeneratedDocument? before, GeneratedDocument? after, DateTime now, CancellationToken ct)
    {
        var settingsId = await db.ClinicSettings.AsNoTracking().Select(s => s.Id).FirstOrDefaultAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, UserId = user.UserId, UserName = user.UserName, Action = "Updated", EntityType = nameof(ClinicSettings),
            EntityId = settingsId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Before = JsonSerializer.Serialize(new Dictionary<string, string?> { [AuditField] = Describe(before) }),
            After = JsonSerializer.Serialize(new Dictionary<string, string?> { [AuditField] = Describe(after) }),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"lakeside.png, 12 KB (12,345 bytes), SHA-256 0a1b…": what identifies the file, without its bytes.</summary>
    public static string? Describe(GeneratedDocument? d) => d is null ? null
        : $"{d.FileName}, {LogoImage.Size(d.Content.Length)} ({d.Content.Length:N0} bytes), SHA-256 {d.Sha256}";

    /// <summary>The uploaded name without folders or odd characters, ending as the bytes say (a "logo.exe" that is a PNG is logo.png).</summary>
    public static string FileNameOf(string uploaded, LogoImage image)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(uploaded.Replace('\\', '/')));
        stem = new string(stem.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '.').ToArray()).Trim();
        if (stem.Length == 0) stem = "logo";
        if (stem.Length > 100) stem = stem[..100];
        return stem + image.Extension;
    }
}
