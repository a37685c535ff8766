using ClinicAdmin.Web.Features.Outcomes;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Outcomes;

/// <summary>
/// Every instance registers the monthly trigger at start. An unchanged one must be kept as stored: replacing it would reset
/// its next fire to next month, so a month missed while every instance was down would never get its workbook.
/// </summary>
public abstract class OutcomeWorkbookRegistrationTests(ClinicApp app) : PageTest(app)
{
    private async Task<ICronTrigger> RegisterAsync(string cron)
    {
        var registration = new OutcomeWorkbookSchedule.Registration(App.Services.GetRequiredService<IServiceScopeFactory>(),
            App.Services.GetRequiredService<ISchedulerFactory>(), Options.Create(new ReportsOptions { WorkbookSchedule = cron }),
            NullLogger<OutcomeWorkbookSchedule.Registration>.Instance);
        await registration.StartAsync(CancellationToken.None);
        var scheduler = await App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return (ICronTrigger)(await scheduler.GetTrigger(OutcomeWorkbookSchedule.TriggerKey))!;
    }

    [Fact]
    public async Task A_restart_keeps_the_stored_monthly_trigger_and_a_changed_schedule_replaces_it()
    {
        try
        {
            var first = await RegisterAsync("0 0 4 1 * ?");
            await Task.Delay(1100); // a cron trigger keeps whole seconds of its start: a replaced one would show a later start
            var again = await RegisterAsync("0 0 4 1 * ?");
            again.StartTimeUtc.ShouldBe(first.StartTimeUtc, "an unchanged trigger is kept as stored");

            var changed = await RegisterAsync("0 30 3 1 * ?");
            changed.CronExpressionString.ShouldBe("0 30 3 1 * ?");
            changed.StartTimeUtc.ShouldBeGreaterThan(first.StartTimeUtc);
        }
        finally { await RegisterAsync(OutcomeWorkbookSchedule.Cron); }
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class OutcomeWorkbookRegistrationTests_Sqlite(SqliteApp app) : OutcomeWorkbookRegistrationTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class OutcomeWorkbookRegistrationTests_PostgreSql(PostgreSqlApp app) : OutcomeWorkbookRegistrationTests(app);
