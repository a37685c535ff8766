using ClinicAdmin.Data;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Patients;

/// <summary>
/// Find a patient by name, date of birth or MRN. Built for 100,000 patients: every search is an index range, rows are
/// projected to what the table shows, one extra row tells whether there is a next page, and the count stops at
/// <see cref="CountCap"/> (a front desk needs "more than 1,000", not 73,412).
/// The search form posts, and the answer is a redirect to an address carrying the search only as an opaque protected
/// value (s=...), so names and dates of birth stay out of browser history, proxy logs and bookmarks (issue 13,
/// finding 12) while paging, back and refresh still work. A typed ?q= still searches (scripts, old bookmarks).
/// </summary>
[Authorize(Policy = Policies.ManagePatients)]
public class IndexModel(ClinicDbContext db, ClinicTime clinicTime, Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection) : PageModel, IPatientDataPage
{
    /// <summary>For the access log: a patient list or search was shown, with the kind of search only (never what was typed).</summary>
    public PatientAccess? Access { get; private set; }

    private Microsoft.AspNetCore.DataProtection.IDataProtector Protector => protection.CreateProtector("ClinicAdmin.PatientSearch.v1");

    public Microsoft.AspNetCore.Mvc.IActionResult OnPost(string? q) =>
        Redirect(string.IsNullOrWhiteSpace(q) ? "/Patients/Index" : "/Patients/Index?s=" + Protector.Protect(q.Trim()));

    /// <summary>The search of an s= value, or null when it is missing or not one of ours.</summary>
    private string? Unprotect(string? s)
    {
        if (string.IsNullOrEmpty(s) || s.Length > 2000) return null;
        try { return Protector.Unprotect(s); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    public const int PageSize = 25;
    public const int CountCap = 1000;
    public const int MaxPage = 100_000;

    public sealed record Row(int Id, string Mrn, string LastName, string FirstName, DateOnly DateOfBirth, string? Phone, string? InsurancePayer, bool Warning);

    public string? Q { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasNext { get; private set; }
    public int Count { get; private set; }
    public bool CountIsCapped { get; private set; }
    public PatientSearch.Parsed Search { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    // "page" is read from the query string by hand: in Razor Pages the route value "page" is the page's own path.
    public async Task OnGetAsync(string? q, string? s)
    {
        Q = (Unprotect(s) ?? q)?.Trim();
        PageNumber = int.TryParse(Request.Query["page"], out var n) ? Math.Clamp(n, 1, MaxPage) : 1;
        Today = (await clinicTime.ClockAsync()).Today;
        Search = PatientSearch.Parse(Q, postgres: !db.Database.IsSqlite()); // SQL Server orders by collation as PostgreSQL does
        Access = PatientAccess.Search(Search.Kind switch
        {
            PatientSearch.Kind.Name => "name", PatientSearch.Kind.DateOfBirth => "date of birth", PatientSearch.Kind.Mrn => "MRN",
            PatientSearch.Kind.All => "all", _ => "invalid",
        });
        if (Search.Kind == PatientSearch.Kind.Invalid) return;

        var query = db.Patients.AsNoTracking();
        if (Search.Filter is not null) query = query.Where(Search.Filter);
        var skip = (PageNumber - 1) * PageSize;
        // A name search is a handful of index ranges. Ordered by the bare column, SQLite would walk the whole name index
        // in order (~100 ms at 100,000 patients); ordered by an expression it unions the ranges and sorts only the matches,
        // from the covering (LastName, FirstName, Id) index. Any other list is read in index order.
        var byName = Search.Kind == PatientSearch.Kind.Name;
        var ordered = byName
            ? query.OrderBy(p => p.LastName + "").ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            : query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id);
        List<Row> rows;
        if (byName)
        {
            // Ids from the index only, then the page's rows by id.
            var ids = await ordered.Skip(skip).Take(PageSize + 1).Select(p => p.Id).ToListAsync();
            var found = await Project(db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))).ToListAsync();
            rows = found.OrderBy(r => ids.IndexOf(r.Id)).ToList();
        }
        else rows = await Project(ordered.Skip(skip).Take(PageSize + 1)).ToListAsync();
        HasNext = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        if (PageNumber == 1 && !HasNext) Count = Rows.Count;
        else
        {
            Count = await ordered.Select(p => p.Id).Take(CountCap + 1).CountAsync();
            CountIsCapped = Count > CountCap;
            if (CountIsCapped) Count = CountCap;
        }
    }

    private static IQueryable<Row> Project(IQueryable<Domain.Patients.Patient> q) =>
        q.Select(p => new Row(p.Id, p.Mrn, p.LastName, p.FirstName, p.DateOfBirth, p.Phone, p.InsurancePayer,
            p.HasUncontrolledHypertension || p.HasPsychosisHistory || p.IsPregnant || p.HasSevereLiverDisease || p.HasSubstanceMisuse));

    public string PageUrl(int page) =>
        $"/Patients/Index?{(string.IsNullOrEmpty(Q) ? "" : "s=" + Protector.Protect(Q) + "&")}page={page}";
}
