using System.Net;
using ClinicAdmin.Browser.Tests.Infrastructure;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ClinicAdmin.Browser.Tests.Operations;

/// <summary>
/// A real month-end superbill batch (not the engine check of <see cref="JobRecoveryTests"/>) interrupted by SIGKILL half
/// way: a surviving instance of the cluster (PostgreSQL) or the restarted single instance (SQLite, PostgreSQL) completes it,
/// and every patient has exactly one superbill.
/// </summary>
[Trait("Category", "Process")]
public sealed class SuperbillBatchRecoveryTests(ITestOutputHelper output)
{
    private const string Director = "director@crash.example";
    // Enough superbills that the batch is still running when the test kills its instance, even on a fast machine.
    private const int Patients = 150;

    [Fact]
    public Task A_batch_on_an_instance_killed_with_kill_9_is_completed_by_another_instance_with_every_superbill_once_on_postgresql() =>
        KillDuringBatchAsync(DatabaseProvider.PostgreSql, anotherInstanceTakesOver: true);

    [Fact]
    public Task A_batch_interrupted_by_kill_9_is_completed_once_after_a_restart_on_postgresql() =>
        KillDuringBatchAsync(DatabaseProvider.PostgreSql, anotherInstanceTakesOver: false);

    [Fact]
    public Task A_batch_interrupted_by_kill_9_is_completed_once_after_a_restart_on_sqlite() =>
        KillDuringBatchAsync(DatabaseProvider.Sqlite, anotherInstanceTakesOver: false);

    private async Task KillDuringBatchAsync(DatabaseProvider provider, bool anotherInstanceTakesOver)
    {
        await using var apps = await AppCluster.CreateAsync(provider);
        await apps.CreateUserAsync(Director, "MedicalDirector");
        var month = ClinicDb.PastMonth(2);
        var visitOfPatient = await apps.Db.SeedBillableMonthAsync(month, Patients);
        var instances = await apps.StartAsync(anotherInstanceTakesOver ? 2 : 1);

        using (var person = new WebSession())
        {
            await person.SignInAsync(instances[0].Url, Director, AppCluster.Password);
            var form = await person.GetFormAsync(instances[0].Url + "/Superbills/Batch");
            form.Fields["Input.Month"] = month.ToString("yyyy-MM");
            var response = await person.PostAsync(instances[0].Url + form.Action, form.Fields);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var key = $"superbill:batch:{month:yyyy-MM}";
        var runId = await apps.Db.QueryAsync(db => db.JobRuns.Where(r => r.RequestKey == key).Select(r => r.Id).SingleAsync());
        await apps.WaitForAsync("the batch to be under way", () => StateAsync(apps, runId),
            s => s.Status == JobStatus.Running && s.Documents >= Patients / 6, TimeSpan.FromSeconds(180));

        // Kill whichever instance runs it (in a cluster either may have picked it up).
        var started = $"Job run {runId} (SuperbillBatch) attempt 1 started";
        var runner = await apps.WaitForAsync("the instance running the batch", () => Task.FromResult(apps.Instances.FirstOrDefault(i => i.Process.Output.Contains(started))),
            i => i is not null, TimeSpan.FromSeconds(30));
        await runner!.Process.KillAsync(); // SIGKILL: no shutdown code runs
        var killedAt = System.Diagnostics.Stopwatch.StartNew();
        var atKill = await StateAsync(apps, runId);
        atKill.Status.ShouldBe(JobStatus.Running, "what a crash leaves behind");
        atKill.Documents.ShouldBeLessThan(Patients, $"the batch had finished before the kill; raise {nameof(Patients)}");

        if (!anotherInstanceTakesOver) await apps.StartAsync(1); // the operator (or systemd) restarts it
        var end = await apps.WaitForAsync("the batch to be completed after the crash", () => StateAsync(apps, runId),
            s => s.Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled, TimeSpan.FromSeconds(300));
        output.WriteLine($"{provider}: {atKill.Documents} of {Patients} superbills stored at the kill; the batch completed " +
                         $"{killedAt.Elapsed.TotalSeconds:0} s after it ({(anotherInstanceTakesOver ? "taken over by another instance" : "after a restart")})");
        end.Status.ShouldBe(JobStatus.Succeeded, apps.Output());
        end.Attempts.ShouldBe(2);
        apps.Instances.Where(i => i != runner).ShouldContain(i => i.Process.Output.Contains($"Job run {runId} (SuperbillBatch) attempt 2 started"));

        (await apps.Db.QueryAsync(db => db.JobRuns.CountAsync())).ShouldBe(1);
        var documents = await apps.Db.DocumentsAsync(DocumentKind.Superbill);
        documents.Select(d => d.PatientId).Order().ShouldBe(visitOfPatient.Keys.Select(k => (int?)k).Order(), $"one superbill per patient ({atKill.Documents} were stored before the kill)");
        documents.Select(d => d.RequestKey).Distinct().Count().ShouldBe(Patients);
        documents.ShouldAllBe(d => d.Version == 1);
        documents.Select(d => d.Number).Distinct().Count().ShouldBe(Patients, "every superbill has its own number");
    }

    private static Task<(JobStatus Status, int Attempts, int Done, int Documents)> StateAsync(AppCluster apps, int runId) =>
        apps.Db.QueryAsync(async db =>
        {
            var run = await db.JobRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.Status, r.Attempts, r.ProgressDone }).SingleAsync();
            var documents = await db.Documents.CountAsync(d => d.Kind == DocumentKind.Superbill);
            return (run.Status, run.Attempts, run.ProgressDone, documents);
        });
}
