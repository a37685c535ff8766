using System.Text.Json;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Web.Features.Audit;

/// <summary>
/// A page of audit entries as people read them: the record by name, each changed field by its form label, values in
/// words, foreign keys by the name of what they point at. All names of the page come from one <see cref="AuditNames"/> load.
/// </summary>
public static class AuditRows
{
    /// <summary>One changed field in words; Old/New are null only when withheld.</summary>
    public sealed record Change(string Field, string? Old, string? New);

    /// <param name="Record">The record in words, e.g. "Staff member Maya Lindqvist".</param>
    /// <param name="ValuesWithheld">A patient record read by a role without clinical read rights: field names only.</param>
    public sealed record Row(long Id, DateTime AtLocal, string UserName, string Action, string EntityType, string EntityId, string Record,
        IReadOnlyList<Change> Changes, bool ValuesWithheld = false);

    private sealed record Parsed(AuditEntry Entry, Microsoft.EntityFrameworkCore.Metadata.IEntityType? Entity,
        Dictionary<string, string?> Old, Dictionary<string, string?> New);

    /// <summary>Two entries this close, by the same person, removing and adding a role of one account, are one role change.</summary>
    private static readonly TimeSpan RoleChangeWindow = TimeSpan.FromSeconds(5);

    public static async Task<List<Row>> BuildAsync(ClinicDbContext db, ClinicClock clock, IReadOnlyList<AuditEntry> page, bool readsClinical)
    {
        var parsed = page.Select(a => new Parsed(a, AuditNames.EntityOf(db.Model, a.EntityType), Parse(a.Before), Parse(a.After))).ToList();
        var wanted = new List<(string, string)>();
        foreach (var p in parsed)
        {
            var (type, id) = Subject(p.Entry);
            wanted.Add((type, id));
            if (p.Entry.EntityType == "IdentityUserRole" && RoleOf(p.Entry) is { } role) wanted.Add(("IdentityRole", role));
            foreach (var (field, value) in p.Old.Concat(p.New))
                if (value is not null && AuditNames.FieldOf(p.Entity, field).References is { } target) wanted.Add((target, value));
        }
        var names = await AuditNames.LoadAsync(db, wanted);

        var rows = parsed.Select(p => ShownTo(readsClinical, new Row(p.Entry.Id, clock.ToLocal(p.Entry.At), p.Entry.UserName, p.Entry.Action,
            p.Entry.EntityType, p.Entry.EntityId, AuditText.Record(p.Entry.EntityType, p.Entry.EntityId, NameOf(p, names)), Changes(p, names, clock)))).ToList();
        return MergeRoleChanges(rows, page, names);
    }

    /// <summary>Least privilege: without clinical read rights, a patient record's values never reach the page.</summary>
    public static Row ShownTo(bool readsClinical, Row row) => readsClinical || !PatientRecords.Holds(row.EntityType)
        ? row
        : row with { Changes = row.Changes.Select(c => new Change(c.Field, null, null)).ToList(), ValuesWithheld = true };

    /// <summary>The record a name is looked up for: an account for a role entry ("userId/roleId"), the owner for an owned value.</summary>
    private static (string Type, string Id) Subject(AuditEntry a) => a.EntityType == "IdentityUserRole"
        ? ("ApplicationUser", a.EntityId.Split('/')[0])
        : (a.EntityType.Split('.')[0], a.EntityId);

    private static string? RoleOf(AuditEntry a) => a.EntityId.Split('/') is [_, var role] ? role : null;

    private static string? NameOf(Parsed p, AuditNames names)
    {
        var (type, id) = Subject(p.Entry);
        if (names.Of(type, id) is { } known) return known;
        var snapshot = p.Old.Count > 0 ? p.Old : p.New;
        if (AuditNames.FromSnapshot(type, snapshot) is { } kept) return kept;
        // A deleted record of a patient: named by the patient its snapshot points at (by MRN, through its foreign keys).
        if (!AuditText.IsOfPatient(type)) return null;
        return snapshot.Select(kv => (kv.Value, AuditNames.FieldOf(p.Entity, kv.Key).References))
            .Where(x => x.References is not null && (x.References == "Patient" || AuditText.IsOfPatient(x.References)))
            .Select(x => names.Of(x.References!, x.Value)).FirstOrDefault(n => n is not null);
    }

    private static List<Change> Changes(Parsed p, AuditNames names, ClinicClock clock)
    {
        string Text(string field, string? raw)
        {
            var (clr, target) = AuditNames.FieldOf(p.Entity, field);
            if (target is not null && !string.IsNullOrEmpty(raw))
                return names.Of(target, raw) ?? (AuditText.IsOfPatient(target) || target == "Patient" ? $"{AuditText.TypeLabel(target)} #{raw}" : $"#{raw}");
            return AuditText.Value(raw, clr, clock.ToLocal, field);
        }
        return p.Old.Keys.Union(p.New.Keys).Where(k => !AuditText.IsShadow(k))
            .Select(k => new Change(AuditText.Field(p.Entry.EntityType, k), Text(k, p.Old.GetValueOrDefault(k)), Text(k, p.New.GetValueOrDefault(k))))
            .OrderBy(c => c.Field, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Identity changes a role by removing the old one and adding the new one (two entries): shown as the one change
    /// people made, "Role: Clinician → Medical director".
    /// </summary>
    private static List<Row> MergeRoleChanges(List<Row> rows, IReadOnlyList<AuditEntry> page, AuditNames names)
    {
        var result = new List<Row>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i + 1 < rows.Count && RolePair(page[i], page[i + 1]) is var (added, removed) && added is not null)
            {
                var before = names.Of("IdentityRole", RoleOf(removed!)) ?? AuditText.Empty;
                var after = names.Of("IdentityRole", RoleOf(added)) ?? AuditText.Empty;
                result.Add(rows[i] with { Action = "Updated", Changes = [new Change(AuditText.Field("IdentityUserRole", "RoleId"), before, after)] });
                i++;
                continue;
            }
            result.Add(rows[i]);
        }
        return result;
    }

    private static (AuditEntry? Added, AuditEntry? Removed) RolePair(AuditEntry a, AuditEntry b)
    {
        if (a.EntityType != "IdentityUserRole" || b.EntityType != "IdentityUserRole" || a.UserName != b.UserName
            || (a.At - b.At).Duration() > RoleChangeWindow || a.EntityId.Split('/')[0] != b.EntityId.Split('/')[0]) return (null, null);
        return (a.Action, b.Action) switch
        {
            ("Created", "Deleted") => (a, b),
            ("Deleted", "Created") => (b, a),
            _ => (null, null),
        };
    }

    /// <summary>Before/after JSON as field → raw text (null for JSON null); anything else is shown as it is, under "(value)".</summary>
    public static Dictionary<string, string?> Parse(string? json)
    {
        var result = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(json)) return result;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return new() { ["(value)"] = json };
            foreach (var p in doc.RootElement.EnumerateObject())
                result[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                };
        }
        catch (JsonException)
        {
            result["(value)"] = json;
        }
        return result;
    }
}
