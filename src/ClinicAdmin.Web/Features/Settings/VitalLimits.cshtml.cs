using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.Settings;

/// <summary>
/// The vital-sign limits the visit form warns at (a clinic setting, audited with the settings row). The ranges a limit may
/// take are the domain's (<see cref="Domain.Visits.VitalLimits.Problems"/>); a save another manager overtook is refused.
/// </summary>
[Authorize(Policy = Policies.ManageAdmin)]
public class VitalLimitsModel(ClinicDbContext db, ILogger<VitalLimitsModel> log) : PageModel
{
    [BindProperty] public LimitsInput Input { get; set; } = new();

    public sealed class LimitsInput
    {
        [Display(Name = "Systolic at or above (mmHg)"), Required(ErrorMessage = "Enter the systolic limit.")] public int? SystolicAtOrAbove { get; set; }
        [Display(Name = "Diastolic at or above (mmHg)"), Required(ErrorMessage = "Enter the diastolic limit.")] public int? DiastolicAtOrAbove { get; set; }
        [Display(Name = "Heart rate at or above (/min)"), Required(ErrorMessage = "Enter the high heart-rate limit.")] public int? HeartRateAtOrAbove { get; set; }
        [Display(Name = "Heart rate at or below (/min)"), Required(ErrorMessage = "Enter the low heart-rate limit.")] public int? HeartRateAtOrBelow { get; set; }
        [Display(Name = "SpO2 below (%)"), Required(ErrorMessage = "Enter the SpO2 limit.")] public int? SpO2Below { get; set; }
        public Guid ConcurrencyStamp { get; set; }

        public static LimitsInput From(VitalLimits l, Guid stamp) => new()
        {
            SystolicAtOrAbove = l.SystolicAtOrAbove, DiastolicAtOrAbove = l.DiastolicAtOrAbove, HeartRateAtOrAbove = l.HeartRateAtOrAbove,
            HeartRateAtOrBelow = l.HeartRateAtOrBelow, SpO2Below = l.SpO2Below, ConcurrencyStamp = stamp,
        };

        /// <summary>Copies into the tracked owned value (replacing it would audit as a delete and an insert).</summary>
        public void CopyTo(VitalLimits l)
        {
            l.SystolicAtOrAbove = SystolicAtOrAbove!.Value; l.DiastolicAtOrAbove = DiastolicAtOrAbove!.Value;
            l.HeartRateAtOrAbove = HeartRateAtOrAbove!.Value; l.HeartRateAtOrBelow = HeartRateAtOrBelow!.Value; l.SpO2Below = SpO2Below!.Value;
        }

        public Dictionary<string, string?> Values() => new()
        {
            [nameof(SystolicAtOrAbove)] = Text(SystolicAtOrAbove), [nameof(DiastolicAtOrAbove)] = Text(DiastolicAtOrAbove),
            [nameof(HeartRateAtOrAbove)] = Text(HeartRateAtOrAbove), [nameof(HeartRateAtOrBelow)] = Text(HeartRateAtOrBelow), [nameof(SpO2Below)] = Text(SpO2Below),
        };

        private static string? Text(int? v) => v?.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var s = await db.ClinicSettings.AsNoTracking().FirstOrDefaultAsync();
        if (s is null) return NotFound();
        Input = LimitsInput.From(s.VitalLimits, s.ConcurrencyStamp);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var s = await db.ClinicSettings.FirstOrDefaultAsync();
        if (s is null) return NotFound();
        if (ModelState.IsValid)
        {
            var typed = new VitalLimits();
            Input.CopyTo(typed);
            foreach (var (field, message) in typed.Problems()) ModelState.AddErrorOnce("Input." + field, message);
        }
        if (!ModelState.IsValid) return Page();
        if (s.ConcurrencyStamp != Input.ConcurrencyStamp) return await ConflictAsync();

        db.Entry(s).Property(x => x.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        Input.CopyTo(s.VitalLimits);
        // The limits are an owned value with their own change entry: a new stamp makes the row's concurrency check cover them.
        if (db.ChangeTracker.HasChanges()) s.ConcurrencyStamp = Guid.NewGuid();
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException) { return await ConflictAsync(); }
        log.LogInformation("Vital-sign limits of clinic settings {SettingsId} saved", s.Id);
        TempData["Flash"] = "Vital-sign limits saved.";
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> ConflictAsync()
    {
        db.ChangeTracker.Clear();
        var now = await db.ClinicSettings.AsNoTracking().FirstAsync();
        EditConflict.Refuse(ModelState, "the vital-sign limits", Input, null, LimitsInput.From(now.VitalLimits, now.ConcurrencyStamp).Values(), Input.Values());
        Input.ConcurrencyStamp = now.ConcurrencyStamp;
        return Page();
    }
}
