using System.Text;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Auditing;
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

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (!await LoadPatientAsync(id)) return NotFound();
        PageNumber = AccessReport.PageNumberOf(Request);
        var clock = await clinicTime.ClockAsync();
        ZoneId = clock.Zone.Id;
        var rows = await Newest(Id).Skip((PageNumber - 1) * AccessReport.PageSize).Take(AccessReport.PageSize + 1).ToListAsync();
        HasNext = rows.Count > AccessReport.PageSize;
        Rows = rows.Take(AccessReport.PageSize).Select(a => new Row(a.Id, clock.ToLocal(a.At), a.UserName, AccessReport.PageName(a.Page), a.Action)).ToList();
        return Page();
    }

    /// <summary>Every access of this patient as CSV (UTF-8, clinic time), cells neutralised against formula injection.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int? id)
    {
        if (!await LoadPatientAsync(id)) return NotFound();
        var clock = await clinicTime.ClockAsync();
        var csv = new StringBuilder();
        AccessReport.CsvLine(csv, $"When ({clock.Zone.Id})", "Who", "Page", "Action");
        await foreach (var a in Newest(Id).AsAsyncEnumerable())
            AccessReport.CsvLine(csv, AccessReport.When(clock.ToLocal(a.At)), a.UserName, AccessReport.PageName(a.Page), a.Action);
        Access = PatientAccess.Export(Id);
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"accesses-{Mrn}.csv");
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
