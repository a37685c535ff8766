namespace ClinicAdmin.Testing;

/// <summary>
/// The whole suite's app logs, for the patient-data grep (issue 12): when tests/run.sh sets CLINICADMIN_SUITE_LOGS to a
/// folder, every in-process app (a logger provider) and every app process (its console output) writes its log there,
/// one file each. The last kind tests/run.sh runs (Category=SuiteLogs) searches that folder.
/// </summary>
public static class SuiteLog
{
    public const string Variable = "CLINICADMIN_SUITE_LOGS";

    public static string? Folder => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } f ? f : null;

    /// <summary>A new file in the folder for one app; null when the suite is not collecting.</summary>
    public static string? NewFile(string source) =>
        Folder is { } folder ? Path.Combine(Directory.CreateDirectory(folder).FullName, $"{source}-{Environment.ProcessId}-{Guid.NewGuid():N}.log") : null;

    /// <summary>An app process's whole console output (its JSON logs), written when the process is gone.</summary>
    public static void WriteProcessOutput(string output)
    {
        if (NewFile("process") is { } file) File.WriteAllText(file, output);
    }
}
