using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Locations;

/// <summary>
/// Adds or edits a location, or deactivates / reactivates it (a location with visits is never deleted). The rules are
/// <see cref="LocationRules"/>; the audit trail records every save (interceptor). Practice managers only.
/// </summary>
[Authorize(Policy = Policies.ManageAdmin)]
public class EditModel(ClinicDbContext db, ILogger<EditModel> log) : PageModel
{
    [BindProperty] public LocationInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public bool IsActive { get; private set; } = true;
    public int VisitCount { get; private set; }

    public sealed class LocationInput
    {
        [Required(ErrorMessage = "Enter a short code, e.g. MAD."), StringLength(Location.MaxCodeLength, ErrorMessage = "A code is at most {1} characters."), Display(Name = "Code")]
        public string? Code { get; set; }
        [Required(ErrorMessage = "Enter the location's name."), StringLength(FieldLengths.Line), Display(Name = "Name")]
        public string? Name { get; set; }
        public AddressInput ServiceFacilityAddress { get; set; } = new();
        [StringLength(FieldLengths.Short)]
        [RegularExpression(@"^[0-9 ()+.\-xXextEXT]*$", ErrorMessage = "A phone number has digits, spaces, ( ) - + and an optional ext.")]
        public string? Phone { get; set; }
        [StringLength(FieldLengths.Code), Display(Name = "Facility NPI (type 2, optional)")]
        public string? FacilityNpi { get; set; }
        [Required(ErrorMessage = "Enter the default place of service (11 = office)."), StringLength(4), Display(Name = "Default place of service")]
        public string? DefaultPlaceOfService { get; set; } = "11";
        public Guid ConcurrencyStamp { get; set; }
        public string? Loaded { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null) return Page();
        var l = await db.Locations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (l is null) return NotFound();
        await DescribeAsync(l);
        Input = new LocationInput
        {
            Code = l.Code, Name = l.Name, ServiceFacilityAddress = AddressInput.From(l.ServiceFacilityAddress), Phone = l.Phone,
            FacilityNpi = l.FacilityNpi, DefaultPlaceOfService = l.DefaultPlaceOfService, ConcurrencyStamp = l.ConcurrencyStamp,
            Loaded = JsonSerializer.Serialize(Values(l)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Location? l = null;
        if (id is not null)
        {
            l = await db.Locations.SingleOrDefaultAsync(x => x.Id == id);
            if (l is null) return NotFound();
            await DescribeAsync(l);
        }
        if (!ModelState.IsValid) return Page();

        // The rules run on a detached copy so a refused value never reaches the tracked row.
        var candidate = new Location
        {
            Code = Input.Code ?? "", Name = Input.Name ?? "", Phone = Input.Phone ?? "", FacilityNpi = Input.FacilityNpi,
            DefaultPlaceOfService = Input.DefaultPlaceOfService ?? "", ServiceFacilityAddress = new Address(),
        };
        Input.ServiceFacilityAddress.CopyTo(candidate.ServiceFacilityAddress);
        try
        {
            LocationRules.Check(candidate);
            var others = await db.Locations.AsNoTracking().Where(x => x.Id != (id ?? 0)).Select(x => new LocationEntry(x.Id, x.Code, x.Name, x.IsActive)).ToListAsync();
            LocationRules.EnsureUnique(candidate, others);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(e.Field) ? "" : "Input." + e.Field, e.Message);
            return Page();
        }

        if (l is not null)
        {
            if (l.ConcurrencyStamp != Input.ConcurrencyStamp && EditConflict.ChangedFields(Input.Loaded, Values(l)).Count > 0) { Conflict(l); return Page(); }
        }
        var isNew = l is null;
        l ??= db.Locations.Add(new Location()).Entity;
        l.Code = candidate.Code;
        l.Name = candidate.Name;
        l.Phone = candidate.Phone;
        l.FacilityNpi = candidate.FacilityNpi;
        l.DefaultPlaceOfService = candidate.DefaultPlaceOfService;
        // Copied field by field: replacing the owned value would audit as a delete and an insert.
        var a = candidate.ServiceFacilityAddress;
        (l.ServiceFacilityAddress.Line1, l.ServiceFacilityAddress.Line2, l.ServiceFacilityAddress.City, l.ServiceFacilityAddress.State, l.ServiceFacilityAddress.PostalCode) =
            (a.Line1, a.Line2, a.City, a.State, a.PostalCode);
        // The address is an owned value with its own change entry: a new stamp makes the row's concurrency check cover it too.
        if (!isNew && db.ChangeTracker.HasChanges()) l.ConcurrencyStamp = Guid.NewGuid();
        if (await SaveAsync(l) is { } refused) return refused;
        log.LogInformation("Location {LocationId} {Action}", l.Id, isNew ? "added" : "saved");
        TempData["Flash"] = isNew ? $"Location {l.Code} added." : $"Location {l.Code} saved.";
        return RedirectToPage("Index");
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id) => SetActiveAsync(id, false);
    public Task<IActionResult> OnPostReactivateAsync(int id) => SetActiveAsync(id, true);

    private async Task<IActionResult> SetActiveAsync(int id, bool active)
    {
        var l = await db.Locations.SingleOrDefaultAsync(x => x.Id == id);
        if (l is null) return NotFound();
        ModelState.Clear();
        await DescribeAsync(l);
        if (l.ConcurrencyStamp != Input.ConcurrencyStamp) { FillFrom(l); Conflict(l); return Page(); }
        if (!active)
        {
            try
            {
                LocationRules.EnsureCanDeactivate(l, await db.Locations.AsNoTracking().Select(x => new LocationEntry(x.Id, x.Code, x.Name, x.IsActive)).ToListAsync());
            }
            catch (DomainException e) { FillFrom(l); ModelState.AddModelError("", e.Message); return Page(); }
        }
        db.Entry(l).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        l.IsActive = active;
        l.ConcurrencyStamp = Guid.NewGuid();
        if (await SaveAsync(l) is { } refused) return refused;
        log.LogInformation("Location {LocationId} {Action}", l.Id, active ? "reactivated" : "deactivated");
        TempData["Flash"] = active ? $"Location {l.Code} is active again." : $"Location {l.Code} is deactivated: its visits and reports stay, new visits cannot choose it.";
        return RedirectToPage("Index");
    }

    private async Task<IActionResult?> SaveAsync(Location l)
    {
        try { await db.SaveChangesAsync(); return null; }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var now = await db.Locations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == l.Id);
            if (now is null) return NotFound();
            Conflict(now);
            return Page();
        }
        catch (DbUpdateException)
        {
            // Two managers added the same code or name at once: the unique index refused the second.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Code", "Another location with this code or name was saved a moment ago; choose another.");
            return Page();
        }
    }

    private async Task DescribeAsync(Location l)
    {
        Id = l.Id;
        IsActive = l.IsActive;
        VisitCount = await db.Visits.CountAsync(v => v.LocationId == l.Id);
    }

    private void FillFrom(Location l) => Input = new LocationInput
    {
        Code = l.Code, Name = l.Name, ServiceFacilityAddress = AddressInput.From(l.ServiceFacilityAddress), Phone = l.Phone,
        FacilityNpi = l.FacilityNpi, DefaultPlaceOfService = l.DefaultPlaceOfService, ConcurrencyStamp = Input.ConcurrencyStamp, Loaded = Input.Loaded,
    };

    private static Dictionary<string, string?> Values(Location l) => new()
    {
        ["Code"] = l.Code, ["Name"] = l.Name, ["Address"] = l.ServiceFacilityAddress.ToString(), ["Phone"] = l.Phone,
        ["FacilityNpi"] = l.FacilityNpi, ["DefaultPlaceOfService"] = l.DefaultPlaceOfService, ["Active"] = l.IsActive ? "active" : "inactive",
    };

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["Address"] = "Service facility address", ["FacilityNpi"] = "Facility NPI", ["Active"] = "Status",
    };

    /// <summary>Another manager saved first: refuse through the kit, naming what they changed, and arm a deliberate re-save.</summary>
    private void Conflict(Location now)
    {
        var typed = Values(new Location
        {
            Code = Input.Code?.Trim() ?? "", Name = Input.Name?.Trim() ?? "", Phone = Input.Phone?.Trim() ?? "", FacilityNpi = Input.FacilityNpi?.Trim(),
            DefaultPlaceOfService = Input.DefaultPlaceOfService?.Trim() ?? "", IsActive = now.IsActive,
        });
        typed["Address"] = Input.ServiceFacilityAddress.ToString();
        Input.Loaded = EditConflict.Refuse(ModelState, "this location", f => Labels.GetValueOrDefault(f) ?? EditConflict.Label(typeof(LocationInput), f),
            Input.Loaded, Values(now), typed, hasInput: f => !Labels.ContainsKey(f) || f == "FacilityNpi");
        Input.ConcurrencyStamp = now.ConcurrencyStamp;
    }
}
