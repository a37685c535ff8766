using System.Globalization;
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

    /// <summary>Also offer internal record types (sign-in tokens, key rows) in the filter.</summary>
    [BindProperty(SupportsGet = true)] public bool Internal { get; set; }

    public IReadOnlyList<AuditRows.Row> Rows { get; private set; } = [];
    /// <summary>Record types for the filter: the ones people edit, by their labels (internal ones only when asked for).</summary>
    public IReadOnlyList<(string Type, string Label)> EntityTypes { get; private set; } = [];
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
        EntityTypes = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.ClrType != typeof(AuditEntry)).Select(AuditNames.ClrName).Distinct()
            .Where(t => Internal || AuditText.IsEdited(t) || t == EntityType?.Trim())
            .Select(t => (t, AuditText.IsEdited(t) ? AuditText.TypeLabel(t) : $"{AuditText.TypeLabel(t)} (internal)"))
            .OrderBy(t => !AuditText.IsEdited(t.t)).ThenBy(t => t.Item2, StringComparer.OrdinalIgnoreCase).ToList();
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
        Rows = await AuditRows.BuildAsync(db, clock, page, ClinicalAccess.CanRead(User));
        return Page();
    }

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

    /// <summary>A link to the record itself, where a page for it exists.</summary>
    public static string? PageOf(string entityType) => entityType switch
    {
        "Service" => "/Pricing/Details",
        "ClinicSettings" or "ClinicSettings.BillingAddress" or "ClinicSettings.ServiceFacilityAddress" => "/Settings/Index",
        "Location" or "Location.ServiceFacilityAddress" => "/Locations/Index",
        "Resource" => "/Resources/Index",
        "Appointment" => "/Appointments/Details",
        _ => null,
    };
}
