using ClinicAdmin.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace ClinicAdmin.Web.Platform.Security;

/// <summary>
/// Named authorization policies. Every page carries one of these as [Authorize(Policy = ...)];
/// a test fails if a page has none. Pages that change data use the narrower policy.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in staff role.</summary>
    public const string AnyStaff = nameof(AnyStaff);
    /// <summary>Change roster, catalog, prices, settings and users.</summary>
    public const string ManageAdmin = nameof(ManageAdmin);
    /// <summary>Read the audit trail.</summary>
    public const string ReadAudit = nameof(ReadAudit);
    /// <summary>Read clinical records (notes, scores, incidents).</summary>
    public const string ReadClinical = nameof(ReadClinical);
    /// <summary>Record visits, scores and incidents.</summary>
    public const string RecordClinical = nameof(RecordClinical);
    /// <summary>Patients' demographics, payments and superbills.</summary>
    public const string ManagePatients = nameof(ManagePatients);
    /// <summary>Work the day's appointments (home-page queues): the front desk and the clinicians.</summary>
    public const string WorkSchedule = nameof(WorkSchedule);
    /// <summary>Review and sign off incidents; outcome reports.</summary>
    public const string MedicalDirector = nameof(MedicalDirector);

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [AnyStaff] = Roles.All,
        [ManageAdmin] = [Roles.PracticeManager],
        [ReadAudit] = [Roles.PracticeManager, Roles.MedicalDirector],
        [ReadClinical] = [Roles.Clinician, Roles.MedicalDirector],
        [RecordClinical] = [Roles.Clinician],
        [ManagePatients] = [Roles.FrontDesk, Roles.Clinician, Roles.MedicalDirector],
        [MedicalDirector] = [Roles.MedicalDirector],
        [WorkSchedule] = [Roles.FrontDesk, Roles.Clinician],
    };

    public static void Add(AuthorizationOptions o)
    {
        foreach (var (name, roles) in RolesOf)
            o.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        // Anything without an explicit policy still needs a signed-in user.
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
