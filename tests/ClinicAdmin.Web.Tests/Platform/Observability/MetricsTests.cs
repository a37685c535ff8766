using System.Net;
using System.Security.Claims;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Web.Platform.Jobs;
using ClinicAdmin.Web.Platform.Observability;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Platform.Observability;

/// <summary>/metrics: a Prometheus scrape for this machine (and configured networks) when enabled, and nothing otherwise.</summary>
public abstract class MetricsTests(ObservabilityApp app) : PageTest(app)
{
    private ObservabilityApp Obs => (ObservabilityApp)App;

    /// <summary>Scrapes until <paramref name="expected"/> appears: a job's outcome is counted just after its row is saved.</summary>
    private async Task<string> ScrapeUntilAsync(ClinicClient client, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync("/metrics");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            if (text.Contains(expected) || DateTime.UtcNow > deadline) return text;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task From_loopback_it_serves_prometheus_text_with_request_durations_and_the_job_metrics_of_a_run()
    {
        var user = await Obs.SignInFromAsync("127.0.0.1", Roles.Clinician);
        (await user.GetAsync("/Patients")).StatusCode.ShouldBe(HttpStatusCode.OK);
        JobRun run;
        using (var scope = App.Services.CreateScope())
            run = await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(EngineCheckJob.KindName, "metrics-check",
                new EngineCheckJob.Parameters(Steps: 1, DelayMs: 1), "Engine check", null, "tester", null);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await App.InDbAsync(db => db.JobRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id))).IsFinished)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the engine check did not finish");
            await Task.Delay(100);
        }

        var scraper = Obs.From("127.0.0.1");
        var text = await ScrapeUntilAsync(scraper, $"clinicadmin_jobs_succeeded_total{{otel_scope_name=\"{JobMetrics.MeterName}\",job_kind=\"{EngineCheckJob.KindName}\"}}");
        text.ShouldContain("# TYPE http_server_request_duration_seconds histogram", customMessage: string.Join("\n", text.Split("\n").Where(l => l.StartsWith("# TYPE"))));
        text.ShouldContain("http_route=\"Patients\"");
        text.ShouldContain($"clinicadmin_jobs_queued_total{{otel_scope_name=\"{JobMetrics.MeterName}\",job_kind=\"{EngineCheckJob.KindName}\"}}");
        text.ShouldContain($"clinicadmin_jobs_succeeded_total{{otel_scope_name=\"{JobMetrics.MeterName}\",job_kind=\"{EngineCheckJob.KindName}\"}}");
        text.ShouldContain("# TYPE clinicadmin_jobs_duration_seconds histogram");
        text.ShouldContain($"job_kind=\"{EngineCheckJob.KindName}\",job_outcome=\"succeeded\"");
        text.ShouldContain("clinicadmin_jobs_running{");
        // IPv6 loopback too.
        (await Obs.From("::1").GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task From_outside_loopback_it_answers_as_if_there_were_no_such_page_unless_the_network_is_allowed()
    {
        var outsider = Obs.From("203.0.113.9");
        var refused = await outsider.GetAsync("/metrics");
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain("# TYPE");

        // Signed in is not enough without Observability:Metrics:RequiredRole.
        var staff = await Obs.SignInFromAsync("203.0.113.9", Roles.PracticeManager);
        var signedIn = await staff.GetAsync("/metrics");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await signedIn.Content.ReadAsStringAsync()).ShouldNotContain("# TYPE");

        // No connection address at all (the test server's default client; a Unix socket) is refused as well.
        (await App.Anonymous().GetAsync("/metrics")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        // Observability:Metrics:AllowedNetworks lists 198.51.100.0/24 in this fixture.
        (await Obs.From("198.51.100.7").GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection(SqliteObservabilityCollection.Name), Trait("Database", "Sqlite")]
public sealed class MetricsTests_Sqlite(SqliteObservabilityApp app) : MetricsTests(app);

// One metrics-enabled app per test process: with two alive at once OpenTelemetry's listeners also see the other host's
// same-named ASP.NET meters, and the scrape of one of them lost its http_server_* series (seen 2026-12-04). So no
// PostgreSQL twin here; the metrics are the same code on either database.

/// <summary>With the setting off (the default) there is no /metrics, even for a signed-in user on this machine.</summary>
[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class MetricsDisabledTests(SqliteApp app) : PageTest(app)
{
    [Fact]
    public async Task Metrics_are_not_served_when_not_enabled()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var response = await client.GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("# TYPE");
    }
}

/// <summary>The access decision at its seam: loopback, configured networks and addresses, and the optional role.</summary>
[Trait("Category", "Unit")]
public sealed class MetricsAccessTests
{
    private static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());
    private static ClaimsPrincipal User(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim(ClaimTypes.Role, role)], "cookie"));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.1.5", false)]
    [InlineData("203.0.113.9", false)]
    [InlineData("::ffff:10.0.1.5", false)]
    public void By_default_only_loopback_may_scrape(string address, bool allowed) =>
        new MetricsAccess(new MetricsOptions()).Allows(IPAddress.Parse(address), Anonymous).ShouldBe(allowed);

    [Fact]
    public void No_address_is_refused() => new MetricsAccess(new MetricsOptions()).Allows(null, Anonymous).ShouldBeFalse();

    [Fact]
    public void Configured_addresses_and_networks_may_scrape()
    {
        var access = new MetricsAccess(new MetricsOptions { AllowedNetworks = ["10.0.1.0/24", "192.0.2.44", "fd00::/8"] });
        access.Allows(IPAddress.Parse("10.0.1.200"), Anonymous).ShouldBeTrue();
        access.Allows(IPAddress.Parse("::ffff:10.0.1.200"), Anonymous).ShouldBeTrue();
        access.Allows(IPAddress.Parse("10.0.2.1"), Anonymous).ShouldBeFalse();
        access.Allows(IPAddress.Parse("192.0.2.44"), Anonymous).ShouldBeTrue();
        access.Allows(IPAddress.Parse("192.0.2.45"), Anonymous).ShouldBeFalse();
        access.Allows(IPAddress.Parse("fd12::1"), Anonymous).ShouldBeTrue();
    }

    [Fact]
    public void A_required_role_lets_its_signed_in_users_scrape_from_anywhere_and_nobody_else()
    {
        var access = new MetricsAccess(new MetricsOptions { RequiredRole = Roles.PracticeManager });
        var outside = IPAddress.Parse("203.0.113.9");
        access.Allows(outside, User(Roles.PracticeManager)).ShouldBeTrue();
        access.Allows(outside, User(Roles.FrontDesk)).ShouldBeFalse();
        access.Allows(outside, Anonymous).ShouldBeFalse();
    }
}
