using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Data.Configurations;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Staff;

/// <summary>Add a person to the roster or edit their profile. Practice manager only.</summary>
[Authorize(Policy = Policies.ManageAdmin)]
public class EditModel(ClinicDbContext db, ClinicTime clinicTime, ILogger<EditModel> log) : PageModel
{
    [BindProperty] public StaffInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public IReadOnlyList<string> TitleSuggestions { get; private set; } = [];

    public sealed class StaffInput
    {
        [Display(Name = "First name"), Required(ErrorMessage = "Enter the first name."), StringLength(FieldLengths.Name, ErrorMessage = Long)]
        public string? FirstName { get; set; }
        [Display(Name = "Last name"), Required(ErrorMessage = "Enter the last name."), StringLength(FieldLengths.Name, ErrorMessage = Long)]
        public string? LastName { get; set; }
        [Display(Name = "Credentials"), StringLength(FieldLengths.Name, ErrorMessage = Long)]
        public string? Credentials { get; set; }
        [Display(Name = "Title"), Required(ErrorMessage = "Enter a title, e.g. Infusion Nurse."), StringLength(FieldLengths.Name, ErrorMessage = Long)]
        public string? Title { get; set; }
        [Display(Name = "Email"), EmailAddress(ErrorMessage = "Enter a valid email address."), StringLength(FieldLengths.Line, ErrorMessage = Long)]
        public string? Email { get; set; }
        [Display(Name = "Phone"), Phone(ErrorMessage = "Enter a valid phone number."), StringLength(FieldLengths.Short, ErrorMessage = Long)]
        public string? Phone { get; set; }
        [Display(Name = "NPI"), StringLength(10, ErrorMessage = "An NPI is exactly 10 digits.")]
        public string? Npi { get; set; }
        [Display(Name = "License number"), StringLength(FieldLengths.Short, ErrorMessage = Long)]
        public string? LicenseNumber { get; set; }
        [Display(Name = "License state"), StringLength(2, ErrorMessage = "Use a two-letter US state code, e.g. WI.")]
        public string? LicenseState { get; set; }
        [Display(Name = "License expires")]
        public DateOnly? LicenseExpiresOn { get; set; }
        [Display(Name = "Board certifications"), StringLength(FieldLengths.Line, ErrorMessage = Long)]
        public string? BoardCertifications { get; set; }
        [Display(Name = "Rendering provider (bills services under their own NPI)")]
        public bool IsRenderingProvider { get; set; }
        [Display(Name = "Start date"), Required(ErrorMessage = "Enter the start date.")]
        public DateOnly? StartDate { get; set; }
        [Display(Name = "End date")]
        public DateOnly? EndDate { get; set; }
        [Display(Name = "Short bio"), StringLength(FieldLengths.Text, ErrorMessage = Long)]
        public string? Bio { get; set; }

        public Guid ConcurrencyStamp { get; set; }
        /// <summary>The saved values when the form was opened, so a conflict can name what someone else changed.</summary>
        public string? Loaded { get; set; }

        private const string Long = "{0} can be at most {1} characters.";
    }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is { } existing)
        {
            var s = await db.Staff.AsNoTracking().SingleOrDefaultAsync(x => x.Id == existing);
            if (s is null) return NotFound();
            Id = existing;
            Input = new StaffInput
            {
                FirstName = s.FirstName, LastName = s.LastName, Credentials = s.Credentials, Title = s.Title, Email = s.Email, Phone = s.Phone,
                Npi = s.Npi, LicenseNumber = s.LicenseNumber, LicenseState = s.LicenseState, LicenseExpiresOn = s.LicenseExpiresOn,
                BoardCertifications = s.BoardCertifications, IsRenderingProvider = s.IsRenderingProvider, StartDate = s.StartDate,
                EndDate = s.EndDate, Bio = s.Bio, ConcurrencyStamp = s.ConcurrencyStamp, Loaded = EditConflict.Snapshot(Values(s)),
            };
        }
        else Input = new StaffInput { StartDate = (await clinicTime.ClockAsync()).Today };
        await LoadSuggestionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        StaffMember person;
        Dictionary<string, string?>? savedNow = null;
        if (id is { } existing)
        {
            var found = await db.Staff.SingleOrDefaultAsync(x => x.Id == existing);
            if (found is null) return NotFound();
            person = found;
            savedNow = Values(person);
        }
        else person = new StaffMember();

        Apply(person);
        foreach (var broken in person.RuleViolations())
            ModelState.AddErrorOnce("Input." + broken.Field, broken.Message);
        if (!string.IsNullOrEmpty(person.Npi) && Npi.IsValid(person.Npi)
            && await db.Staff.Where(x => x.Npi == person.Npi && x.Id != (id ?? 0)).Select(x => x.FirstName + " " + x.LastName).FirstOrDefaultAsync() is { } holder)
            ModelState.AddErrorOnce("Input.Npi", $"This NPI is already on the roster for {holder}. Each person has their own NPI.");

        if (!ModelState.IsValid) return await RedisplayAsync();

        if (savedNow is not null)
        {
            // Opened before someone else saved? Refuse if they changed anything this form shows. If they only changed
            // what it does not show (availability, the account link), nothing of theirs can be lost: save against their stamp.
            var stale = person.ConcurrencyStamp != Input.ConcurrencyStamp;
            if (stale && EditConflict.Overtaken(Input.Loaded, savedNow))
            {
                Conflict(savedNow, person.ConcurrencyStamp);
                return await RedisplayAsync();
            }
            if (!stale) db.Entry(person).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        }

        if (id is null) db.Staff.Add(person);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Someone saved between our read and our write.
            var current = await ex.Entries.Single().GetDatabaseValuesAsync();
            if (current is null)
            {
                ModelState.AddModelError("", EditConflict.Deleted("this person"));
                return await RedisplayAsync();
            }
            var theirs = (StaffMember)current.ToObject();
            Conflict(Values(theirs), theirs.ConcurrencyStamp);
            return await RedisplayAsync();
        }
        catch (DbUpdateException ex)
        {
            // Two people saved the same NPI at the same moment: the unique index refused the second.
            var npi = person.Npi;
            db.ChangeTracker.Clear();
            if (npi is null || !await db.Staff.AnyAsync(x => x.Npi == npi && x.Id != (id ?? 0))) throw;
            log.LogInformation(ex, "Duplicate NPI refused for staff {StaffId}", id);
            ModelState.AddErrorOnce("Input.Npi", "This NPI is already on the roster for someone else. Each person has their own NPI.");
            return await RedisplayAsync();
        }

        log.LogInformation("Staff member {StaffId} {Action}", person.Id, id is null ? "created" : "updated");
        TempData["Flash"] = id is null ? $"Added {person.FirstName} {person.LastName} to the roster." : $"Saved {person.FirstName} {person.LastName}.";
        return RedirectToPage("/Staff/Details", new { id = person.Id });
    }

    private void Apply(StaffMember s)
    {
        s.FirstName = Input.FirstName?.Trim() ?? "";
        s.LastName = Input.LastName?.Trim() ?? "";
        s.Credentials = Input.Credentials?.Trim() ?? "";
        s.Title = Input.Title?.Trim() ?? "";
        s.Email = Blank(Input.Email);
        s.Phone = Blank(Input.Phone);
        s.Npi = Blank(Input.Npi);
        s.LicenseNumber = Blank(Input.LicenseNumber);
        s.LicenseState = Blank(Input.LicenseState)?.ToUpperInvariant();
        s.LicenseExpiresOn = Input.LicenseExpiresOn;
        s.BoardCertifications = Blank(Input.BoardCertifications);
        s.IsRenderingProvider = Input.IsRenderingProvider;
        if (Input.StartDate is { } start) s.StartDate = start;
        s.EndDate = Input.EndDate;
        s.Bio = string.IsNullOrWhiteSpace(Input.Bio) ? null : Input.Bio.Trim();
    }

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();


    /// <summary>The fields this form shows, as display text, keyed by input name.</summary>
    private static Dictionary<string, string?> Values(StaffMember s) => new()
    {
        [nameof(StaffInput.FirstName)] = s.FirstName, [nameof(StaffInput.LastName)] = s.LastName,
        [nameof(StaffInput.Credentials)] = s.Credentials, [nameof(StaffInput.Title)] = s.Title,
        [nameof(StaffInput.Email)] = s.Email, [nameof(StaffInput.Phone)] = s.Phone, [nameof(StaffInput.Npi)] = s.Npi,
        [nameof(StaffInput.LicenseNumber)] = s.LicenseNumber, [nameof(StaffInput.LicenseState)] = s.LicenseState,
        [nameof(StaffInput.LicenseExpiresOn)] = RecordText.Date(s.LicenseExpiresOn),
        [nameof(StaffInput.BoardCertifications)] = s.BoardCertifications,
        [nameof(StaffInput.IsRenderingProvider)] = s.IsRenderingProvider ? "yes" : "no",
        [nameof(StaffInput.StartDate)] = RecordText.Date(s.StartDate), [nameof(StaffInput.EndDate)] = RecordText.Date(s.EndDate),
        [nameof(StaffInput.Bio)] = s.Bio,
    };


    /// <summary>Refuses the save through the kit, naming what another user changed, and arms a deliberate re-save.</summary>
    private void Conflict(Dictionary<string, string?> savedNow, Guid currentStamp)
    {
        var scratch = new StaffMember();
        Apply(scratch);
        var typed = Values(scratch);
        if (Input.StartDate is null) typed[nameof(StaffInput.StartDate)] = null;
        Input.Loaded = EditConflict.Refuse(ModelState, "this person", Input, Input.Loaded, savedNow, typed);
        Input.ConcurrencyStamp = currentStamp;
    }

    private async Task<IActionResult> RedisplayAsync()
    {
        await LoadSuggestionsAsync();
        return Page();
    }

    private async Task LoadSuggestionsAsync() =>
        TitleSuggestions = (await db.Staff.Select(s => s.Title).Distinct().ToListAsync())
            .Concat(StaffTitles.All).Where(t => t != "").Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
}
