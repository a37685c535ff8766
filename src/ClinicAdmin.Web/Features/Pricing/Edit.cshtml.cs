using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Pricing;

/// <summary>
/// Adds a catalog item (with its first price) or edits one's description fields. Prices are not edited here:
/// they are history, changed only by scheduling a new one (SchedulePrice).
/// </summary>
[Authorize(Policy = Policies.ManageAdmin), RequireRecentSignIn]
public class EditModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<EditModel> log) : PageModel
{
    [BindProperty] public ServiceInput Input { get; set; } = new();

    public sealed class ServiceInput
    {
        [Required(ErrorMessage = "Enter the service's name."), StringLength(FieldLengths.Line)]
        public string? Name { get; set; }

        [StringLength(FieldLengths.Text)]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Choose a category.")]
        public ServiceCategory? Category { get; set; }

        [Required(ErrorMessage = "Enter the CPT or HCPCS code."), StringLength(FieldLengths.Code)]
        [Display(Name = "Billing code")]
        public string? BillingCode { get; set; }

        [StringLength(FieldLengths.Code)]
        public string? Modifiers { get; set; }

        [Required(ErrorMessage = "Enter the default units (usually 1).")]
        [Display(Name = "Default units")]
        public decimal? DefaultUnits { get; set; } = 1;

        [Display(Name = "Default duration (minutes)")]
        public int? DefaultDurationMinutes { get; set; }

        [Display(Name = "Monitoring after (minutes)")]
        public int? MonitoringMinutes { get; set; }

        [Display(Name = "Active (offered for new visits)")]
        public bool IsActive { get; set; } = true;

        public Guid ConcurrencyStamp { get; set; }

        // First price: only when adding a service.
        [StringLength(20, ErrorMessage = "Enter an amount like 425 or 425.50.")]
        [Display(Name = "Price (USD)")]
        public string? InitialPrice { get; set; }

        [Display(Name = "Price effective from")]
        public DateOnly? InitialPriceFrom { get; set; }

        [StringLength(FieldLengths.Line)]
        [Display(Name = "Reason")]
        public string? InitialPriceReason { get; set; }
    }

    public int? Id { get; private set; }
    public bool IsNew => Id is null;
    public DateOnly Today { get; private set; }
    public decimal? CurrentPrice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Today = (await clinicTime.ClockAsync()).Today;
        Id = id;
        if (id is null)
        {
            Input.InitialPriceFrom = Today;
            return Page();
        }
        var s = await db.Services.AsNoTracking().Include(x => x.Prices).SingleOrDefaultAsync(x => x.Id == id);
        if (s is null) return NotFound();
        CurrentPrice = s.PriceOn(Today)?.Amount;
        Input = new ServiceInput
        {
            Name = s.Name, Description = s.Description, Category = s.Category, BillingCode = s.BillingCode, Modifiers = s.Modifiers,
            DefaultUnits = s.DefaultUnits, DefaultDurationMinutes = s.DefaultDurationMinutes, MonitoringMinutes = s.MonitoringMinutes, IsActive = s.IsActive, ConcurrencyStamp = s.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var clock = await clinicTime.ClockAsync();
        Today = clock.Today;
        Id = id;
        Service? service = null;
        if (id is not null)
        {
            service = await db.Services.Include(x => x.Prices).SingleOrDefaultAsync(x => x.Id == id);
            if (service is null) return NotFound();
            CurrentPrice = service.PriceOn(Today)?.Amount;
        }

        var name = Input.Name?.Trim() ?? "";
        var code = Domain.Catalog.BillingCode.Normalize(Input.BillingCode);
        string? modifiers = null;
        if (!string.IsNullOrWhiteSpace(Input.BillingCode) && code is null)
            ModelState.AddModelError("Input.BillingCode", "Enter a CPT code (5 digits, e.g. 96365) or a HCPCS code (a letter and 4 digits, e.g. J3490).");
        Check(() => modifiers = Domain.Catalog.BillingCode.NormalizeModifiers(Input.Modifiers));
        if (Input.DefaultUnits is { } units) Check(() => CatalogRules.CheckDefaultUnits(units));
        Check(() => CatalogRules.CheckDefaultDuration(Input.DefaultDurationMinutes));
        Check(() => CatalogRules.CheckMonitoring(Input.MonitoringMinutes));
        if (Input.Category is { } cat && !Enum.IsDefined(cat)) ModelState.AddModelError("Input.Category", "Choose a category.");

        // Uniqueness against the rest of the catalog (only the rows that could collide are read).
        if (ModelState.IsValid && code is not null)
        {
            var lowerName = name.ToLower();
            var others = await db.Services.Where(s => s.Id != (id ?? 0) && (s.BillingCode == code || s.Name.ToLower() == lowerName))
                .Select(s => new CatalogEntry(s.Id, s.Name, s.BillingCode, s.Modifiers)).ToListAsync();
            Check(() => CatalogRules.EnsureUnique(new CatalogEntry(id ?? 0, name, code, modifiers), others));
        }

        decimal? price = null;
        if (service is null)
        {
            // A new service needs its first price, or nothing could be billed with it.
            price = RecordText.ParseAmount(Input.InitialPrice);
            if (string.IsNullOrWhiteSpace(Input.InitialPrice)) ModelState.AddModelError("Input.InitialPrice", "Enter the price (0 if the item is included free).");
            else if (price is null) ModelState.AddModelError("Input.InitialPrice", "Enter an amount like 425 or 425.50.");
            if (Input.InitialPriceFrom is null) ModelState.AddModelError("Input.InitialPriceFrom", "Enter the date the price starts.");
            // The price rules on a blank service, so a bad price is reported together with any other error.
            if (price is not null && Input.InitialPriceFrom is not null) CheckFirstPrice(new Service(), price.Value);
        }
        if (!ModelState.IsValid) return Page();

        if (service is null)
        {
            service = new Service();
            Apply(service, name, code!, modifiers);
            if (!CheckFirstPrice(service, price!.Value)) return Page();
            db.Services.Add(service);
            if (!await TrySaveAsync()) return Page();
            log.LogInformation("Service {ServiceId} created", service.Id);
            TempData["Flash"] = $"{service.Name} was added to the catalog.";
            return RedirectToPage("Details", new { id = service.Id });
        }

        // Someone saved since this form was opened: show what differs instead of overwriting silently.
        if (service.ConcurrencyStamp != Input.ConcurrencyStamp)
        {
            ShowConflict(db.Entry(service).CurrentValues.Clone(), name, code!, modifiers);
            return Page();
        }
        db.Entry(service).Property(e => e.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        Apply(service, name, code!, modifiers);
        try
        {
            if (!await TrySaveAsync()) return Page();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var theirs = await ex.Entries.Single().GetDatabaseValuesAsync();
            if (theirs is null) return NotFound();
            ShowConflict(theirs, name, code!, modifiers);
            return Page();
        }
        log.LogInformation("Service {ServiceId} updated", service.Id);
        TempData["Flash"] = $"{service.Name} was saved.";
        return RedirectToPage("Details", new { id = service.Id });
    }

    private void Apply(Service s, string name, string code, string? modifiers)
    {
        s.Name = name;
        s.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        s.Category = Input.Category!.Value;
        s.BillingCode = code;
        s.Modifiers = modifiers;
        s.DefaultUnits = Input.DefaultUnits!.Value;
        s.DefaultDurationMinutes = Input.DefaultDurationMinutes;
        s.MonitoringMinutes = Input.MonitoringMinutes;
        s.IsActive = Input.IsActive;
    }

    /// <summary>The unique index (code, modifiers, name) can still refuse a row another user saved a moment ago.</summary>
    private async Task<bool> TrySaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            log.LogWarning("Saving service {ServiceId} was refused by the database: {Error}", Id, ex.InnerException?.GetType().Name);
            ModelState.AddModelError("", "Another catalog item with the same name and code was saved a moment ago. Check the catalog and try again.");
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Refuses the save through the kit, naming the saved values that differ from what was typed, and arms a deliberate re-save.</summary>
    private void ShowConflict(PropertyValues theirs, string name, string code, string? modifiers)
    {
        var typed = new Service();
        Apply(typed, name, code, modifiers);
        EditConflict.Refuse(ModelState, "this service", Input, null, Values((Service)theirs.ToObject()), Values(typed));
        Input.ConcurrencyStamp = (Guid)theirs[nameof(Service.ConcurrencyStamp)]!;
        db.ChangeTracker.Clear();
    }

    /// <summary>The fields this form shows, as display text, keyed by input name.</summary>
    private static Dictionary<string, string?> Values(Service s) => new()
    {
        [nameof(ServiceInput.Name)] = s.Name, [nameof(ServiceInput.Description)] = s.Description,
        [nameof(ServiceInput.Category)] = Vocabulary.Label(s.Category), [nameof(ServiceInput.BillingCode)] = s.BillingCode,
        [nameof(ServiceInput.Modifiers)] = s.Modifiers, [nameof(ServiceInput.DefaultUnits)] = PricingText.Units(s.DefaultUnits),
        [nameof(ServiceInput.DefaultDurationMinutes)] = s.DefaultDurationMinutes?.ToString(), [nameof(ServiceInput.IsActive)] = s.IsActive ? "yes" : "no",
    };

    private bool CheckFirstPrice(Service service, decimal price) =>
        Check(() => service.SetPrice(price, Input.InitialPriceFrom!.Value, Today, User.Identity!.Name!,
                string.IsNullOrWhiteSpace(Input.InitialPriceReason) ? "First price" : Input.InitialPriceReason.Trim(), clinicTime.UtcNow),
            field => field switch { "Amount" => "InitialPrice", "EffectiveFrom" => "InitialPriceFrom", _ => field });

    /// <summary>Runs a domain rule; a broken rule becomes an error next to its field.</summary>
    private bool Check(Action rule, Func<string, string>? mapField = null) => ModelState.TryRule(rule, mapField: mapField);
}
