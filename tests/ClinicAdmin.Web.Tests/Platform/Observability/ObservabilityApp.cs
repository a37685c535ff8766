using System.Net;
using ClinicAdmin.Data;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClinicAdmin.Web.Tests.Platform.Observability;

/// <summary>
/// The app with /metrics enabled and every log event captured with its structured fields. The in-process test server
/// has no connection address, so a client says which peer it connects from (as a socket would).
/// </summary>
public abstract class ObservabilityApp : ClinicApp
{
    public const string PeerHeader = "X-Test-Peer";

    public LogRecords Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Observability:Metrics:Enabled", "true");
        builder.UseSetting("Observability:Metrics:AllowedNetworks:0", "198.51.100.0/24");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new PeerAddressFilter());
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    /// <summary>A client connecting from <paramref name="peer"/>, with cookies, not following redirects.</summary>
    public ClinicClient From(string peer) =>
        new(CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(), new PeerHandler(peer)));

    public async Task<ClinicClient> SignInFromAsync(string peer, string role)
    {
        var client = From(peer);
        await client.SignInAsync(EmailOf[role], Password);
        return client;
    }

    private sealed class PeerHandler(string peer) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Add(PeerHeader, peer);
            return base.SendAsync(request, ct);
        }
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (ctx, nextMiddleware) =>
            {
                if (ctx.Request.Headers.TryGetValue(PeerHeader, out var v) && IPAddress.TryParse(v.ToString(), out var ip))
                {
                    ctx.Connection.RemoteIpAddress = ip;
                    ctx.Request.Headers.Remove(PeerHeader);
                }
                await nextMiddleware();
            });
            next(app);
        };
    }
}

public sealed class SqliteObservabilityApp : ObservabilityApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(ClinicAdmin.Testing.TestDatabases.NewSqlite("obs"));
}

// Runs alone, after the parallel collections: OpenTelemetry listens to meters by name process-wide, so another host's
// "Microsoft.AspNetCore.Hosting" meter, registered first and then disposed with its test, took this host's http_server_*
// series with it (seen 2026-12-04). In production there is one host per process.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqliteObservabilityCollection : ICollectionFixture<SqliteObservabilityApp> { public const string Name = "Observability Sqlite"; }

/// <summary>One captured log event: what the JSON console writes (message, every state field, the exception).</summary>
public sealed record LogRecord(LogLevel Level, string Category, int EventId, string Message, IReadOnlyDictionary<string, object?> State, string? Exception)
{
    /// <summary>Everything of the event as text, to search for data that must not be there.</summary>
    public string AllText => $"{Level} {Category} {Message} {string.Join(" ", State.Select(s => $"{s.Key}={s.Value}"))} {Exception}";
}

/// <summary>Every log event the app writes at the levels configured for it, with its structured fields.</summary>
public sealed class LogRecords : ILoggerProvider
{
    private readonly List<LogRecord> _records = [];
    public IReadOnlyList<LogRecord> All { get { lock (_records) return _records.ToList(); } }
    public void Clear() { lock (_records) _records.Clear(); }
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(LogRecords owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)
                : new Dictionary<string, object?>();
            var record = new LogRecord(logLevel, category, eventId.Id, formatter(state, exception), fields, exception?.ToString());
            lock (owner._records) owner._records.Add(record);
        }
    }
}
