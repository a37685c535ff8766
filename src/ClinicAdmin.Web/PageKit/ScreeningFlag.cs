using ClinicAdmin.Domain.Patients;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// The contraindication banner, the same on every page that names a patient (patient, visit; the list shows a
/// "screening" badge). Decision (issue 13, finding 12): roles with clinical read rights see which contraindications
/// are on file; the front desk sees that there is one and whom to ask, never which (psychosis history and pregnancy
/// are clinical PHI the desk does not need to schedule or check a patient in).
/// </summary>
public static class ScreeningFlag
{
    /// <summary>The banner's text after "WARNING —", or null when the patient has no contraindication.</summary>
    public static string? Text(Patient p, bool canReadClinical)
    {
        var names = p.Contraindications().ToList();
        if (names.Count == 0) return null;
        return canReadClinical
            ? $"contraindication on file: {string.Join(", ", names)}. Review with the medical director before treatment."
            : "screening flag on file. Review with the medical director before treatment.";
    }
}
