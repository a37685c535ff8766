using System.Security.Claims;

namespace ClinicAdmin.Web.Infrastructure;

/// <summary>The top navigation: each item names the policy its page requires, so a role only sees what it may open.</summary>
public static class NavMenu
{
    public sealed record Item(string Title, string Page, string Policy, string Icon);

    public static readonly Item[] Items =
    [
        new("Home", "/Index", Policies.AnyStaff, "house"),
        new("Patients", "/Patients/Index", Policies.ManagePatients, "person-vcard"),
        new("Incidents", "/Incidents/Index", Policies.ReadClinical, "exclamation-triangle"),
        new("Month-end superbills", "/Superbills/Batch", Policies.ManagePatients, "receipt"),
        new("Outcomes", "/Reports/Dashboard", Policies.MedicalDirector, "graph-up"),
        new("Reports", "/Reports/Index", Policies.MedicalDirector, "file-earmark-spreadsheet"),
        new("Staff", "/Staff/Index", Policies.AnyStaff, "people"),
        new("Services & prices", "/Pricing/Index", Policies.AnyStaff, "tags"),
        new("Locations", "/Locations/Index", Policies.AnyStaff, "geo-alt"),
        new("Clinic settings", "/Settings/Index", Policies.ManageAdmin, "gear"),
        new("Users", "/Users/Index", Policies.ManageAdmin, "person-lock"),
        new("Audit trail", "/Audit/Index", Policies.ReadAudit, "journal-text"),
        new("Jobs", "/Jobs/Index", Policies.AnyStaff, "hourglass-split"),
    ];

    public static IEnumerable<Item> For(ClaimsPrincipal user) =>
        Items.Where(i => Policies.RolesOf[i.Policy].Any(user.IsInRole));
}
