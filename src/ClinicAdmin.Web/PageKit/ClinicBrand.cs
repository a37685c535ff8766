using System.Data.Common;
using ClinicAdmin.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// The clinic's name for page headers, tab titles and the patient-facing pages. Read on every page, so it is cached for a
/// short while; the settings page forgets it after a save so the editor sees the change at once (another instance
/// within <see cref="Lifetime"/>).
/// </summary>
public sealed class ClinicBrand(ClinicDbContext db, IMemoryCache cache)
{
    public const string Fallback = "ClinicAdmin";
    private const string Key = "clinic-brand-name";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<string> NameAsync()
    {
        if (cache.TryGetValue(Key, out string? cached) && cached is not null) return cached;
        string? name;
        try
        {
            name = await db.ClinicSettings.AsNoTracking().Select(s => s.Name).FirstOrDefaultAsync();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The error page uses the layout too: a database that cannot answer must not turn it into a second error.
            return Fallback;
        }
        name = string.IsNullOrWhiteSpace(name) ? Fallback : name;
        cache.Set(Key, name, Lifetime);
        return name;
    }

    public void Forget() => cache.Remove(Key);
}
