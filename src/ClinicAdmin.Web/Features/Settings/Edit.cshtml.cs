using System.ComponentModel.DataAnnotations;
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

namespace ClinicAdmin.Web.Features.Settings;

/// <summary>Edits the single clinic settings row: the group's superbill facts, time zone and report privacy (each site's facility is a Location).</summary>
[Authorize(Policy = Policies.ManageAdmin)]
public class EditModel(ClinicDbContext db, ClinicBrand brand, ILogger<EditModel> log) : PageModel
{
    [BindProperty] public SettingsInput Input { get; set; } = new();

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "Enter the practice name."), StringLength(FieldLengths.Line), Display(Name = "Practice name")]
        public string? Name { get; set; }

        public AddressInput BillingAddress { get; set; } = new();

        [StringLength(FieldLengths.Short)]
        [RegularExpression(@"^[0-9 ()+.\-xXextEXT]*$", ErrorMessage = "A phone number has digits, spaces, ( ) - + and an optional ext.")]
        public string? Phone { get; set; }

        [StringLength(FieldLengths.Code), Display(Name = "Tax ID (EIN)")]
        public string? TaxId { get; set; }

        [StringLength(FieldLengths.Code), Display(Name = "Group NPI")]
        public string? GroupNpi { get; set; }

        [Required(ErrorMessage = "Choose the clinic's time zone."), StringLength(FieldLengths.Name), Display(Name = "Time zone")]
        public string? TimeZoneId { get; set; }

        [StringLength(FieldLengths.Text), Display(Name = "Superbill footer")]
        public string? SuperbillFooter { get; set; }

        [Required(ErrorMessage = "Choose how dates and times are written."), EnumDataType(typeof(DateStyle), ErrorMessage = "Choose a date style from the list."), Display(Name = "Dates and times")]
        public DateStyle? DateStyle { get; set; }

        [Display(Name = "Show patient names in reports (otherwise MRNs only)")]
        public bool ShowPatientNamesInReports { get; set; }

        public Guid ConcurrencyStamp { get; set; }
    }

    /// <summary>The US zones, plus the saved one if it is elsewhere.</summary>
    public IReadOnlyList<(string Id, string Label)> Zones { get; private set; } = ClinicTimeZones.UnitedStates;

    public async Task<IActionResult> OnGetAsync()
    {
        var s = await db.ClinicSettings.AsNoTracking().FirstOrDefaultAsync();
        if (s is null) return NotFound();
        Input = new SettingsInput
        {
            Name = s.Name, BillingAddress = AddressInput.From(s.BillingAddress),
            Phone = s.Phone, TaxId = s.TaxId, GroupNpi = s.GroupNpi, TimeZoneId = s.TimeZoneId,
            SuperbillFooter = s.SuperbillFooter, DateStyle = s.DateStyle, ShowPatientNamesInReports = s.ShowPatientNamesInReports, ConcurrencyStamp = s.ConcurrencyStamp,
        };
        SetZones();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        SetZones();
        var s = await db.ClinicSettings.FirstOrDefaultAsync();
        if (s is null) return NotFound();
        ValidateAddress(Input.BillingAddress, "Input.BillingAddress");

        var phoneDigits = (Input.Phone ?? "").Count(char.IsAsciiDigit);
        if (!string.IsNullOrWhiteSpace(Input.Phone) && phoneDigits < 10)
            ModelState.AddModelError("Input.Phone", "A phone number has at least 10 digits, area code included.");
        string? ein = null;
        if (!string.IsNullOrWhiteSpace(Input.TaxId) && (ein = Ein.Normalize(Input.TaxId)) is null)
            ModelState.AddModelError("Input.TaxId", "An EIN is 9 digits written NN-NNNNNNN, e.g. 12-3456789.");
        var npi = Input.GroupNpi?.Trim() ?? "";
        if (npi.Length > 0 && !Npi.IsValid(npi))
            ModelState.AddModelError("Input.GroupNpi", Npi.Explain(npi));
        if (!string.IsNullOrWhiteSpace(Input.TimeZoneId) && !ClinicTimeZones.IsValid(Input.TimeZoneId))
            ModelState.AddModelError("Input.TimeZoneId", "Unknown time zone: choose one from the list.");
        if (!ModelState.IsValid) return Page();

        if (s.ConcurrencyStamp != Input.ConcurrencyStamp)
        {
            await ShowConflictAsync();
            return Page();
        }
        db.Entry(s).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        s.Name = Input.Name!.Trim();
        Input.BillingAddress.CopyTo(s.BillingAddress);
        s.Phone = Input.Phone?.Trim() ?? "";
        s.TaxId = ein ?? "";
        s.GroupNpi = npi;
        s.TimeZoneId = Input.TimeZoneId!;
        s.SuperbillFooter = Input.SuperbillFooter?.Trim() ?? "";
        s.DateStyle = Input.DateStyle!.Value;
        s.ShowPatientNamesInReports = Input.ShowPatientNamesInReports;
        // Addresses are owned values with their own change entries: a new stamp makes the row's concurrency check cover them too.
        if (db.ChangeTracker.HasChanges()) s.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictAsync();
            return Page();
        }
        brand.Forget(); // the header shows the new name, and pages the new date style, on the next page
        log.LogInformation("Clinic settings {SettingsId} saved", s.Id);
        TempData["Flash"] = "Clinic settings saved.";
        return RedirectToPage("Index");
    }

    private void ValidateAddress(AddressInput a, string prefix)
    {
        if (a.IsBlank) return;
        if (string.IsNullOrWhiteSpace(a.Line1)) ModelState.AddModelError(prefix + ".Line1", "Enter the street address (or leave the whole address empty).");
        if (string.IsNullOrWhiteSpace(a.City)) ModelState.AddModelError(prefix + ".City", "Enter the city.");
        if (string.IsNullOrWhiteSpace(a.PostalCode)) ModelState.AddModelError(prefix + ".PostalCode", "Enter the ZIP code.");
        if (string.IsNullOrWhiteSpace(a.State)) ModelState.AddModelError(prefix + ".State", "Enter the state.");
        else if (!UsStates.IsValid(a.State.Trim().ToUpperInvariant()) && ModelState.GetFieldValidationState(prefix + ".State") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError(prefix + ".State", "Use the 2-letter state code, e.g. WI.");
    }

    /// <summary>Another user saved first: say which saved values differ from what this user typed, and take their stamp for a deliberate re-save.</summary>
    private async Task ShowConflictAsync()
    {
        db.ChangeTracker.Clear();
        var now = await db.ClinicSettings.AsNoTracking().FirstAsync();
        var typed = new Dictionary<string, string?>
        {
            [nameof(SettingsInput.Name)] = Input.Name?.Trim(), [nameof(SettingsInput.BillingAddress)] = Input.BillingAddress.ToString(),
            [nameof(SettingsInput.Phone)] = Input.Phone?.Trim(), [nameof(SettingsInput.TaxId)] = Ein.Normalize(Input.TaxId) ?? Input.TaxId,
            [nameof(SettingsInput.GroupNpi)] = Input.GroupNpi?.Trim(), [nameof(SettingsInput.TimeZoneId)] = Input.TimeZoneId,
            [nameof(SettingsInput.SuperbillFooter)] = Input.SuperbillFooter?.Trim(), [nameof(SettingsInput.ShowPatientNamesInReports)] = Shown(Input.ShowPatientNamesInReports),
            [nameof(SettingsInput.DateStyle)] = Input.DateStyle is { } ds ? Vocabulary.Label(ds) : null,
        };
        var saved = new Dictionary<string, string?>
        {
            [nameof(SettingsInput.Name)] = now.Name, [nameof(SettingsInput.BillingAddress)] = now.BillingAddress.ToString(),
            [nameof(SettingsInput.Phone)] = now.Phone, [nameof(SettingsInput.TaxId)] = now.TaxId, [nameof(SettingsInput.GroupNpi)] = now.GroupNpi,
            [nameof(SettingsInput.TimeZoneId)] = now.TimeZoneId, [nameof(SettingsInput.SuperbillFooter)] = now.SuperbillFooter,
            [nameof(SettingsInput.ShowPatientNamesInReports)] = Shown(now.ShowPatientNamesInReports),
            [nameof(SettingsInput.DateStyle)] = Vocabulary.Label(now.DateStyle),
        };
        // The address is a group of inputs: it is named in the message, not marked beside one box.
        EditConflict.Refuse(ModelState, "the clinic settings", f => f == nameof(SettingsInput.BillingAddress) ? "Billing address" : EditConflict.Label(typeof(SettingsInput), f),
            null, saved, typed, hasInput: f => f != nameof(SettingsInput.BillingAddress));
        Input.ConcurrencyStamp = now.ConcurrencyStamp;

        static string Shown(bool b) => b ? "shown" : "hidden";
    }

    private void SetZones()
    {
        var saved = Input.TimeZoneId;
        if (!string.IsNullOrWhiteSpace(saved) && ClinicTimeZones.IsValid(saved) && ClinicTimeZones.UnitedStates.All(z => z.Id != saved))
            Zones = [.. ClinicTimeZones.UnitedStates, (saved, saved)];
    }
}
