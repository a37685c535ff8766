using System.Text;
using ClinicAdmin.Data;
using ClinicAdmin.Testing;

namespace ClinicAdmin.Browser.Tests.Infrastructure;

/// <summary>
/// Production-mode app processes on loopback ports sharing one fresh database (a new PostgreSQL database on the test
/// server, or a SQLite file for a single instance), as an operator runs them. Accounts are made with the `users create`
/// command. Disposing kills every process and drops the database.
/// </summary>
public sealed class AppCluster : IAsyncDisposable
{
    public const string Password = "Multi-Instance-2026!";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly List<Instance> _instances = [];
    private readonly Dictionary<string, string> _settings;
    private readonly string _dataDir;

    private AppCluster(ClinicDb db, string dataDir, Dictionary<string, string> settings)
    {
        Db = db;
        _dataDir = dataDir;
        _settings = settings;
    }

    public sealed record Instance(string Name, string Url, AppProcess Process);

    public ClinicDb Db { get; }
    public IReadOnlyList<Instance> Instances { get { lock (_instances) return _instances.ToList(); } }

    /// <summary>A fresh database, migrated by the first `users create`; <paramref name="settings"/> are extra configuration keys.</summary>
    public static async Task<AppCluster> CreateAsync(DatabaseProvider provider, IDictionary<string, string>? settings = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "clinicadmin-cluster", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var cs = provider == DatabaseProvider.PostgreSql
            ? await TestDatabases.NewPostgresAsync("cluster")
            : $"Data Source={Path.Combine(dir, "clinic.db")};Default Timeout=30";
        return new AppCluster(new ClinicDb(provider, cs), dir, new Dictionary<string, string>(settings ?? new Dictionary<string, string>()));
    }

    public Dictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = Db.Provider.ToString(),
            ["Database__ConnectionString"] = Db.ConnectionString, ["Database__DataDirectory"] = _dataDir, ["Demo__Enabled"] = "false",
            ["App__PublicBaseUrl"] = "https://clinic.example",
            ["RateLimits__SignInPermitsPerMinute"] = "100000", ["RateLimits__PatientLinkPermitsPerMinute"] = "100000",
            // The operators' accounts sign in with a password: two-step sign-in has its own tests (Security/TwoFactorTests).
            ["Security__TwoFactorRequiredRoles"] = "none",
        };
        foreach (var (k, v) in _settings) env[k] = v;
        return env;
    }

    /// <summary>Runs a command of the app (`users ...`, `jobs ...`) to completion; throws with its output if it fails.</summary>
    public async Task<string> RunCommandAsync(IEnumerable<string> args, IDictionary<string, string>? extraEnvironment = null)
    {
        var env = Environment();
        foreach (var (k, v) in extraEnvironment ?? new Dictionary<string, string>()) env[k] = v;
        await using var cli = AppProcess.Start(args, env);
        var code = await cli.WaitForExitAsync(StartTimeout);
        if (code != 0) throw new InvalidOperationException($"`{string.Join(' ', args)}` exited with {code}:\n{cli.Output}");
        return cli.Output;
    }

    public Task<string> CreateUserAsync(string email, string role) =>
        RunCommandAsync(["users", "create", "--email", email, "--name", email.Split('@')[0], "--role", role],
            new Dictionary<string, string> { ["CLINICADMIN_PASSWORD"] = Password });

    /// <summary>Starts <paramref name="count"/> instances at the same moment (as after a deploy) and waits until all answer /health.</summary>
    public async Task<Instance[]> StartAsync(int count)
    {
        var started = Enumerable.Range(0, count).Select(_ => Launch()).ToArray();
        await Task.WhenAll(started.Select(i => i.Process.WaitForHealthAsync(i.Url, StartTimeout)));
        return started;
    }

    private Instance Launch()
    {
        lock (_instances)
        {
            var url = $"http://127.0.0.1:{AppProcess.FreePort()}";
            var instance = new Instance(((char)('A' + _instances.Count)).ToString(), url, AppProcess.Start(["--urls", url], Environment()));
            _instances.Add(instance);
            return instance;
        }
    }

    /// <summary>Every instance's output, labelled: the failure message of a test that waited in vain.</summary>
    public string Output()
    {
        var text = new StringBuilder();
        foreach (var i in Instances)
        {
            var output = i.Process.Output;
            text.AppendLine($"----- instance {i.Name} ({i.Url}){(i.Process.HasExited ? " exited" : "")} -----");
            text.AppendLine(output.Length > 12_000 ? "…" + output[^12_000..] : output);
        }
        return text.ToString();
    }

    /// <summary>Polls until <paramref name="until"/> holds; on timeout fails with the last value seen and every instance's output.</summary>
    public async Task<T> WaitForAsync<T>(string what, Func<Task<T>> read, Func<T, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (until(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; last seen: {Describe(value)}\n{Output()}");
            await Task.Delay(250);
        }
    }

    private static string Describe(object? value) => value switch
    {
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object>()) + "]",
        _ => value?.ToString() ?? "null",
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var i in Instances) await i.Process.DisposeAsync();
        await TestDatabases.DropAsync(Db.Provider, Db.ConnectionString);
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }
}
