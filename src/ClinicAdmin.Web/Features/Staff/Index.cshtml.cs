using ClinicAdmin.Data;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.PageKit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ClinicAdmin.Web.Platform.Security;

namespace ClinicAdmin.Web.Features.Staff;

/// <summary>The roster: search, filters, sort and the warnings a practice manager must act on. Every role may read it.</summary>
[Authorize(Policy = Policies.AnyStaff)]
public class IndexModel(ClinicDbContext db, ClinicTime clinicTime, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "title")] public string? TitleFilter { get; set; }
    /// <summary>A sign-in role, "none" (no account) or empty for any.</summary>
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    /// <summary>active (today, the default), former, upcoming or all.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Rendering { get; set; }
    [BindProperty(SupportsGet = true)] public bool WithWarnings { get; set; }
    /// <summary>name (default), title or license (expiry, soonest first).</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>1-based, from ?page= (read by hand: "page" is Razor Pages' own route value); a chain's roster runs to
    /// hundreds of people, so it is shown a page at a time.</summary>
    public int PageNumber { get; private set; } = 1;
    public const int PageSize = 50;
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static readonly string[] Statuses = ["active", "former", "upcoming", "all"];
    public static readonly string[] Sorts = ["name", "title", "license"];

    public sealed record Row(
        int Id, string Name, string Credentials, string Title, string? Email, string? Phone, string? Npi,
        string? LicenseNumber, string? LicenseState, DateOnly? LicenseExpiresOn, bool IsRenderingProvider,
        DateOnly StartDate, DateOnly? EndDate, StaffStatus Status, string? AccountEmail, string? AccountRole,
        IReadOnlyList<string> Warnings);

    public sealed record Banner(int Expiring, int Expired, int NpiProblems);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Titles { get; private set; } = [];
    public Banner Attention { get; private set; } = new(0, 0, 0);
    public bool ShowLicenseNumbers { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanManage { get; private set; }

    /// <summary>The current filters with one value changed, for sort links that keep the filters.</summary>
    public Dictionary<string, string> With(string key, string value)
    {
        var d = new Dictionary<string, string>
        {
            ["q"] = Q ?? "", ["title"] = TitleFilter ?? "", ["role"] = Role ?? "", ["status"] = Status ?? "",
            ["rendering"] = Rendering ? "true" : "", ["withWarnings"] = WithWarnings ? "true" : "", ["sort"] = Sort ?? "",
            ["page"] = "",
        };
        d[key] = value;
        return d.Where(kv => kv.Value != "").ToDictionary();
    }

    /// <summary>A page of the roster with the current filters ("page" cannot be a tag-helper route value: Razor Pages owns it).</summary>
    public string PageUrl(int page) =>
        "/Staff/Index?" + string.Join("&", With("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));

    public async Task OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        var today = Today = clock.Today;
        ShowLicenseNumbers = StaffView.MaySeeLicenseNumbers(User);
        CanManage = (await auth.AuthorizeAsync(User, Policies.ManageAdmin)).Succeeded;
        if (!Statuses.Contains(Status)) Status = "active";
        if (!Sorts.Contains(Sort)) Sort = "name";

        var query = db.Staff.AsNoTracking();
        query = Status switch
        {
            "former" => query.Where(s => s.EndDate < today),
            "upcoming" => query.Where(s => s.StartDate > today),
            "all" => query,
            _ => query.Where(s => s.StartDate <= today && (s.EndDate == null || s.EndDate >= today)),
        };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(s => (s.FirstName + " " + s.LastName).ToLower().Contains(q)
                                     || (s.LastName + ", " + s.FirstName).ToLower().Contains(q)
                                     || (s.Email != null && s.Email.ToLower().Contains(q))
                                     || (s.Npi != null && s.Npi.Contains(q)));
        }
        if (!string.IsNullOrWhiteSpace(TitleFilter)) query = query.Where(s => s.Title == TitleFilter);
        if (Role == "none") query = query.Where(s => s.UserId == null);
        else if (Roles.All.Contains(Role))
            query = query.Where(s => db.UserRoles.Any(ur => ur.UserId == s.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        if (Rendering) query = query.Where(s => s.IsRenderingProvider);
        query = Sort switch
        {
            "title" => query.OrderBy(s => s.Title).ThenBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id),
            // Soonest expiry first; people with no license on file last. Id last everywhere: pages must not overlap.
            "license" => query.OrderBy(s => s.LicenseExpiresOn == null).ThenBy(s => s.LicenseExpiresOn).ThenBy(s => s.LastName).ThenBy(s => s.Id),
            _ => query.OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id),
        };

        // Without the warnings filter the database pages the roster, so a chain's hundreds of people are not all read,
        // checked and matched to accounts on every request; the warnings filter needs the domain's rules, so it reads all.
        int requested = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
        List<Listed> staff;
        if (WithWarnings)
        {
            staff = (await query.Select(Projection).ToListAsync()).Where(l => StaffView.Warnings(l.S, today).Count > 0).ToList();
            Total = staff.Count;
            PageNumber = Math.Clamp(requested, 1, PageCount);
            staff = staff.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        }
        else
        {
            Total = await query.CountAsync();
            PageNumber = Math.Clamp(requested, 1, PageCount);
            staff = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(Projection).ToListAsync();
        }
        var accounts = await Accounts(staff.Select(l => l.S.UserId).OfType<string>().ToList());
        Rows = staff.Select(l =>
        {
            var s = l.S;
            var account = s.UserId is null ? null : accounts.GetValueOrDefault(s.UserId);
            return new Row(l.Id, $"{s.LastName}, {s.FirstName}", s.Credentials, s.Title, s.Email, s.Phone, s.Npi,
                s.LicenseNumber, s.LicenseState, s.LicenseExpiresOn, s.IsRenderingProvider, s.StartDate, s.EndDate,
                s.StatusOn(today), account?.Email, account?.Role, StaffView.Warnings(s, today));
        }).ToList();

        // The banner covers everyone still on the roster, whatever the filters, so a filter cannot hide a problem.
        // Only the columns its rules read.
        var current = await db.Staff.AsNoTracking().Where(s => s.EndDate == null || s.EndDate >= today)
            .Select(s => new StaffMember { LicenseExpiresOn = s.LicenseExpiresOn, EndDate = s.EndDate, IsRenderingProvider = s.IsRenderingProvider, Npi = s.Npi })
            .ToListAsync();
        Attention = new Banner(
            Expiring: current.Count(s => s.LicenseExpiresOn >= today && s.NeedsLicenseRenewal(today, StaffView.ExpiryWarningDays)),
            Expired: current.Count(s => s.LicenseExpiresOn < today),
            NpiProblems: current.Count(s => s.IsRenderingProvider && !Npi.IsValid(s.Npi)));

        Titles = (await db.Staff.Select(s => s.Title).Distinct().ToListAsync())
            .Concat(StaffTitles.All).Where(t => t != "").Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The columns the roster needs (no bio), as an untracked StaffMember so the domain's warning rules apply.</summary>
    private sealed record Listed(int Id, StaffMember S);

    private static readonly System.Linq.Expressions.Expression<Func<StaffMember, Listed>> Projection = s => new Listed(s.Id, new StaffMember
    {
        FirstName = s.FirstName, LastName = s.LastName, Credentials = s.Credentials, Title = s.Title, Email = s.Email, Phone = s.Phone,
        Npi = s.Npi, LicenseNumber = s.LicenseNumber, LicenseState = s.LicenseState, LicenseExpiresOn = s.LicenseExpiresOn,
        IsRenderingProvider = s.IsRenderingProvider, StartDate = s.StartDate, EndDate = s.EndDate, UserId = s.UserId,
    });

    private sealed record Account(string? Email, string Role);

    /// <summary>The sign-in accounts of the people on this page only.</summary>
    private async Task<Dictionary<string, Account>> Accounts(List<string> userIds)
    {
        if (userIds.Count == 0) return [];
        // One round trip: the accounts with their role names.
        var accounts = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList() })
            .ToListAsync();
        return accounts.ToDictionary(u => u.Id, u => new Account(u.Email, string.Join(", ", u.Roles.Order(StringComparer.Ordinal).Select(r => Vocabulary.Role(r!)))));
    }
}
