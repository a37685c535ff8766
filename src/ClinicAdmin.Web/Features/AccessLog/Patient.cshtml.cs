using System.Globalization;
using System.Text;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Reports.Spreadsheets;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClinicAdmin.Web.Features.AccessLog;

/// <summary>
/// "Accesses to this patient": who opened this patient's record, visits, incidents and documents, when and on which
/// page, newest first (an accounting of disclosures). Read-only; the CSV export is itself logged as an access.
/// </summary>
[Authorize(Policy = Policies.ReadAudit)]
public class PatientModel(ClinicDbContext db, ClinicTime clinicTime) : PageModel, IPatientDataPage
{
    public const int PageSize = 50;

    public sealed record Row(long Id, DateTime AtLocal, string UserName, string Page, string Action);

    public int Id { get; private set; }
    public string Mrn { get; private set; } = "";
    public string PatientName { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasNext { get; private set; }
    public string ZoneId { get; private set; } = "";
    /// <summary>Set by the export only: the export is an access too.</summary>
    public PatientAccess? Access { get; private set; }

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

    // "page" is read from the query string by hand: in Razor Pages the route value "page" is the page's own path.
    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (!await LoadPatientAsync(id)) return NotFound();
        PageNumber = int.TryParse(Request.Query["page"], out var n) ? Math.Clamp(n, 1, 100_000) : 1;
        var clock = await clinicTime.ClockAsync();
        ZoneId = clock.Zone.Id;
        var rows = await Newest(Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasNext = rows.Count > PageSize;
        Rows = rows.Take(PageSize).Select(a => new Row(a.Id, clock.ToLocal(a.At), a.UserName, PageName(a.Page), a.Action)).ToList();
        return Page();
    }

    /// <summary>Every access of this patient as CSV (UTF-8, clinic time), cells neutralised against formula injection.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int? id)
    {
        if (!await LoadPatientAsync(id)) return NotFound();
        var clock = await clinicTime.ClockAsync();
        var csv = new StringBuilder();
        csv.Append("When (").Append(clock.Zone.Id).Append("),Who,Page,Action\r\n");
        await foreach (var a in Newest(Id).AsAsyncEnumerable())
            csv.Append(Cell(clock.ToLocal(a.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append(',')
                .Append(Cell(a.UserName)).Append(',').Append(Cell(PageName(a.Page))).Append(',').Append(Cell(a.Action)).Append("\r\n");
        Access = PatientAccess.Export(Id);
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"accesses-{Mrn}.csv");
    }

    /// <summary>One CSV cell: formula-like text gets a leading quote (SafeText), then RFC 4180 quoting.</summary>
    public static string Cell(string? text)
    {
        var safe = SafeText.Neutralize(text);
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }

    private IQueryable<AccessLogEntry> Newest(int patientId) =>
        db.AccessLog.AsNoTracking().Where(a => a.PatientId == patientId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id);

    private async Task<bool> LoadPatientAsync(int? id)
    {
        if (id is not { } patientId) return false;
        var p = await db.Patients.AsNoTracking().Where(x => x.Id == patientId).Select(x => new { x.Mrn, x.FirstName, x.LastName }).SingleOrDefaultAsync();
        if (p is null) return false;
        Id = patientId; Mrn = p.Mrn; PatientName = $"{p.FirstName} {p.LastName}";
        return true;
    }
}
