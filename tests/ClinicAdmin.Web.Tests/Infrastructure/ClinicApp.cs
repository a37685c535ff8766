using ClinicAdmin.Data;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ClinicAdmin.Web.Platform.Jobs;
using ClinicAdmin.Web.Tests.Platform.Jobs;
using Quartz;
using Xunit;

namespace ClinicAdmin.Web.Tests.Infrastructure;

/// <summary>
/// The whole app over a real database, shared by a test collection (one per provider). Tests reset the
/// database before each test (<see cref="ResetAsync"/>) and sign in as a role with <see cref="SignInAsync"/>.
/// </summary>
public abstract class ClinicApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Password-2026!";

    /// <summary>One account per role, created once per fixture and restored by every reset.</summary>
    public static readonly IReadOnlyDictionary<string, string> EmailOf = new Dictionary<string, string>
    {
        [Roles.PracticeManager] = "pm@test.clinic",
        [Roles.MedicalDirector] = "md@test.clinic",
        [Roles.Clinician] = "clinician@test.clinic",
        [Roles.FrontDesk] = "frontdesk@test.clinic",
    };

    // The role accounts and the app's data-protection keys live as long as the fixture (SeedBaselineAsync tidies the users).
    private readonly DatabaseReset _reset = new("AspNetRoles", "AspNetUsers", "AspNetUserRoles", "DataProtectionKeys");

    public abstract DatabaseProvider Provider { get; }
    public string ConnectionString { get; private set; } = "";
    public TestClock Clock { get; } = new();
    public string MailDirectory { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "clinicadmin-tests", "mail-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly Dictionary<string, string> _userIds = [];

    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>False only for SQL Server without a server given; its tests are then reported skipped (ClinicTestFramework).</summary>
    protected virtual bool Available => true;

    public async Task InitializeAsync()
    {
        if (!Available) return;
        ConnectionString = await CreateDatabaseAsync();
        _ = Server; // starts the app: migrations run and roles are created at start-up
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (role, email) in EmailOf)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {Vocabulary.Role(role)}" };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            _userIds[role] = user.Id;
        }
        await ResetAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabases.DropAsync(Provider, ConnectionString);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Enabled", "false");
        // Patient-link e-mails go to a folder of this fixture, never to a real server or the user's data folder.
        builder.UseSetting("Smtp:PickupDirectory", MailDirectory);
        // The data-protection keys' key-encryption certificate, as an operator configures it (never the user's data folder).
        builder.UseSetting("DataProtection:CertificatePath", TestKeys.CertificatePath);
        // Tests sign in and open links far more often than a person: the limits have their own tests (Security/EdgeTests).
        builder.UseSetting("RateLimits:SignInPermitsPerMinute", "100000");
        builder.UseSetting("RateLimits:PatientLinkPermitsPerMinute", "100000");
        // The role accounts sign in with a password only; Security/TwoFactorTests turns the requirement on in its own app.
        builder.UseSetting("Security:TwoFactorRequiredRoles", "none");
        // Long form passes (Security/HostileInput) outlast the 5-minute default; the re-authentication tests age the session.
        builder.UseSetting("Security:ReauthenticateMinutes", "60");
        // Retries come quickly in tests.
        builder.UseSetting("Jobs:RetryBackoffSeconds", "1");
        // Under tests/run.sh every log event also goes to the suite's log folder, searched for patient data at the end.
        if (SuiteLog.NewFile("web") is { } logFile) builder.ConfigureLogging(l => l.AddProvider(new SuiteLogProvider(logFile)));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<HeldJob>();
            services.AddSingleton<IClinicJob>(sp => sp.GetRequiredService<HeldJob>());
        });
    }

    /// <summary>Empties every clinic table, restores the four role accounts and a complete clinic settings row.</summary>
    public async Task ResetAsync()
    {
        Clock.Reset();
        // The previous test's jobs must be over before the tables are emptied, and must leave nothing scheduled. Ids
        // restart with the reset, so a leftover firing or retry of "run-1" would run this test's run 1 a second time,
        // and a job still writing under the reset's TRUNCATE deadlocks it on PostgreSQL.
        var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        await DrainAsync(scheduler);
        await scheduler.Clear(); // after the drain: a failing job schedules its retry on its way out
        await DrainAsync(scheduler);
        using (var scope = Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            await _reset.ResetAsync(db);
            await SeedBaselineAsync(db);
        }
        // Cached reads of the emptied tables (the clinic's name, date style and logo) must not outlive them.
        (Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>() as Microsoft.Extensions.Caching.Memory.MemoryCache)?.Clear();
        await scheduler.Start();
    }

    /// <summary>
    /// Returns once this scheduler has no firing, reserved or running, cancelling the running ones. Asks Quartz's store,
    /// not our "Running" rows: a run is not marked Running until its job has loaded it, and a firing's record goes only
    /// with the job's last store update, after the job itself has finished.
    /// </summary>
    private static async Task DrainAsync(IScheduler scheduler)
    {
        var mine = new FireInstanceQuery { State = null, SchedulerInstanceId = scheduler.SchedulerInstanceId };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var firings = (await scheduler.QueryFireInstances(mine)).Items;
            if (firings.Count == 0) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Jobs of the previous test did not stop: " + string.Join(", ", firings.Select(f => $"{f.JobKey} {f.State}")));
            foreach (var f in firings.Where(f => f.State == FireInstanceState.Executing)) await scheduler.InterruptFireInstance(f.FireInstanceId);
            await Task.Delay(20);
        }
    }

    private async Task SeedBaselineAsync(ClinicDbContext db)
    {
        var baseline = _userIds.Values.ToList();
        await db.UserRoles.Where(r => true).ExecuteDeleteAsync();
        await db.Users.Where(u => !baseline.Contains(u.Id)).ExecuteDeleteAsync();
        await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null).SetProperty(u => u.IsDisabled, false).SetProperty(u => u.TwoFactorEnabled, false));
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        foreach (var (role, userId) in _userIds) db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleIds[role] });
        db.ClinicSettings.Add(new ClinicSettings
        {
            Name = "Test Ketamine Clinic", Phone = "(555) 010-2000", TaxId = "12-3456789", GroupNpi = "1234567893",
            TimeZoneId = "America/Chicago", SuperbillFooter = "Paid in full.",
            BillingAddress = new Address { Line1 = "1 Test Street", City = "Springfield", State = "IL", PostalCode = "62701" },
        });
        // One location, as the Locations migration leaves an upgraded single-site clinic.
        var main = new Location
        {
            Code = "MAIN", Name = "Test Ketamine Clinic Springfield", Phone = "(555) 010-2000", DefaultPlaceOfService = "11",
            ServiceFacilityAddress = new Address { Line1 = "1 Test Street", City = "Springfield", State = "IL", PostalCode = "62701" },
        };
        db.Locations.Add(main);
        await db.SaveChangesAsync();
        MainLocationId = main.Id;
        // Tests count audit rows of their own actions only.
        await db.AuditEntries.ExecuteDeleteAsync();
    }

    public string UserIdOf(string role) => _userIds[role];

    /// <summary>The baseline's one location (its id changes with every reset on SQLite).</summary>
    public int MainLocationId { get; private set; }

    public async Task<ClinicClient> SignInAsync(string role)
    {
        var client = new ClinicClient(CreateClient(ClientOptionsFor()));
        await client.SignInAsync(EmailOf[role], Password);
        return client;
    }

    public ClinicClient Anonymous() => new(CreateClient(ClientOptionsFor()));

    // https, as a browser reaches the app: outside Development every cookie is Secure and would not come back over http.
    private static WebApplicationFactoryClientOptions ClientOptionsFor() =>
        new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") };

    /// <summary>Runs code against the database in its own scope (as "system" for the audit trail).</summary>
    public async Task<T> InDbAsync<T>(Func<ClinicDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClinicDbContext>());
    }

    public Task InDbAsync(Func<ClinicDbContext, Task> work) => InDbAsync(async db => { await work(db); return true; });

    public Task InsertAsync(params object[] entities) => InDbAsync(async db => { db.AddRange(entities); await db.SaveChangesAsync(); });
}

public sealed class SqliteApp : ClinicApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(TestDatabases.NewSqlite("web"));
}

public sealed class PostgreSqlApp : ClinicApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override Task<string> CreateDatabaseAsync() => TestDatabases.NewPostgresAsync("web");
}

public sealed class SqlServerApp : ClinicApp
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
    protected override bool Available => TestDatabases.SqlServerConnectionString is not null;
    protected override Task<string> CreateDatabaseAsync() => TestDatabases.NewSqlServerAsync("web");
}

/// <summary>All SQLite page tests share one app and run one after another (each resets the database).</summary>
[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp> { public const string Name = "Sqlite"; }

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlApp> { public const string Name = "PostgreSql"; }

[CollectionDefinition(Name)]
public sealed class SqlServerCollection : ICollectionFixture<SqlServerApp> { public const string Name = "SqlServer"; }

/// <summary>Base of page tests: a fresh database before each test.</summary>
public abstract class PageTest(ClinicApp app) : IAsyncLifetime
{
    protected ClinicApp App { get; } = app;
    public Task InitializeAsync() => App.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
}
