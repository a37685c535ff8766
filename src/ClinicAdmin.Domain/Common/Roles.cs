namespace ClinicAdmin.Domain.Common;

/// <summary>The four sign-in roles. Patients never sign in to the admin. Their labels are in <see cref="Vocabulary.Role"/>.</summary>
public static class Roles
{
    public const string PracticeManager = "PracticeManager";
    public const string MedicalDirector = "MedicalDirector";
    public const string Clinician = "Clinician";
    public const string FrontDesk = "FrontDesk";

    public static readonly string[] All = [PracticeManager, MedicalDirector, Clinician, FrontDesk];

}
