using System.Globalization;
using System.Text.Json;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Audit;

/// <summary>
/// The audit trail, read-only: there is deliberately no POST handler, so nothing here edits or deletes an entry.
/// Newest first, 50 a page, keyset paging on (At, Id) so deep pages stay as fast as the first (index on At).
/// </summary>
[Authorize(Policy = Policies.ReadAudit)]
public class IndexModel(ClinicDbContext db, ClinicTime clinicTime) : PageModel
{
    public const int PageSize = 50;
    public static readonly string[] Actions = ["Created", "Updated", "Deleted"];

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>Cursor: show entries older than this one ("ticks-id").</summary>
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }
    /// <summary>Cursor: show entries newer than this one.</summary>
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public sealed record Change(string Field, string? Old, string? New);
    /// <param name="ValuesWithheld">A patient record read by a role without clinical read rights: field names only.</param>
    public sealed record Row(long Id, DateTime AtLocal, string UserName, string Action, string EntityType, string EntityId, IReadOnlyList<Change> Changes,
        bool ValuesWithheld = false);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public IReadOnlyList<string> UserNames { get; private set; } = [];
    public string? OlderCursor { get; private set; }
    public string? NewerCursor { get; private set; }
    public string ZoneId { get; private set; } = "";
    public string? FilterError { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        ZoneId = clock.Zone.Id;
        // Entity types come from the model, user names from the accounts: no scan of the audit table for the pick lists.
        EntityTypes = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.ClrType != typeof(AuditEntry))
            .Select(t => t.ClrType.IsGenericType ? t.ClrType.Name.Split('`')[0] : t.ClrType.Name).Distinct().Order().ToList();
        UserNames = [.. (await db.Users.AsNoTracking().Select(u => u.UserName!).OrderBy(n => n).ToListAsync()), "system"];

        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            // Owned values (e.g. ClinicSettings.BillingAddress) are audited as "Owner.Property": list them with their owner,
            // as an IN list so the EntityType index is used.
            var types = TypeWithOwnedValues(EntityType.Trim());
            q = q.Where(a => types.Contains(a.EntityType));
        }
        if (!string.IsNullOrWhiteSpace(EntityId)) { var id = EntityId.Trim(); q = q.Where(a => a.EntityId == id); }
        if (!string.IsNullOrWhiteSpace(UserName)) { var user = UserName.Trim(); q = q.Where(a => a.UserName == user); }
        if (!string.IsNullOrWhiteSpace(Action) && Actions.Contains(Action)) q = q.Where(a => a.Action == Action);
        if (From is { } from && To is { } to && to < from)
        {
            FilterError = "The end date is before the start date.";
            return Page();
        }
        // Clinic-local calendar days to UTC instants: [From 00:00, To+1 00:00).
        if (From is { } f) { var fromUtc = clock.DayStartUtc(f); q = q.Where(a => a.At >= fromUtc); }
        if (To is { } t) { var toUtc = clock.DayEndUtc(t); q = q.Where(a => a.At < toUtc); }

        List<AuditEntry> page;
        if (ParseCursor(After) is { } newer)
        {
            // Going back towards the newest: read ascending from the cursor, then show newest first.
            page = await q.Where(a => a.At > newer.At || (a.At == newer.At && a.Id > newer.Id))
                .OrderBy(a => a.At).ThenBy(a => a.Id).Take(PageSize + 1).ToListAsync();
            var hasNewer = page.Count > PageSize;
            page = page.Take(PageSize).Reverse().ToList();
            NewerCursor = hasNewer && page.Count > 0 ? Cursor(page[0]) : null;
            OlderCursor = page.Count > 0 ? Cursor(page[^1]) : null;
        }
        else
        {
            if (ParseCursor(Before) is { } older)
                q = q.Where(a => a.At < older.At || (a.At == older.At && a.Id < older.Id));
            page = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(PageSize + 1).ToListAsync();
            var hasOlder = page.Count > PageSize;
            page = page.Take(PageSize).ToList();
            OlderCursor = hasOlder ? Cursor(page[^1]) : null;
            NewerCursor = Before is not null && page.Count > 0 ? Cursor(page[0]) : null;
        }
        var readsClinical = ClinicalAccess.CanRead(User);
        Rows = page.Select(a => ShownTo(readsClinical, new Row(a.Id, clock.ToLocal(a.At), a.UserName, a.Action, a.EntityType, a.EntityId, Changes(a.Before, a.After))))
            .ToList();
        return Page();
    }

    /// <summary>Least privilege: without clinical read rights, a patient record's values never reach the page.</summary>
    public static Row ShownTo(bool readsClinical, Row row) => readsClinical || !PatientRecords.Holds(row.EntityType)
        ? row
        : row with { Changes = row.Changes.Select(c => new Change(c.Field, null, null)).ToList(), ValuesWithheld = true };

    private List<string> TypeWithOwnedValues(string type)
    {
        var result = new List<string> { type };
        var owner = db.Model.GetEntityTypes().FirstOrDefault(t => !t.IsOwned() && t.ClrType.Name == type);
        if (owner is not null)
            result.AddRange(owner.GetNavigations().Where(n => n.TargetEntityType.IsOwned()).Select(n => $"{type}.{n.Name}"));
        return result;
    }

    private static string Cursor(AuditEntry a) => $"{a.At.Ticks}-{a.Id}";

    private static (DateTime At, long Id)? ParseCursor(string? cursor)
    {
        var parts = cursor?.Split('-');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return null;
        return (new DateTime(ticks, DateTimeKind.Utc), id);
    }

    /// <summary>Before/after JSON as field / old / new rows. Values are text: the page encodes them.</summary>
    public static IReadOnlyList<Change> Changes(string? before, string? after)
    {
        var old = Parse(before);
        var @new = Parse(after);
        return old.Keys.Union(@new.Keys).Order(StringComparer.Ordinal)
            .Select(k => new Change(k, old.GetValueOrDefault(k), @new.GetValueOrDefault(k)))
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
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

    /// <summary>A link to the record itself, where a page for it exists.</summary>
    public static string? PageOf(string entityType) => entityType switch
    {
        "Service" => "/Pricing/Details",
        "ClinicSettings" or "ClinicSettings.BillingAddress" or "ClinicSettings.ServiceFacilityAddress" => "/Settings/Index",
        "Location" or "Location.ServiceFacilityAddress" => "/Locations/Index",
        _ => null,
    };
}
