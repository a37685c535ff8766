using ClinicAdmin.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClinicAdmin.Web.PageKit;

/// <summary>How pages put errors next to fields: one error per field (the first found is the one shown), and a domain rule's field mapped to its input.</summary>
public static class ModelStateExtensions
{
    public static void AddErrorOnce(this ModelStateDictionary modelState, string key, string message)
    {
        if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) return;
        modelState.AddModelError(key, message);
    }

    /// <summary>A broken domain rule as an error beside its field (<c>Input.Field</c>), or above the form when it names none.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException ex, string prefix = "Input", Func<string, string>? mapField = null)
    {
        var field = mapField?.Invoke(ex.Field) ?? ex.Field;
        modelState.AddErrorOnce(field == "" ? "" : prefix + "." + field, ex.Message);
    }

    /// <summary>Runs a domain rule; a broken rule becomes an error beside its field. False when it was broken.</summary>
    public static bool TryRule(this ModelStateDictionary modelState, Action rule, string prefix = "Input", Func<string, string>? mapField = null)
    {
        try { rule(); return true; }
        catch (DomainException ex) { modelState.AddDomainError(ex, prefix, mapField); return false; }
    }
}
