using System.Text.Json;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// For edit forms that carry a JSON snapshot of the values they were opened with: which fields another user has
/// changed since, so a refused save can name them.
/// </summary>
public static class EditConflict
{
    /// <summary>Fields whose saved value is no longer what the form was opened with. Without a (valid) snapshot, every field counts.</summary>
    public static List<string> ChangedFields(string? loadedSnapshot, IReadOnlyDictionary<string, string?> savedNow)
    {
        Dictionary<string, string?>? loaded = null;
        try { loaded = loadedSnapshot is null ? null : JsonSerializer.Deserialize<Dictionary<string, string?>>(loadedSnapshot); }
        catch (JsonException) { }
        return savedNow.Where(kv => loaded is null || !loaded.TryGetValue(kv.Key, out var was) || was != kv.Value).Select(kv => kv.Key).ToList();
    }
}
