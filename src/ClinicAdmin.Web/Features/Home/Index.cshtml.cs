using ClinicAdmin.Reports.Workbooks;
using ClinicAdmin.Web.Features.Outcomes;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinicAdmin.Web.Features.Home;

/// <summary>The person's day: the work queues their roles may see, and for the medical director this month's figures.</summary>
[Authorize(Policy = Policies.AnyStaff)]
public class IndexModel(WorkQueues queues, OutcomeFigures figures, ClinicTime clinicTime) : PageModel
{
    public IReadOnlyList<WorkQueue> Queues { get; private set; } = [];
    /// <summary>Month to date, for the medical director only (null for others).</summary>
    public MonthSummary? ThisMonth { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var clock = await clinicTime.ClockAsync();
        Today = clock.Today;
        Queues = await queues.ForAsync(User, clock, HttpContext.RequestAborted);
        if (WorkQueues.May(User, Policies.MedicalDirector))
            ThisMonth = await figures.SummaryAsync(await figures.MonthAsync(Today.Year, Today.Month), ct: HttpContext.RequestAborted);
    }
}
