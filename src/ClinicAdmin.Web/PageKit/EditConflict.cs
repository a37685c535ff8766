using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// The one way an edit form refuses a save that another user's save overtook: one message naming each field they
/// changed (its [Display] name, their value now, what this user typed), an error next to each of those fields, the
/// user's input left in the form, and the form armed with the current stamp so saving again is a deliberate overwrite.
/// Forms carry a JSON snapshot (<c>Loaded</c>) of the values they were opened with, keyed by input property name.
/// </summary>
public static class EditConflict
{
    /// <summary>One changed field: its label, the saved value now, the value this user typed (null: not shown, e.g. a group of inputs).</summary>
    public sealed record Change(string Field, string Label, string? Theirs, string? Yours);

    /// <summary>Fields whose saved value is no longer what the form was opened with. Without a (valid) snapshot, every field counts.</summary>
    public static List<string> ChangedFields(string? loadedSnapshot, IReadOnlyDictionary<string, string?> savedNow)
    {
        Dictionary<string, string?>? loaded = null;
        try { loaded = loadedSnapshot is null ? null : JsonSerializer.Deserialize<Dictionary<string, string?>>(loadedSnapshot); }
        catch (JsonException) { }
        return savedNow.Where(kv => loaded is null || !loaded.TryGetValue(kv.Key, out var was) || was != kv.Value).Select(kv => kv.Key).ToList();
    }

    /// <summary>True when the saved values differ from the snapshot the form was opened with (a stale form that would lose someone's change).</summary>
    public static bool Overtaken(string? loadedSnapshot, IReadOnlyDictionary<string, string?> savedNow) => ChangedFields(loadedSnapshot, savedNow).Count > 0;

    public static string Snapshot(IReadOnlyDictionary<string, string?> values) => JsonSerializer.Serialize(values);

    /// <summary>
    /// Refuses the save. <paramref name="input"/> is the bound form object (its [Display] names label the fields);
    /// with a snapshot the changes are what moved since it was opened, without one what differs from what was typed.
    /// Returns the new snapshot for the form's <c>Loaded</c> field.
    /// </summary>
    public static string Refuse(ModelStateDictionary modelState, string what, object input, string? loadedSnapshot,
        IReadOnlyDictionary<string, string?> savedNow, IReadOnlyDictionary<string, string?> typed, string prefix = "Input") =>
        Refuse(modelState, what, f => Label(input.GetType(), f), loadedSnapshot, savedNow, typed, prefix,
            f => input.GetType().GetProperty(f)?.PropertyType is { } t && (t == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(t)));

    /// <summary>The same, with the form's own labels (<paramref name="label"/>) for fields that are not [Display] properties.</summary>
    public static string Refuse(ModelStateDictionary modelState, string what, Func<string, string> label, string? loadedSnapshot,
        IReadOnlyDictionary<string, string?> savedNow, IReadOnlyDictionary<string, string?> typed, string prefix = "Input", Func<string, bool>? hasInput = null)
    {
        var fields = loadedSnapshot is null
            ? savedNow.Keys.Where(f => (savedNow[f] ?? "") != (typed.GetValueOrDefault(f) ?? "")).ToList()
            : ChangedFields(loadedSnapshot, savedNow);
        var changes = fields.Select(f => new Change(f, label(f), savedNow[f], typed.GetValueOrDefault(f))).ToList();
        AddError(modelState, what, changes, prefix, hasInput);
        return Snapshot(savedNow);
    }

    /// <summary>The message and field errors for <paramref name="changes"/>; the stamp and snapshot fields are re-rendered from the model.</summary>
    /// <param name="hasInput">Which fields have an input of their own to put an error beside (a list or a summary has none).</param>
    public static void AddError(ModelStateDictionary modelState, string what, IReadOnlyCollection<Change> changes, string prefix = "Input", Func<string, bool>? hasInput = null)
    {
        modelState.AddModelError("", Message(what, changes));
        foreach (var c in changes.Where(c => hasInput?.Invoke(c.Field) ?? true))
            modelState.AddErrorOnce(prefix + "." + c.Field, $"Another user changed this to {Quote(c.Theirs)}.");
        modelState.Remove(prefix + ".ConcurrencyStamp");
        modelState.Remove(prefix + ".Loaded");
    }

    /// <summary>The one wording of a refused save.</summary>
    public static string Message(string what, IReadOnlyCollection<Change> changes) =>
        $"Another user saved changes to {what} while you were editing, so your changes were not saved. " +
        (changes.Count > 0 ? "Changed by them: " + string.Join("; ", changes.Select(c => $"{c.Label}: now {Quote(c.Theirs)}" + (c.Yours is null ? "" : $" (you typed {Quote(c.Yours)})"))) + ". " : "") +
        "Your values are still in the form: save again to replace theirs with yours, or reload the page to start from theirs.";

    /// <summary>The record was deleted by another user while this one edited it.</summary>
    public static string Deleted(string what) => $"Another user deleted {what} while you were editing.";

    private static string Quote(string? v) => $"“{(string.IsNullOrWhiteSpace(v) ? "" : v)}”";

    /// <summary>A field's [Display] name (without a parenthesised hint), or the field name itself.</summary>
    public static string Label(Type inputType, string field) =>
        inputType.GetProperty(field)?.GetCustomAttribute<DisplayAttribute>()?.Name?.Split(" (")[0] ?? field;
}
