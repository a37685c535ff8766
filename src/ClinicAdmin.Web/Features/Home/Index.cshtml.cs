using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicAdmin.Web.Features.Home;

/// <summary>
/// The person's day: the work queues the features contribute, those the person's roles may see, and the month's figures
/// for the roles the figures name.
/// </summary>
[Authorize(Policy = Policies.AnyStaff)]
public class IndexModel(IEnumerable<IWorkQueue> queues, IEnumerable<IHomeFigures> figures, ClinicTime clinicTime) : PageModel
{
    public IReadOnlyList<WorkQueue> Queues { get; private set; } = [];
    public IReadOnlyList<(IHomeFigures Source, IReadOnlyList<HomeFigure> Figures)> Figures { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        Today = clock.Today;
        var ct = HttpContext.RequestAborted;
        var mine = queues.Where(q => WorkQueue.May(User, q.Policy) && q.AppliesTo(User)).OrderBy(q => q.Order).ToList();
        var shown = new List<WorkQueue>();
        foreach (var q in mine) shown.Add(await q.GetAsync(User, clock, ct)); // one DbContext: one query at a time
        Queues = shown;
        var panels = new List<(IHomeFigures, IReadOnlyList<HomeFigure>)>();
        foreach (var f in figures.Where(f => WorkQueue.May(User, f.Policy))) panels.Add((f, await f.GetAsync(clock, ct)));
        Figures = panels;
    }
}
