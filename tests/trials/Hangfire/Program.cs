// Hangfire 1.8.25 trial against the app's job guarantees (issue 12; driven by tests/trials/hangfire-trial.sh).
// Verbs (every one takes --db sqlite|pg --conn CONNECTION; SQLite's connection is a file path):
//   server  --name S1 [--workers 4]      a Hangfire server until killed (SIGKILL) or SIGTERM
//   batch   --run R --n N [--delay-ms D] [--kill-pid P --kill-after K] [--timeout S]
//           enqueue N jobs that each insert their key into trial_exec (no unique constraint), optionally SIGKILL
//           process P once K rows exist, wait until every key has a row and the queue is empty; print one figures line
//   long    --run R --seconds S [--report 1]  enqueue one job of S seconds; with --report: how often it was started
//           (is a job that runs past the invisibility timeout taken again?)
//   cancel                               delete a running job, time until it stops (in-process server)
//   pgdb    --conn SERVER --name DB [--action create|drop]   the trial's own PostgreSQL database (made anew)
//   dst                                  next occurrences of monthly cron schedules across DST changes (Cronos vs Quartz)
// Every storage gets the same short timeouts so the kill test ends within minutes (the defaults are 30 min, below).
using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Npgsql;

var a = Args.Parse(args);
var verb = args.Length > 0 ? args[0] : "";
if (verb == "dst") { Dst.Run(); return 0; }
if (verb == "pgdb") return await PgDb.Run(a);

Trial.Db = a.Get("db");
Trial.Conn = a.Get("conn");
Trial.InvisibilitySeconds = int.Parse(a.Get("invisibility", "20"));
var storage = Trial.Storage();
GlobalConfiguration.Configuration.UseStorage(storage).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute { Attempts = 3 });
Results.Ensure();

switch (verb)
{
    case "server":
        Trial.ServerName = a.Get("name");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
        using (var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = Trial.ServerName, WorkerCount = int.Parse(a.Get("workers", "4")),
            SchedulePollingInterval = TimeSpan.FromSeconds(1), CancellationCheckInterval = TimeSpan.FromSeconds(5),
        }, storage))
        {
            Console.WriteLine($"server {Trial.ServerName} up");
            await stop.Task;
        }
        return 0;
    case "batch": return await Batch.Run(a, storage);
    case "long": return await Long.Run(a, storage);
    case "cancel": return await Cancel.Run(a, storage);
    default: Console.Error.WriteLine("verbs: server | batch | long | cancel | dst"); return 2;
}

static class Trial
{
    public static string Db = "", Conn = "", ServerName = "client";
    public static int InvisibilitySeconds = 20;

    public static JobStorage Storage() => Db switch
    {
        // Defaults are QueuePollInterval 15 s and InvisibilityTimeout 30 min on both storages; PostgreSQL's sliding
        // timeout (off by default) keeps a running job invisible while its server lives, SQLite's storage has none.
        "sqlite" => new SQLiteStorage(Conn, new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(1), InvisibilityTimeout = TimeSpan.FromSeconds(InvisibilitySeconds),
        }),
        "pg" => new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(Conn, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(1), InvisibilityTimeout = TimeSpan.FromSeconds(InvisibilitySeconds),
            UseSlidingInvisibilityTimeout = true, PrepareSchemaIfNecessary = true,
        }),
        _ => throw new ArgumentException("--db sqlite|pg"),
    };
}

/// <summary>The trial's own tables beside Hangfire's: one row per execution (no unique key, so duplicates count).</summary>
static class Results
{
    static NpgsqlDataSource? _pg;

    public static void Ensure() => Exec("CREATE TABLE IF NOT EXISTS trial_exec (run TEXT NOT NULL, job_key TEXT NOT NULL, server TEXT NOT NULL, phase TEXT NOT NULL, at_ms BIGINT NOT NULL)");

    public static void Insert(string run, string key, string phase) =>
        Exec("INSERT INTO trial_exec (run, job_key, server, phase, at_ms) VALUES (@p0, @p1, @p2, @p3, @p4)",
             run, key, Trial.ServerName, phase, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public static void Exec(string sql, params object[] p)
    {
        if (Trial.Db == "pg")
        {
            _pg ??= NpgsqlDataSource.Create(Trial.Conn);
            using var cmd = _pg.CreateCommand(sql);
            for (var i = 0; i < p.Length; i++) cmd.Parameters.AddWithValue($"p{i}", p[i]);
            cmd.ExecuteNonQuery();
        }
        else
        {
            using var c = Sqlite();
            c.Execute(sql.Replace("BIGINT", "INTEGER"), p);
        }
    }

    public static long Scalar(string sql, params object[] p)
    {
        if (Trial.Db == "pg")
        {
            _pg ??= NpgsqlDataSource.Create(Trial.Conn);
            using var cmd = _pg.CreateCommand(sql);
            for (var i = 0; i < p.Length; i++) cmd.Parameters.AddWithValue($"p{i}", p[i]);
            return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L);
        }
        using var c = Sqlite();
        return c.ExecuteScalar<long>(sql, p);
    }

    public static List<(string Key, string Server, string Phase, long At)> Rows(string run)
    {
        var list = new List<(string, string, string, long)>();
        if (Trial.Db == "pg")
        {
            _pg ??= NpgsqlDataSource.Create(Trial.Conn);
            using var cmd = _pg.CreateCommand("SELECT job_key, server, phase, at_ms FROM trial_exec WHERE run = @p0");
            cmd.Parameters.AddWithValue("p0", run);
            using var r = cmd.ExecuteReader();
            while (r.Read()) list.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)));
            return list;
        }
        using var c = Sqlite();
        foreach (var row in c.Query<Row>("SELECT job_key AS JobKey, server AS Server, phase AS Phase, at_ms AS AtMs FROM trial_exec WHERE run = ?", run))
            list.Add((row.JobKey, row.Server, row.Phase, row.AtMs));
        return list;
    }

    sealed class Row { public string JobKey { get; set; } = ""; public string Server { get; set; } = ""; public string Phase { get; set; } = ""; public long AtMs { get; set; } }

    static SQLite.SQLiteConnection Sqlite()
    {
        var c = new SQLite.SQLiteConnection(Trial.Conn) { BusyTimeout = TimeSpan.FromSeconds(30) };
        return c;
    }
}

/// <summary>The jobs Hangfire runs (static methods: Hangfire stores type, method and arguments).</summary>
public static class TrialJobs
{
    public static void Record(string run, int key, int delayMs)
    {
        if (delayMs > 0)
        {
            Results.Insert(run, key.ToString(), "start");
            Thread.Sleep(delayMs);
        }
        Results.Insert(run, key.ToString(), "done");
    }

    /// <summary>Counts steps of 100 ms; checks the Hangfire token each step (it reads the job's state from storage).</summary>
    public static void Steps(string run, int steps, IJobCancellationToken token)
    {
        Results.Insert(run, "steps", "start");
        try
        {
            for (var i = 0; i < steps; i++) { token.ThrowIfCancellationRequested(); Thread.Sleep(100); }
            Results.Insert(run, "steps", "done");
        }
        catch (OperationCanceledException) { Results.Insert(run, "steps", "stopped"); throw; }
    }

    /// <summary>Waits on a plain CancellationToken, which Hangfire signals from its cancellation watcher.</summary>
    public static async Task Waits(string run, int steps, CancellationToken ct)
    {
        Results.Insert(run, "waits", "start");
        try
        {
            for (var i = 0; i < steps; i++) await Task.Delay(100, ct);
            Results.Insert(run, "waits", "done");
        }
        catch (OperationCanceledException) { Results.Insert(run, "waits", "stopped"); throw; }
    }

    public static void Long(string run, int seconds)
    {
        Results.Insert(run, "long", "start");
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        Results.Insert(run, "long", "done");
    }
}

static class Batch
{
    public static async Task<int> Run(Args a, JobStorage storage)
    {
        var run = a.Get("run");
        var n = int.Parse(a.Get("n"));
        var delay = int.Parse(a.Get("delay-ms", "0"));
        var killPid = int.Parse(a.Get("kill-pid", "0"));
        var killAfter = int.Parse(a.Get("kill-after", "0"));
        var killName = a.Get("kill-name", "");
        var timeout = TimeSpan.FromSeconds(int.Parse(a.Get("timeout", "120")));
        var client = new BackgroundJobClient(storage);

        var phase = a.Get("phase", "all"); // enqueue | wait | all: the kill test enqueues a backlog before any server runs
        var sw = Stopwatch.StartNew();
        // One enqueuing thread: four were slower on both storages (SQLite's writes serialise).
        if (phase != "wait")
            for (var i = 0; i < n; i++) client.Enqueue(() => TrialJobs.Record(run, i, delay));
        var enqueueMs = sw.ElapsedMilliseconds;
        if (phase == "enqueue") return 0;
        long doneMs = -1;

        long killAtMs = 0;
        var api = storage.GetMonitoringApi();
        while (sw.Elapsed < timeout)
        {
            var done = Results.Scalar("SELECT COUNT(DISTINCT job_key) FROM trial_exec WHERE run = @p0 AND phase = 'done'", run);
            if (killPid > 0 && killAtMs == 0 && done >= killAfter)
            {
                Process.GetProcessById(killPid).Kill();
                killAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            }
            if (done >= n && doneMs < 0) doneMs = sw.ElapsedMilliseconds;
            if (done >= n && api.EnqueuedCount("default") == 0) break;
            await Task.Delay(200);
        }
        var totalMs = sw.ElapsedMilliseconds;
        // Let late duplicates (a second copy still running) land before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var rows = Results.Rows(run);
        var done2 = rows.Where(r => r.Phase == "done").ToList();
        var distinct = done2.Select(r => r.Key).Distinct().Count();
        var dupKeys = done2.GroupBy(r => r.Key).Count(g => g.Count() > 1);
        var stats = api.GetStatistics();
        var line = $"run={run} db={Trial.Db} n={n} delay_ms={delay} executed={done2.Count} distinct={distinct} duplicates={done2.Count - distinct} dup_keys={dupKeys} missing={n - distinct} " +
                   $"enqueue_s={enqueueMs / 1000.0:F1} all_done_s={(doneMs < 0 ? -1 : doneMs / 1000.0):F1} total_s={totalMs / 1000.0:F1} failed={stats.Failed}";
        if (killPid > 0)
        {
            // Orphans: started on the killed server and not finished there; their pick-up is the time from the kill
            // to their completion elsewhere.
            var finishedOnKilled = done2.Where(r => r.Server == killName).Select(r => r.Key).ToHashSet();
            var orphans = rows.Where(r => r.Phase == "start" && r.Server == killName && !finishedOnKilled.Contains(r.Key)).Select(r => r.Key).Distinct().ToList();
            var pickups = orphans.Select(k => done2.Where(r => r.Key == k).Select(r => r.At).DefaultIfEmpty(0).Min())
                                 .Where(t => t > 0).Select(t => (t - killAtMs) / 1000.0).OrderBy(x => x).ToList();
            // A job that finished on the killed server but was run again: its "done" landed, Hangfire's state did not.
            var rerun = done2.GroupBy(r => r.Key).Count(g => g.Any(r => r.Server == killName) && g.Any(r => r.Server != killName));
            line += $" killed={killName} orphans={orphans.Count} orphans_completed={pickups.Count} pickup_min_s={(pickups.Count > 0 ? pickups[0] : -1):F1} " +
                    $"pickup_max_s={(pickups.Count > 0 ? pickups[^1] : -1):F1} rerun_after_done={rerun}";
        }
        Console.WriteLine(line);
        return distinct == n ? 0 : 1;
    }
}

static class Long
{
    /// <summary>Enqueues one job of S seconds (with --report: counts how often it was started, and where).</summary>
    public static Task<int> Run(Args a, JobStorage storage)
    {
        var run = a.Get("run");
        if (a.Get("report", "") == "")
        {
            new BackgroundJobClient(storage).Enqueue(() => TrialJobs.Long(run, int.Parse(a.Get("seconds"))));
            return Task.FromResult(0);
        }
        var rows = Results.Rows(run).OrderBy(r => r.At).ToList();
        var first = rows.FirstOrDefault(r => r.Phase == "start").At;
        Console.WriteLine($"run={run} db={Trial.Db} job_seconds={a.Get("seconds")} invisibility_s={Trial.InvisibilitySeconds} starts={rows.Count(r => r.Phase == "start")} " +
                          $"completions={rows.Count(r => r.Phase == "done")} started_by={string.Join(",", rows.Where(r => r.Phase == "start").Select(r => $"{r.Server}@+{(r.At - first) / 1000.0:F1}s"))}");
        return Task.FromResult(0);
    }
}

static class Cancel
{
    public static async Task<int> Run(Args a, JobStorage storage)
    {
        Trial.ServerName = "cancel";
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = "cancel", WorkerCount = 2, CancellationCheckInterval = TimeSpan.FromSeconds(5), // 5 s is Hangfire's default
        }, storage);
        var client = new BackgroundJobClient(storage);
        foreach (var kind in new[] { "steps", "waits" })
        {
            var run = $"cancel-{Trial.Db}-{kind}-{Guid.NewGuid():N}";
            var id = kind == "steps"
                ? client.Enqueue(() => TrialJobs.Steps(run, 600, JobCancellationToken.Null))
                : client.Enqueue(() => TrialJobs.Waits(run, 600, CancellationToken.None));
            var sw = Stopwatch.StartNew();
            while (Results.Scalar("SELECT COUNT(*) FROM trial_exec WHERE run = @p0 AND phase = 'start'", run) == 0 && sw.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(50);
            await Task.Delay(1000);
            var deletedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            client.Delete(id);
            long stoppedAt = 0;
            while (sw.Elapsed < TimeSpan.FromSeconds(90))
            {
                var rows = Results.Rows(run);
                var stop = rows.FirstOrDefault(r => r.Phase is "stopped" or "done");
                if (stop.Key != null) { stoppedAt = stop.At; break; }
                await Task.Delay(50);
            }
            var state = storage.GetConnection().GetStateData(id)?.Name;
            Console.WriteLine($"cancel db={Trial.Db} token={(kind == "steps" ? "IJobCancellationToken" : "CancellationToken")} stop_after_delete_s={(stoppedAt > 0 ? (stoppedAt - deletedAt) / 1000.0 : -1):F2} state={state}");
        }
        return 0;
    }
}

static class Dst
{
    /// <summary>
    /// Next occurrences computed by Hangfire's own recurring-job code (RecurringJobManager with a fixed clock, read back
    /// from the stored NextExecution) and by Quartz's cron trigger (the app's engine), against the local-time rule.
    /// </summary>
    public static void Run()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hangfire-dst-{Guid.NewGuid():N}.db");
        var storage = new SQLiteStorage(path, new SQLiteStorageOptions());
        var ok = 0; var bad = 0;
        foreach (var zoneId in new[] { "America/Chicago", "America/Denver" })
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            foreach (var (cron, quartzCron, hour, minute) in new[] { ("0 6 1 * *", "0 0 6 1 * ?", 6, 0), ("0 2 1 * *", "0 0 2 1 * ?", 2, 0), ("30 1 1 * *", "0 30 1 1 * ?", 1, 30) })
            {
                var after = new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc);
                var lines = new List<string>();
                for (var i = 0; i < 24; i++)
                {
                    var now = after;
                    var manager = new RecurringJobManager(storage, Hangfire.Common.JobFilterProviders.Providers, new DefaultTimeZoneResolver(), () => now);
                    var jobId = $"dst-{Guid.NewGuid():N}";
                    manager.AddOrUpdate(jobId, Hangfire.Common.Job.FromExpression(() => Console.WriteLine("x")), cron, new RecurringJobOptions { TimeZone = zone });
                    using var conn = storage.GetConnection();
                    var hash = conn.GetAllEntriesFromHash($"recurring-job:{jobId}");
                    var next = Hangfire.Common.JobHelper.DeserializeNullableDateTime(hash["NextExecution"])!.Value;
                    manager.RemoveIfExists(jobId);

                    // The app's way (OutcomeWorkbookSchedule.BuildTrigger): a cron trigger in the clinic's zone.
                    var trigger = Quartz.TriggerBuilder.Create().StartAt(new DateTimeOffset(now))
                        .WithSchedule(Quartz.CronScheduleBuilder.Create(quartzCron).InTimeZone(zone)).Build();
                    var q = trigger.GetFireTimeAfter(new DateTimeOffset(now))!.Value.UtcDateTime;
                    // Expected: the given local time on the 1st; an ambiguous local time (fall back) at its first instance.
                    var local = new DateTime(next.Year, next.Month, 1, hour, minute, 0);
                    var expected = zone.IsAmbiguousTime(local)
                        ? local - zone.GetAmbiguousTimeOffsets(local).Max()
                        : TimeZoneInfo.ConvertTimeToUtc(local, zone);
                    var good = next == expected && q == expected;
                    if (good) ok++; else bad++;
                    if (next.Month is 3 or 4 or 10 or 11 || !good)
                        lines.Add($"{next:yyyy-MM-dd HH:mm}Z{(next == expected ? "" : "!")} quartz {q:HH:mm}Z{(q == expected ? "" : "!")}");
                    after = next.AddMinutes(1);
                }
                Console.WriteLine($"dst zone={zoneId} cron=\"{cron}\" {string.Join("; ", lines)}");
            }
        }
        Console.WriteLine($"dst occurrences_checked={ok + bad} as_expected={ok} differing={bad}");
        try { File.Delete(path); } catch (IOException) { }
    }
}

/// <summary>pgdb create|drop --conn SERVER --name DB: the trial's own database on the tests' server.</summary>
static class PgDb
{
    public static async Task<int> Run(Args a)
    {
        await using var ds = NpgsqlDataSource.Create(a.Get("conn"));
        var name = a.Get("name");
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9_]+$")) throw new ArgumentException("--name: a-z0-9_ only");
        await using (var drop = ds.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)")) await drop.ExecuteNonQueryAsync();
        if (a.Get("action", "create") == "create")
            await using (var create = ds.CreateCommand($"CREATE DATABASE {name}")) await create.ExecuteNonQueryAsync();
        return 0;
    }
}

sealed class Args(Dictionary<string, string> values)
{
    public static Args Parse(string[] args)
    {
        var d = new Dictionary<string, string>();
        for (var i = 1; i < args.Length - 1; i++)
            if (args[i].StartsWith("--")) d[args[i][2..]] = args[++i];
        return new Args(d);
    }

    public string Get(string name, string? fallback = null) =>
        values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required");
}
