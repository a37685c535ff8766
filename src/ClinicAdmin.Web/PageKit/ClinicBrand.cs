using System.Data.Common;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// The clinic's name and optional logo for page headers, tab titles and the patient-facing pages, and its date style for every
/// page. Read on every page, so they are cached for a short while; the settings page forgets them after a save so the editor
/// sees the change at once (another instance within <see cref="Lifetime"/>).
/// </summary>
public sealed class ClinicBrand(ClinicDbContext db, IMemoryCache cache)
{
    public const string Fallback = "ClinicAdmin";
    private const string Key = "clinic-brand";
    private const string LogoKey = "clinic-brand-logo";
    /// <summary>Where the logo is served (Features/Settings/LogoImage), to staff and to the anonymous patient pages.</summary>
    public const string LogoPath = "/clinic-logo";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private sealed record Facts(string Name, DateStyle DateStyle);

    public async Task<string> NameAsync() => (await FactsAsync()).Name;

    public async Task<DateStyle> DateStyleAsync() => (await FactsAsync()).DateStyle;

    private async Task<Facts> FactsAsync()
    {
        if (cache.TryGetValue(Key, out Facts? cached) && cached is not null) return cached;
        Facts? read;
        try
        {
            read = await db.ClinicSettings.AsNoTracking().Select(s => new Facts(s.Name, s.DateStyle)).FirstOrDefaultAsync();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The error page uses the layout too: a database that cannot answer must not turn it into a second error.
            return new Facts(Fallback, DateStyles.Default);
        }
        var facts = new Facts(string.IsNullOrWhiteSpace(read?.Name) ? Fallback : read.Name, read?.DateStyle ?? DateStyles.Default);
        cache.Set(Key, facts, Lifetime);
        return facts;
    }

    /// <summary>The logo in use (the newest clinic-logo document not voided), without its bytes; null when there is none.</summary>
    public sealed record Logo(int Id, string Sha256, string ContentType, string FileName, long Bytes)
    {
        /// <summary>The address with the content hash in it, so a browser may keep it until the logo changes.</summary>
        public string Url => $"{LogoPath}?v={Sha256[..16]}";
    }

    private sealed record LogoHolder(Logo? Value); // caches "no logo" too

    public async Task<Logo?> LogoAsync()
    {
        if (cache.TryGetValue(LogoKey, out LogoHolder? held) && held is not null) return held.Value;
        Logo? logo;
        try
        {
            logo = await db.Documents.AsNoTracking().Where(d => d.Kind == DocumentKind.ClinicLogo && d.VoidedAt == null)
                .OrderByDescending(d => d.Id).Select(d => new Logo(d.Id, d.Sha256, d.ContentType, d.FileName, d.Content.Length)).FirstOrDefaultAsync();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            return null; // as for the name: the error page must still render
        }
        cache.Set(LogoKey, new LogoHolder(logo), Lifetime);
        return logo;
    }

    public Task<byte[]?> LogoBytesAsync(int id, CancellationToken ct) =>
        db.Documents.AsNoTracking().Where(d => d.Id == id && d.Kind == DocumentKind.ClinicLogo).Select(d => d.Content).FirstOrDefaultAsync(ct);

    public void Forget() { cache.Remove(Key); cache.Remove(LogoKey); }
}
