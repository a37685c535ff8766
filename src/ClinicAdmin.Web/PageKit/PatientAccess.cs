namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// A page that shows a patient's data, a document or a patient search. Its handler only says what it showed; the access
/// log (Features/AccessLog, a page filter) writes the row, once per answer that carries data (a page or a file).
/// </summary>
public interface IPatientDataPage
{
    /// <summary>What this answer showed; null when it showed nothing (not found, refused): then nothing is logged.</summary>
    PatientAccess? Access { get; }
}

/// <summary>One read of patient data as a page describes it. <paramref name="SearchKind"/> is the kind of search, never its text.</summary>
public sealed record PatientAccess(int? PatientId, string Action, string? SearchKind = null)
{
    public const string ViewAction = "View", SearchAction = "Search", DownloadAction = "Download", ExportAction = "Export";

    public static PatientAccess View(int patientId) => new(patientId, ViewAction);
    public static PatientAccess Download(int? patientId) => new(patientId, DownloadAction);
    public static PatientAccess Export(int patientId) => new(patientId, ExportAction);
    public static PatientAccess Search(string kind) => new(null, SearchAction, kind);
}
