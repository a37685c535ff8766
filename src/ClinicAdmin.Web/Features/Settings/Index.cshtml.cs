using ClinicAdmin.Data;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Settings;

/// <summary>The practice's own facts as they print on superbills, with what is still missing for a complete bill.</summary>
[Authorize(Policy = Policies.ManageAdmin)]
public class IndexModel(ClinicDbContext db, ClinicTime clinicTime) : PageModel
{
    public sealed record SettingsView(string Name, string BillingAddress, string Phone, string TaxId, string GroupNpi,
        string TimeZoneId, string SuperbillFooter, bool ShowPatientNamesInReports, string VitalLimits, DateStyle DateStyle);

    public SettingsView Settings { get; private set; } = null!;
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public string LocalNow { get; private set; } = "";
    public int ActiveLocations { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var s = await db.ClinicSettings.AsNoTracking().FirstOrDefaultAsync();
        if (s is null) return NotFound();
        Settings = new SettingsView(s.Name, s.BillingAddress.ToString(), s.Phone, s.TaxId, s.GroupNpi,
            s.TimeZoneId, s.SuperbillFooter, s.ShowPatientNamesInReports, s.VitalLimits.ToString(), s.DateStyle);
        ActiveLocations = await db.Locations.CountAsync(l => l.IsActive);
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(s.BillingAddress.Line1)) missing.Add("billing address (box 33)");
        if (await db.Locations.AnyAsync(l => l.IsActive && l.ServiceFacilityAddress.Line1 == "")) missing.Add("a location's service facility address (box 32, in Locations)");
        if (Ein.Normalize(s.TaxId) is null) missing.Add("Tax ID / EIN (box 25)");
        if (!Npi.IsValid(s.GroupNpi)) missing.Add("group NPI (box 33a)");
        if (string.IsNullOrWhiteSpace(s.Phone)) missing.Add("phone");
        Missing = missing;
        var clock = await clinicTime.ClockAsync();
        LocalNow = RecordText.DateTime(clock.NowLocal);
        return Page();
    }

    public static string ZoneLabel(string id) =>
        ClinicTimeZones.UnitedStates.FirstOrDefault(z => z.Id == id).Label is { } label ? $"{label} ({id})" : id;
}
