using System.Net;
using ClinicAdmin.Browser.Tests.Infrastructure;
using ClinicAdmin.Data;
using ClinicAdmin.Domain.Documents;
using ClinicAdmin.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Operations;

/// <summary>
/// Scale-out: three (or more) Production instances on loopback ports sharing one fresh PostgreSQL database, started together as
/// after a deploy. A person signed in on one is signed in on all (data-protection keys in the database), a form served by
/// one is accepted by another (anti-forgery), and documents requested on several instances at the same moment are
/// produced exactly once. Run alone with tests/multi-instance.sh.
/// </summary>
[Trait("Category", "Process")]
public sealed class MultiInstanceTests(MultiInstanceTests.Cluster cluster) : IClassFixture<MultiInstanceTests.Cluster>
{
    public const string Manager = "manager@multi.example";
    public const string Director = "director@multi.example";

    /// <summary>
    /// The shared cluster: two accounts, a billable month, and the workbook schedule firing every 5 s on every instance.
    /// Three instances, or CLINICADMIN_TEST_INSTANCES (3-8; tests/multi-instance.sh N sets it).
    /// </summary>
    public sealed class Cluster : IAsyncLifetime
    {
        public const int Patients = 12;
        public static int Count => int.TryParse(Environment.GetEnvironmentVariable("CLINICADMIN_TEST_INSTANCES"), out var n) ? Math.Clamp(n, 3, 8) : 3;
        public AppCluster Apps { get; private set; } = null!;
        public AppCluster.Instance[] Instances { get; private set; } = [];
        public DateOnly BillableMonth { get; } = ClinicDb.PastMonth(2);
        public IReadOnlyDictionary<int, int> VisitOfPatient { get; private set; } = new Dictionary<int, int>();

        public async Task InitializeAsync()
        {
            Apps = await AppCluster.CreateAsync(DatabaseProvider.PostgreSql, new Dictionary<string, string>
            {
                // Due on every instance at the same instants: each fire asks for last month's workbook again.
                ["Reports__WorkbookSchedule"] = "0/5 * * * * ?",
            });
            await Apps.CreateUserAsync(Manager, "PracticeManager"); // also migrates the new database
            await Apps.CreateUserAsync(Director, "MedicalDirector");
            VisitOfPatient = await Apps.Db.SeedBillableMonthAsync(BillableMonth, Patients);
            Instances = await Apps.StartAsync(Count);
            // The first page views after a deploy arrive everywhere at once: each instance may need the key ring at the same moment.
            using var first = new WebSession();
            await Task.WhenAll(Instances.Select(i => first.GetAsync(i.Url + "/Account/Login")));
        }

        public async Task DisposeAsync() { if (Apps is not null) await Apps.DisposeAsync(); }
    }

    private AppCluster Apps => cluster.Apps;
    private AppCluster.Instance A => cluster.Instances[0];
    private AppCluster.Instance B => cluster.Instances[1];
    private AppCluster.Instance C => cluster.Instances[2];

    [Fact]
    public async Task Signing_in_on_one_instance_signs_the_person_in_on_every_other_instance()
    {
        using var anonymous = new WebSession();
        var before = await anonymous.GetAsync(B.Url + "/Settings");
        before.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        before.Headers.Location!.ToString().ShouldContain("/Account/Login");

        foreach (var signedInOn in cluster.Instances)
        {
            using var person = new WebSession();
            await person.SignInAsync(signedInOn.Url, Manager, AppCluster.Password);
            foreach (var instance in cluster.Instances)
                foreach (var page in new[] { "/", "/Settings", "/Staff", "/Jobs" })
                {
                    var response = await person.GetAsync(instance.Url + page);
                    response.StatusCode.ShouldBe(HttpStatusCode.OK,
                        $"GET {page} on instance {instance.Name} after signing in on {signedInOn.Name}: {(int)response.StatusCode} {response.Headers.Location}\n{Apps.Output()}");
                    (await response.Content.ReadAsStringAsync()).ShouldContain(Manager);
                }
        }
    }

    [Fact]
    public async Task A_form_served_by_one_instance_is_accepted_once_by_another_and_refused_there_without_its_token()
    {
        using var person = new WebSession();
        await person.SignInAsync(A.Url, Manager, AppCluster.Password);
        var form = await person.GetFormAsync(A.Url + "/Settings/Edit");
        form.Token.ShouldNotBeEmpty();
        var name = $"Saved through B {Guid.NewGuid():N}"[..40];
        form.Fields["Input.Name"] = name;

        var saved = await person.PostAsync(B.Url + form.Action, form.Fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"POST to B with A's token: {(int)saved.StatusCode}\n{await saved.Content.ReadAsStringAsync()}\n{Apps.Output()}");
        saved.Headers.Location!.ToString().ShouldBe("/Settings");
        (await Apps.Db.QueryAsync(db => db.ClinicSettings.Select(s => s.Name).SingleAsync())).ShouldBe(name);
        var audits = await Apps.Db.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "ClinicSettings" && a.After!.Contains(name)).ToListAsync());
        audits.ShouldHaveSingleItem().UserName.ShouldBe(Manager);

        // The check is really made on C: the same post without the token is refused and changes nothing.
        var withoutToken = new Dictionary<string, string>(form.Fields) { ["Input.Name"] = "Posted without a token" };
        withoutToken.Remove("__RequestVerificationToken");
        (await person.PostAsync(C.Url + form.Action, withoutToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Apps.Db.QueryAsync(db => db.ClinicSettings.Select(s => s.Name).SingleAsync())).ShouldBe(name);
    }

    [Fact]
    public async Task The_same_superbills_and_month_end_batch_requested_on_two_instances_at_once_are_each_produced_once()
    {
        using var onA = new WebSession();
        using var onB = new WebSession();
        await Task.WhenAll(onA.SignInAsync(A.Url, Director, AppCluster.Password), onB.SignInAsync(B.Url, Director, AppCluster.Password));
        var visits = cluster.VisitOfPatient.Take(3).ToList();
        var month = cluster.BillableMonth.ToString("yyyy-MM");

        // Every form is loaded first, then all posts leave together: each visit's superbill and the batch, on A and on B.
        var posts = new List<(WebSession Session, string Url, Dictionary<string, string> Fields)>();
        foreach (var (session, instance) in new[] { (onA, A), (onB, B) })
        {
            foreach (var (patientId, visitId) in visits)
            {
                var form = await session.GetFormAsync($"{instance.Url}/Superbills/Request?patientId={patientId}");
                form.Fields["Input.Kind"] = "Visit";
                form.Fields["Input.VisitId"] = visitId.ToString();
                posts.Add((session, instance.Url + form.Action, form.Fields));
            }
            var batch = await session.GetFormAsync(instance.Url + "/Superbills/Batch");
            batch.Fields["Input.Month"] = month;
            posts.Add((session, instance.Url + batch.Action, batch.Fields));
        }
        var responses = await Task.WhenAll(posts.Select(p => p.Session.PostAsync(p.Url, p.Fields)));
        foreach (var (response, post) in responses.Zip(posts))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"POST {post.Url}: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
            // A visit's request returns to its own page with the run in the address (jobs in context); the batch goes to Jobs.
            var location = response.Headers.Location!.ToString();
            if (post.Url.Contains("/Superbills/Batch")) location.ShouldBe("/Jobs");
            else location.ShouldMatch(@"^/Superbills/Request\?patientId=\d+&job=\d+$");
        }

        var visitKeys = visits.Select(v => $"superbill:visit:{v.Value}:v1").ToList();
        var batchKey = $"superbill:batch:{month}";
        var runs = await Apps.WaitForAsync("the superbill runs to finish",
            () => Apps.Db.QueryAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Kind == "Superbill" || r.Kind == "SuperbillBatch")
                .Select(r => new { r.RequestKey, r.Status, r.Error }).ToListAsync()),
            rs => rs.Count > 0 && rs.All(r => r.Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled), TimeSpan.FromSeconds(240));
        runs.Select(r => r.RequestKey).Order().ShouldBe(visitKeys.Append(batchKey).Order(), "one run per request key, however many instances were asked");
        runs.ShouldAllBe(r => r.Status == JobStatus.Succeeded, string.Join("; ", runs.Select(r => $"{r.RequestKey} {r.Status} {r.Error}")));

        var documents = await Apps.Db.DocumentsAsync(DocumentKind.Superbill);
        documents.Count.ShouldBe(visits.Count + Cluster.Patients);
        documents.Where(d => !d.RequestKey.StartsWith(batchKey + ":")).Select(d => d.RequestKey).Order().ShouldBe(visitKeys.Order());
        documents.Where(d => d.RequestKey.StartsWith(batchKey + ":")).Select(d => d.PatientId).Order()
            .ShouldBe(cluster.VisitOfPatient.Keys.Select(k => (int?)k).Order(), "one month-end superbill per patient");
        documents.ShouldAllBe(d => d.Version == 1);
        documents.Select(d => d.Number).Distinct().Count().ShouldBe(documents.Count, "every superbill has its own number");
    }

    [Fact]
    public async Task The_monthly_workbook_due_on_every_instance_and_requested_on_two_at_once_gives_one_workbook_per_version()
    {
        // The schedule fires every 5 s and each fire asks for last month's workbook: one run, one workbook, however often.
        var fires = await Apps.WaitForAsync("three scheduled workbook requests and the workbook",
            async () => (Fires: cluster.Instances.Sum(i => CountOf(i.Process.Output, "requested as run")),
                         Done: await Apps.Db.QueryAsync(db => db.Documents.CountAsync(d => d.Kind == DocumentKind.OutcomeWorkbook))),
            x => x.Fires >= 3 && x.Done >= 1, TimeSpan.FromSeconds(180));
        var runs = await WorkbookRunsAsync();
        runs.Count.ShouldBe(1, $"{fires.Fires} fires: " + string.Join(", ", runs));
        var prefix = runs[0].RequestKey[..^1]; // "workbook:2026-10:v"
        runs[0].RequestKey.ShouldEndWith(":v1");

        // Two people press "Generate" for that month at the same moment on two instances: one new version.
        using var onA = new WebSession();
        using var onB = new WebSession();
        await Task.WhenAll(onA.SignInAsync(A.Url, Director, AppCluster.Password), onB.SignInAsync(B.Url, Director, AppCluster.Password));
        var month = prefix["workbook:".Length..^2];
        var forms = new List<(WebSession Session, string Url, Dictionary<string, string> Fields)>();
        foreach (var (session, instance) in new[] { (onA, A), (onB, B) })
        {
            var form = await session.GetFormAsync(instance.Url + "/Outcomes", "#generate-form");
            form.Fields["Input.Month"] = month;
            forms.Add((session, instance.Url + form.Action, form.Fields));
        }
        var responses = await Task.WhenAll(forms.Select(f => f.Session.PostAsync(f.Url, f.Fields)));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);

        runs = await Apps.WaitForAsync("the regenerated workbook", WorkbookRunsAsync,
            rs => rs.Count >= 2 && rs.All(r => r.Status == JobStatus.Succeeded), TimeSpan.FromSeconds(180));
        runs.Select(r => r.RequestKey).ShouldBe([prefix + "1", prefix + "2"]);
        var documents = await Apps.Db.DocumentsAsync(DocumentKind.OutcomeWorkbook);
        documents.Select(d => (d.RequestKey, d.Version)).ShouldBe([(prefix + "1", 1), (prefix + "2", 2)]);
    }

    private Task<List<(string RequestKey, JobStatus Status)>> WorkbookRunsAsync() =>
        Apps.Db.QueryAsync(async db => (await db.JobRuns.AsNoTracking().Where(r => r.Kind == "OutcomeWorkbook").OrderBy(r => r.Id)
            .Select(r => new { r.RequestKey, r.Status }).ToListAsync()).Select(r => (r.RequestKey, r.Status)).ToList());

    private static int CountOf(string text, string what)
    {
        int count = 0, at = 0;
        while ((at = text.IndexOf(what, at, StringComparison.Ordinal)) >= 0) { count++; at += what.Length; }
        return count;
    }
}
