using System.Globalization;
using System.Security.Claims;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.PageKit;

/// <summary>How the clinical record pages (patients, courses, visits, payments) write money, dates and times.</summary>
public static class RecordText
{
    private static readonly CultureInfo UnitedStates = CultureInfo.GetCultureInfo("en-US");

    public static string Money(decimal amount) => amount.ToString("C", UnitedStates);
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Date(DateOnly? d) => d is { } v ? Date(v) : "";
    public static string DateTime(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    public static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);
    public static string Number(decimal? n, string format = "0.##") => n?.ToString(format, CultureInfo.InvariantCulture) ?? "";

    public static int Age(DateOnly dob, DateOnly today)
    {
        var age = today.Year - dob.Year;
        return dob.AddYears(age) > today ? age - 1 : age;
    }
}

/// <summary>
/// Who may see clinical content (visit notes, doses, vitals, scores, incidents): the ReadClinical roles. Pages open to
/// front desk too (patient page, visit page) render those sections only when this is true — on the server, not by hiding.
/// </summary>
public static class ClinicalAccess
{
    public static bool CanRead(ClaimsPrincipal user) => Policies.RolesOf[Policies.ReadClinical].Any(user.IsInRole);
    public static bool CanRecord(ClaimsPrincipal user) => Policies.RolesOf[Policies.RecordClinical].Any(user.IsInRole);
    public static bool CanManagePatients(ClaimsPrincipal user) => Policies.RolesOf[Policies.ManagePatients].Any(user.IsInRole);
}
