using System.Globalization;
using System.Text;
using ClinicAdmin.Reports.Spreadsheets;

namespace ClinicAdmin.Web.Features.AccessLog;

/// <summary>What the two access reports (per patient, per staff member) share: page names, paging, CSV lines.</summary>
public static class AccessReport
{
    public const int PageSize = 50;

    /// <summary>What each logged page is, in the report's words.</summary>
    public static string PageName(string page) => page switch
    {
        "/Patients/Details" => "Patient record",
        "/Patients/Edit" => "Patient record (edit form)",
        "/Courses/Details" => "Course",
        "/Visits/Details" => "Visit",
        "/Visits/Edit" => "Visit (edit form)",
        "/Incidents/Edit" => "Incident (edit form)",
        "/Incidents/Create" => "New incident form",
        "/Incidents/Addendum" => "Incident (addendum form)",
        "/Incidents/SignOff" => "Incident (sign-off)",
        "/Incidents/Index" => "Incidents of this patient",
        "/Courses/Edit" => "Course (edit form)",
        "/Payments/Edit" => "Payment form",
        "/Assessments/Create" => "New outcome score form",
        "/Assessments/Index" => "Outcome scores",
        "/Assessments/Details" => "Outcome score",
        "/Incidents/Details" => "Incident",
        "/Superbills/Download" => "Document download",
        "/Patients/Index" => "Patient search",
        "/AccessLog/Patient" => "Access report export",
        "/AccessLog/Person" => "Staff access report export",
        _ => page,
    };

    /// <summary>
    /// The report page asked for, 1 to 100,000. Read from the query string by hand: in Razor Pages the route value
    /// "page" is the page's own path.
    /// </summary>
    public static int PageNumberOf(HttpRequest request) =>
        int.TryParse(request.Query["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 100_000) : 1;

    /// <summary>A time in a CSV export (clinic time, to the second; ISO whatever the clinic's date style, for the programs that read it).</summary>
    public static string When(DateTime local) => local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>One CSV line (RFC 4180 line end) of <see cref="Cell"/>s.</summary>
    public static void CsvLine(StringBuilder csv, params string?[] cells) => csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");

    /// <summary>One CSV cell: formula-like text gets a leading quote (SafeText), then RFC 4180 quoting.</summary>
    public static string Cell(string? text)
    {
        var safe = SafeText.Neutralize(text);
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
