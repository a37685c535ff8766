using System.Data.Common;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Clinic;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// The clinic's name for page headers, tab titles and the patient-facing pages, and its date style for every page. Read on
/// every page, so they are cached for a short while; the settings page forgets them after a save so the editor sees the
/// change at once (another instance within <see cref="Lifetime"/>).
/// </summary>
public sealed class ClinicBrand(ClinicDbContext db, IMemoryCache cache)
{
    public const string Fallback = "ClinicAdmin";
    private const string Key = "clinic-brand";
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

    public void Forget() => cache.Remove(Key);
}
