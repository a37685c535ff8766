using System.Security.Claims;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// The role checks that decide what a page shows, read from the same table as the policies (Policies.RolesOf), so a
/// page section and the page it links to never disagree. Pages open to front desk too (patient page, visit page)
/// render clinical sections only when CanRead is true — on the server, not by hiding.
/// </summary>
public static class ClinicalAccess
{
    public static bool Allows(ClaimsPrincipal user, string policy) => Policies.RolesOf[policy].Any(user.IsInRole);
    public static bool CanRead(ClaimsPrincipal user) => Allows(user, Policies.ReadClinical);
    public static bool CanRecord(ClaimsPrincipal user) => Allows(user, Policies.RecordClinical);
    public static bool CanManagePatients(ClaimsPrincipal user) => Allows(user, Policies.ManagePatients);
}
