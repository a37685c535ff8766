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
/// "Accesses by a staff member": every patient record, visit, incident and document one account opened, and every
/// search it ran (its kind only), newest first. What a privacy officer reads when someone may have looked where they
/// had no reason to. Patients appear by MRN, linking to their own report; the CSV export is itself logged.
/// </summary>
[Authorize(Policy = Policies.ReadAudit)]
public class PersonModel(ClinicDbContext db, ClinicTime clinicTime) : PageModel, IPatientDataPage
{
    public sealed record Row(long Id, DateTime AtLocal, int? PatientId, string? Mrn, string Page, string Action);

    public string UserId { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasNext { get; private set; }
    public string ZoneId { get; private set; } = "";
    /// <summary>Set by the export only: it lists patients' MRNs, so it is an access too (of no one patient).</summary>
    public PatientAccess? Access { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId)
    {
        if (!await LoadUserAsync(userId)) return NotFound();
        PageNumber = AccessReport.PageNumberOf(Request);
        var clock = await clinicTime.ClockAsync();
        ZoneId = clock.Zone.Id;
        var rows = await Newest().Skip((PageNumber - 1) * AccessReport.PageSize).Take(AccessReport.PageSize + 1).ToListAsync();
        HasNext = rows.Count > AccessReport.PageSize;
        Rows = rows.Take(AccessReport.PageSize).Select(r => new Row(r.Entry.Id, clock.ToLocal(r.Entry.At), r.Entry.PatientId, r.Mrn, AccessReport.PageName(r.Entry.Page), ActionText(r.Entry))).ToList();
        return Page();
    }

    /// <summary>Every access by this account as CSV (UTF-8, clinic time), cells neutralised against formula injection.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? userId)
    {
        if (!await LoadUserAsync(userId)) return NotFound();
        var clock = await clinicTime.ClockAsync();
        var csv = new StringBuilder();
        AccessReport.CsvLine(csv, $"When ({clock.Zone.Id})", "MRN", "Page", "Action");
        await foreach (var r in Newest().AsAsyncEnumerable())
            AccessReport.CsvLine(csv, AccessReport.When(clock.ToLocal(r.Entry.At)), r.Mrn, AccessReport.PageName(r.Entry.Page), ActionText(r.Entry));
        Access = new PatientAccess(null, PatientAccess.ExportAction);
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"accesses-by-{Email}.csv");
    }

    public static string ActionText(AccessLogEntry e) => e.SearchKind is { Length: > 0 } kind ? $"{e.Action} ({kind})" : e.Action;

    private IQueryable<Joined> Newest() =>
        from a in db.AccessLog.AsNoTracking()
        where a.UserId == UserId
        join p in db.Patients.AsNoTracking() on a.PatientId equals (int?)p.Id into patients
        from p in patients.DefaultIfEmpty()
        orderby a.At descending, a.Id descending
        select new Joined { Entry = a, Mrn = p == null ? null : p.Mrn };

    private sealed class Joined
    {
        public AccessLogEntry Entry { get; init; } = null!;
        public string? Mrn { get; init; }
    }

    private async Task<bool> LoadUserAsync(string? userId)
    {
        if (string.IsNullOrEmpty(userId) || userId.Length > 450) return false;
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync();
        if (email is null) return false;
        UserId = userId; Email = email;
        return true;
    }
}
