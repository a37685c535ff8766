using System.ComponentModel.DataAnnotations;
using ClinicAdmin.Data;
using ClinicAdmin.Reports.Workbooks;
using ClinicAdmin.Web.Platform.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ClinicAdmin.Web.Features.Outcomes;

/// <summary>The "Reports" section.</summary>
public sealed class ReportsOptions : IValidatableObject
{
    public const string Section = "Reports";

    /// <summary>
    /// When the monthly outcome workbook is requested: a Quartz cron expression in the clinic's time zone (seconds first).
    /// Default 02:00 on the 1st; a run always covers the month before the one it fires in.
    /// </summary>
    [Required] public string WorkbookSchedule { get; set; } = OutcomeWorkbookSchedule.Cron;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsCron(WorkbookSchedule))
            yield return new ValidationResult($"Reports:WorkbookSchedule '{WorkbookSchedule}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), e.g. \"{OutcomeWorkbookSchedule.Cron}\".",
                [nameof(WorkbookSchedule)]);
    }

    private static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return false;
        try { _ = new CronExpression(expression); return true; }
        catch (FormatException) { return false; }
    }
}

/// <summary>
/// The recurring workbook, registered in this one place: on the 1st of each month at 02:00 in the clinic's time zone
/// (a Quartz cron trigger in that zone, so daylight-saving changes move the UTC instant, never the local hour), for the
/// previous month. The zone is read from the clinic settings at start-up (a changed zone applies after a restart).
/// The fired job only enqueues the month's v1 request, so several instances firing yield one run and one workbook.
/// The time is <see cref="ReportsOptions.WorkbookSchedule"/> (the default below unless configured).
/// </summary>
public static class OutcomeWorkbookSchedule
{
    public const string Cron = "0 0 2 1 * ?";
    public static readonly JobKey JobKey = new("outcome-workbook-monthly", "recurring");
    public static readonly TriggerKey TriggerKey = new("outcome-workbook-monthly", "recurring");

    /// <param name="startAt">First instant the trigger may fire after (now when null; tests pass a fixed date).</param>
    /// <param name="cron">The schedule (<see cref="Cron"/> unless configured).</param>
    public static ITrigger BuildTrigger(TimeZoneInfo zone, DateTimeOffset? startAt = null, string cron = Cron) =>
        TriggerBuilder.Create().WithIdentity(TriggerKey).ForJob(JobKey)
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(startAt ?? DateTimeOffset.UtcNow).Build();

    /// <summary>The month a run fired at <paramref name="fireUtc"/> covers: the month before the fire's local date.</summary>
    public static (int Year, int Month) MonthFor(DateTimeOffset fireUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(fireUtc, zone);
        var previous = new DateOnly(local.Year, local.Month, 1).AddMonths(-1);
        return (previous.Year, previous.Month);
    }

    /// <summary>
    /// The latest instant the schedule fired (or should have) at or before <paramref name="nowUtc"/>, looking back at most
    /// 62 days; null when it has not come round in that time. Narrow windows first, so a frequent schedule stays cheap.
    /// </summary>
    public static DateTimeOffset? LastFireAtOrBefore(DateTimeOffset nowUtc, TimeZoneInfo zone, string cron = Cron)
    {
        var expression = new CronExpression(cron, zone);
        foreach (var back in new[] { TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(62) })
        {
            DateTimeOffset? last = null;
            for (var t = expression.GetNextValidTimeAfter(nowUtc - back); t is { } f && f <= nowUtc; t = expression.GetNextValidTimeAfter(f))
                last = f;
            if (last is not null) return last;
        }
        return null;
    }

    /// <summary>Fires on the schedule and asks for the previous month's v1 workbook.</summary>
    [DisallowConcurrentExecution]
    public sealed class Fire(IServiceScopeFactory scopes, ILogger<Fire> log) : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            var zoneId = await ClinicClocks.ZoneIdAsync(db, cancellationToken);
            var fired = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
            var (year, month) = MonthFor(fired, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
            // The group's workbook only: it has every session with its location and the sessions by location; a location's own
            // workbook is made on request (Reports page), so a 100-site group does not run 100 month passes at 02:00.
            var run = await scope.ServiceProvider.GetRequiredService<OutcomeWorkbookRequests>().RequestFirstAsync(year, month, "schedule", null, cancellationToken);
            log.LogInformation("Monthly outcome workbook {Year}-{Month} requested as run {RunId}", year, month, run.Id);
        }
    }

    /// <summary>
    /// At start-up: registers the cron trigger in the clinic's zone. Every instance does it; a stored trigger with the same
    /// schedule and zone is left alone, so its missed fire (every instance down at 02:00 on the 1st) still fires when the
    /// first instance comes back, instead of being reset to the next month by a restart.
    /// </summary>
    public sealed class Registration(IServiceScopeFactory scopes, ISchedulerFactory schedulers, IOptions<ReportsOptions> options, ILogger<Registration> log) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
                var zoneId = await db.ClinicSettings.AsNoTracking().Select(s => s.TimeZoneId).FirstOrDefaultAsync(cancellationToken)
                             ?? new Domain.Clinic.ClinicSettings().TimeZoneId;
                var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
                var cron = options.Value.WorkbookSchedule;
                var scheduler = await schedulers.GetScheduler(cancellationToken);
                if (await scheduler.GetTrigger(TriggerKey, cancellationToken) is ICronTrigger stored && stored.CronExpressionString == cron
                    && stored.TimeZone.Id == zone.Id && await scheduler.Exists(JobKey, cancellationToken))
                {
                    log.LogInformation("Monthly outcome workbook schedule ({Cron} in {Zone}) already registered", cron, zoneId);
                    return;
                }
                var job = JobBuilder.Create<Fire>().WithIdentity(JobKey).StoreDurably().Build();
                await scheduler.ScheduleJob(job, [BuildTrigger(zone, cron: cron)], new ScheduleJobOptions { Replace = true }, cancellationToken);
                log.LogInformation("Monthly outcome workbook scheduled ({Cron} in {Zone})", cron, zoneId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The app still serves pages; the workbook can be generated on demand.
                log.LogError(e, "Could not register the monthly outcome workbook schedule");
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>The sample workbook from demo data, written by the `samples` verb (Platform/Commands/SamplesCommand.cs).</summary>
public sealed class OutcomeWorkbookSample : ISampleWriter
{
    public const string FileName = "outcomes-sample.xlsx";

    /// <summary>
    /// The demo clinic's last complete month (or the month of its latest session when that month is empty), rendered, not
    /// stored. Prints the time it took.
    /// </summary>
    public async Task<string?> WriteAsync(IServiceProvider services, string outDir)
    {
        var db = services.GetRequiredService<ClinicDbContext>();
        var figures = services.GetRequiredService<OutcomeFigures>();
        var zoneId = (await figures.SettingsAsync()).TimeZoneId;
        var clock = Domain.Common.ClinicClock.For(zoneId, services.GetRequiredService<TimeProvider>());
        var month = clock.Today.AddMonths(-1);
        var range = OutcomeFigures.RangeOf(new ReportMonth(month.Year, month.Month, zoneId));
        if (!await db.Visits.AnyAsync(v => v.StartedAt >= range.StartUtc && v.StartedAt < range.EndUtc))
        {
            var latest = await db.Visits.OrderByDescending(v => v.StartedAt).Select(v => (DateTime?)v.StartedAt).FirstOrDefaultAsync();
            if (latest is { } l) month = clock.DateOf(l);
        }
        var model = await figures.WorkbookAsync(month.Year, month.Month, 1, "samples command", ct: CancellationToken.None);
        var path = Path.Combine(outDir, FileName);
        await using (var file = File.Create(path)) OutcomeWorkbookWriter.Write(model, file);
        return path;
    }
}
