using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Web.Platform.Jobs;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Jobs;

/// <summary>The Jobs/Status fragment: a running run's progress, under the Jobs page's visibility rule.</summary>
public abstract class JobProgressTests(ClinicApp app) : PageTest(app)
{
    /// <summary>A held run asked for by <paramref name="role"/>, recorded as Running with progress 1 of 2 ("Holding").</summary>
    private async Task<JobRun> HeldRunOfAsync(string role)
    {
        var key = $"held-{Guid.NewGuid():N}";
        JobRun run;
        using (var scope = App.Services.CreateScope())
            run = await scope.ServiceProvider.GetRequiredService<JobQueue>()
                .EnqueueAsync(HeldJob.KindName, key, new { }, "Held test job", null, role, App.UserIdOf(role));
        await App.Services.GetRequiredService<HeldJob>().StartedAsync(key).WaitAsync(TimeSpan.FromSeconds(60));
        return run;
    }

    [Fact]
    public async Task The_fragment_shows_a_running_runs_progress_without_a_result_link()
    {
        var run = await HeldRunOfAsync(Roles.FrontDesk);
        var desk = await App.SignInAsync(Roles.FrontDesk);
        var fragment = await desk.GetDocumentAsync($"/Jobs/Status?id={run.Id}");
        var box = fragment.QuerySelector("[data-job-finished]")!;
        box.GetAttribute("data-job-finished").ShouldBe("0");
        box.QuerySelector("[data-field=status]")!.TextContent.ShouldBe(Vocabulary.Label(JobStatus.Running));
        var bar = box.QuerySelector("progress")!;
        (bar.GetAttribute("value"), bar.GetAttribute("max")).ShouldBe(("1", "2"));
        box.QuerySelector("[data-field=text]")!.TextContent.ShouldBe("Holding");
        box.QuerySelector("#job-result").ShouldBeNull();
        fragment.QuerySelector("nav").ShouldBeNull(); // a fragment, not a page with the layout
    }

    [Fact]
    public async Task Another_requester_and_an_unknown_id_get_404_and_managers_see_every_run()
    {
        var run = await HeldRunOfAsync(Roles.FrontDesk);
        var clinician = await App.SignInAsync(Roles.Clinician);
        (await clinician.GetAsync($"/Jobs/Status?id={run.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var desk = await App.SignInAsync(Roles.FrontDesk);
        (await desk.GetAsync($"/Jobs/Status?id={run.Id + 1000}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var role in new[] { Roles.PracticeManager, Roles.MedicalDirector })
            (await (await App.SignInAsync(role)).GetAsync($"/Jobs/Status?id={run.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, role);
        var anonymous = await App.Anonymous().GetAsync($"/Jobs/Status?id={run.Id}");
        anonymous.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class JobProgressTests_Sqlite(SqliteApp app) : JobProgressTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class JobProgressTests_PostgreSql(PostgreSqlApp app) : JobProgressTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class JobProgressTests_SqlServer(SqlServerApp app) : JobProgressTests(app);
