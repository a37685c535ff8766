namespace ClinicAdmin.Domain.Common;

/// <summary>The four sign-in roles. Patients never sign in to the admin.</summary>
public static class Roles
{
    public const string PracticeManager = "PracticeManager";
    public const string MedicalDirector = "MedicalDirector";
    public const string Clinician = "Clinician";
    public const string FrontDesk = "FrontDesk";

    public static readonly string[] All = [PracticeManager, MedicalDirector, Clinician, FrontDesk];

    public static string Label(string role) => role switch
    {
        PracticeManager => "Practice manager",
        MedicalDirector => "Medical director",
        Clinician => "Clinician",
        FrontDesk => "Front desk / billing",
        _ => role,
    };
}
