using System.Net;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClinicAdmin.Web.Tests.Security;

/// <summary>
/// The app as it stands behind a TLS-terminating proxy: a trusted proxy address, a public base URL, allowed hosts and
/// low rate limits. A test chooses the connection's peer address per client (a real load balancer sets it on the
/// socket; the in-process test server has none), and every log line is captured to check what failed sign-ins log.
/// </summary>
public sealed class EdgeApp : ClinicApp
{
    public const string TrustedProxy = "192.0.2.10";     // TEST-NET-1: never contacted, only an address in headers
    public const string PublicBaseUrl = "https://clinic.example";
    public const int SignInLimit = 5, PatientLinkLimit = 8;
    public const string PeerHeader = "X-Test-Peer";

    public override ClinicAdmin.Data.DatabaseProvider Provider => ClinicAdmin.Data.DatabaseProvider.Sqlite;
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(ClinicAdmin.Testing.TestDatabases.NewSqlite("edge"));

    public LogCapture Logs { get; } = new();
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Proxy:KnownProxies:0", TrustedProxy);
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("AllowedHosts", "clinic.example;localhost");
        builder.UseSetting("RateLimits:SignInPermitsPerMinute", SignInLimit.ToString());
        builder.UseSetting("RateLimits:PatientLinkPermitsPerMinute", PatientLinkLimit.ToString());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new PeerAddressFilter());
            services.AddSingleton<ILoggerProvider>(Logs);
            services.RemoveAll<IPasswordHasher<ApplicationUser>>();
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher);
        });
    }

    /// <summary>A client whose connections come from <paramref name="peer"/>, with cookies, not following redirects.</summary>
    public ClinicClient From(string peer, string baseAddress = "https://localhost") =>
        new(CreateDefaultClient(new Uri(baseAddress), new CookieContainerHandler(), new PeerHandler(peer)));

    private sealed class PeerHandler(string peer) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Remove(PeerHeader);
            request.Headers.Add(PeerHeader, peer);
            return base.SendAsync(request, ct);
        }
    }

    /// <summary>Sets the connection's remote address before the app's pipeline runs, as the socket would.</summary>
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

/// <summary>Every log line the app writes, formatted, for assertions on what is (and is not) logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly List<string> _lines = [];
    public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToList(); } }
    public void Clear() { lock (_lines) _lines.Clear(); }
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (owner._lines) owner._lines.Add($"{logLevel} {category}: {formatter(state, exception)} {exception?.Message}");
        }
    }
}

/// <summary>Identity's real hasher, counting how often a password is verified (the work an unknown account must cost too).</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new();
    private int _verified;
    public int Verified => Volatile.Read(ref _verified);
    public void Reset() => Interlocked.Exchange(ref _verified, 0);
    public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);
    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

[CollectionDefinition(Name)]
public sealed class EdgeCollection : ICollectionFixture<EdgeApp> { public const string Name = "Edge"; }
