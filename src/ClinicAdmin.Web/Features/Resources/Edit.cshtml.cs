using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Resources;

/// <summary>
/// Adds a chair or room to a location (?locationId=) or edits one (?id=), or deactivates / reactivates it (never
/// deleted: past appointments keep naming it). The rules are <see cref="ResourceRules"/>, reported all at once; the audit
/// trail records every save (interceptor). Practice managers only.
/// </summary>
[Authorize(Policy = Policies.ManageAdmin)]
public partial class EditModel(ClinicDbContext db, TimeProvider time, ILogger<EditModel> log) : PageModel
{
    public const string ConflictMessage = "Someone else saved this chair or room since you opened it; reload to see their change.";

    /// <summary>What a chair or room can take: every category that books time (add-ons and pre-medications ride on a visit).</summary>
    public static readonly IReadOnlyList<ServiceCategory> Bookable = Enum.GetValues<ServiceCategory>().Where(AppointmentRules.IsBookable).ToList();

    [BindProperty] public ResourceInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public bool IsActive { get; private set; } = true;
    public string LocationName { get; private set; } = "";
    /// <summary>The name as saved (the heading's, whatever was typed into the form).</summary>
    public string StoredName { get; private set; } = "";
    public int Upcoming { get; private set; }
    /// <summary>The active locations a new chair or room may belong to.</summary>
    public IReadOnlyList<(int Id, string Label)> Locations { get; private set; } = [];

    public sealed class ResourceInput
    {
        [Display(Name = "Location")] public int? LocationId { get; set; }
        [Display(Name = "Name")] public string? Name { get; set; }
        [Display(Name = "Kind")] public ResourceKind? Kind { get; set; }
        [Display(Name = "Patients at a time")] public int? Capacity { get; set; }
        /// <summary>Category names as posted; read by <see cref="ParseTakes"/>, so a forged value is a message, not a binding error.</summary>
        public List<string> Takes { get; set; } = [];
        public Guid ConcurrencyStamp { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? locationId)
    {
        if (id is not null)
        {
            var r = await db.Resources.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
            if (r is null) return NotFound();
            await DescribeAsync(r);
            Input = From(r);
            return Page();
        }
        await LoadLocationsAsync();
        if (locationId is not null && Locations.All(l => l.Id != locationId)) return NotFound();
        const ResourceKind kind = ResourceKind.InfusionChair;
        Input = new ResourceInput
        {
            LocationId = locationId ?? (Locations.Count == 1 ? Locations[0].Id : null), Kind = kind, Capacity = 1,
            Takes = Resource.UsualTakes(kind).Select(c => c.ToString()).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Resource? r = null;
        if (id is not null)
        {
            r = await db.Resources.SingleOrDefaultAsync(x => x.Id == id);
            if (r is null) return NotFound();
            await DescribeAsync(r);
        }
        else await LoadLocationsAsync();

        // Binding's own messages ("The value 'x' is not valid") give way to the rules' words below; what was typed stays.
        foreach (var key in new[] { "Input.LocationId", "Input.Kind", "Input.Capacity" })
            if (ModelState.TryGetValue(key, out var entry)) entry.Errors.Clear();

        var locationId = r?.LocationId ?? Input.LocationId;
        if (r is null)
        {
            if (Input.LocationId is null) Refuse("LocationId", "Choose the location it is at.");
            else if (Locations.All(l => l.Id != Input.LocationId)) Refuse("LocationId", "Choose one of the clinic's active locations.");
        }
        if (Input.Kind is not { } kind || !Enum.IsDefined(kind)) Refuse("Kind", "Choose whether it is an infusion chair, a Spravato room or a consult room.");
        var name = Normalize(Input.Name);
        var capacity = Input.Capacity ?? 0;
        var takes = ParseTakes(Input.Takes, out var unknown);
        if (unknown) Refuse("Takes", "Tick only the kinds of service listed.");
        foreach (var (field, message) in ResourceRules.Problems(name, capacity, takes)) Refuse(field, message);
        if (name.Any(c => c is '<' or '>' || char.IsControl(c))) Refuse("Name", "A name cannot contain < or > or control characters.");
        if (HasNoError("Name") && locationId is not null && (r is not null || Locations.Any(l => l.Id == locationId)))
        {
            var others = await db.Resources.AsNoTracking().Where(x => x.LocationId == locationId && x.Id != (id ?? 0)).Select(x => x.Name).ToListAsync();
            if (ResourceRules.DuplicateName(name, others) is { } duplicate) Refuse("Name", duplicate);
        }
        if (r is not null && HasNoError("Capacity") && capacity < r.Capacity)
        {
            // Fewer places: an upcoming appointment in a place that would no longer exist must move first.
            var now = time.GetUtcNow().UtcDateTime;
            var stranded = await db.Appointments.CountAsync(a => a.ResourceId == r.Id && a.StartUtc >= now && a.HoldsTime && a.Place > capacity);
            if (stranded > 0)
                Refuse("Capacity", $"{stranded} upcoming {(stranded == 1 ? "appointment holds" : "appointments hold")} a place above {capacity}; move {(stranded == 1 ? "it" : "them")} first.");
        }
        if (!ModelState.IsValid) return Page();

        if (r is not null)
        {
            if (r.ConcurrencyStamp != Input.ConcurrencyStamp) { ModelState.AddModelError("", ConflictMessage); return Page(); }
            db.Entry(r).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        }
        var isNew = r is null;
        r ??= db.Resources.Add(new Resource { LocationId = locationId!.Value }).Entity;
        r.Name = name;
        r.Kind = Input.Kind!.Value;
        r.Capacity = capacity;
        r.SetTakes(takes);
        if (!isNew && db.ChangeTracker.HasChanges()) r.ConcurrencyStamp = Guid.NewGuid();
        if (await SaveAsync() is { } refused) return refused;
        log.LogInformation("Resource {ResourceId} {Action}", r.Id, isNew ? "added" : "saved");
        TempData["Flash"] = isNew ? $"{r.Name} added." : $"{r.Name} saved.";
        return RedirectToPage("Index");
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id) => SetActiveAsync(id, false);
    public Task<IActionResult> OnPostReactivateAsync(int id) => SetActiveAsync(id, true);

    private async Task<IActionResult> SetActiveAsync(int id, bool active)
    {
        var r = await db.Resources.SingleOrDefaultAsync(x => x.Id == id);
        if (r is null) return NotFound();
        var stamp = Input.ConcurrencyStamp;
        ModelState.Clear();
        await DescribeAsync(r);
        Input = From(r);
        if (r.ConcurrencyStamp != stamp) { Input.ConcurrencyStamp = stamp; ModelState.AddModelError("", ConflictMessage); return Page(); }
        if (!active && Upcoming > 0)
        {
            ModelState.AddModelError("", $"{r.Name} holds {Upcoming} upcoming {(Upcoming == 1 ? "appointment" : "appointments")}; " +
                $"move or cancel {(Upcoming == 1 ? "it" : "them")} before deactivating it.");
            return Page();
        }
        db.Entry(r).Property(x => x.ConcurrencyStamp).OriginalValue = stamp;
        r.IsActive = active;
        r.ConcurrencyStamp = Guid.NewGuid();
        if (await SaveAsync() is { } refused) return refused;
        log.LogInformation("Resource {ResourceId} {Action}", r.Id, active ? "reactivated" : "deactivated");
        TempData["Flash"] = active ? $"{r.Name} is active again." : $"{r.Name} is deactivated: its past appointments keep naming it, new ones cannot choose it.";
        return RedirectToPage("Index");
    }

    private async Task<IActionResult?> SaveAsync()
    {
        try { await db.SaveChangesAsync(); return null; }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", ConflictMessage);
            return Page();
        }
        catch (DbUpdateException)
        {
            // Two managers added the same name at once: the unique index (location, name) refused the second.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Name", "Another chair or room with this name was saved at this location a moment ago; choose another name.");
            return Page();
        }
    }

    private void Refuse(string field, string message)
    {
        if (HasNoError(field)) ModelState.AddModelError("Input." + field, message);
    }

    private bool HasNoError(string field) => !ModelState.TryGetValue("Input." + field, out var e) || e.Errors.Count == 0;

    private async Task DescribeAsync(Resource r)
    {
        Id = r.Id;
        IsActive = r.IsActive;
        StoredName = r.Name;
        LocationName = await db.Locations.Where(l => l.Id == r.LocationId).Select(l => l.Name).SingleAsync();
        var now = time.GetUtcNow().UtcDateTime;
        Upcoming = await db.Appointments.CountAsync(a => a.ResourceId == r.Id && a.StartUtc >= now && a.HoldsTime);
    }

    private async Task LoadLocationsAsync()
    {
        var active = await db.Locations.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Code).Select(l => new { l.Id, l.Code, l.Name }).ToListAsync();
        Locations = active.Select(l => (l.Id, $"{l.Name} ({l.Code})")).ToList();
    }

    private static ResourceInput From(Resource r) => new()
    {
        LocationId = r.LocationId, Name = r.Name, Kind = r.Kind, Capacity = r.Capacity,
        Takes = r.TakenCategories.Select(c => c.ToString()).ToList(), ConcurrencyStamp = r.ConcurrencyStamp,
    };

    /// <summary>Trimmed, with runs of spaces made one, so "Chair  3 " and "Chair 3" are the same name.</summary>
    private static string Normalize(string? name) => Spaces().Replace(name?.Trim() ?? "", " ");

    /// <summary>The ticked categories by their exact names (a number or a made-up name is not one).</summary>
    private static List<ServiceCategory> ParseTakes(IEnumerable<string> posted, out bool unknown)
    {
        var names = Enum.GetNames<ServiceCategory>();
        var ticked = posted.Where(p => !string.IsNullOrEmpty(p)).ToList();
        unknown = ticked.Any(p => !names.Contains(p, StringComparer.Ordinal));
        return ticked.Where(p => names.Contains(p, StringComparer.Ordinal)).Select(Enum.Parse<ServiceCategory>).Distinct().ToList();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
