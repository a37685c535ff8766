using ClinicAdmin.Data;
using ClinicAdmin.Data.Auditing;
using ClinicAdmin.Data.Identity;
using ClinicAdmin.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClinicAdmin.Data.Tests.Infrastructure;

/// <summary>A migrated real database (SQLite file, PostgreSQL or SQL Server) with the Data module wired as the app wires it.</summary>
public abstract class DataFixture : IAsyncLifetime
{
    public abstract DatabaseProvider Provider { get; }
    public string ConnectionString { get; private set; } = "";
    public ServiceProvider Services { get; private set; } = null!;
    public MutableUser User { get; } = new();

    protected abstract Task<string> CreateAsync();

    /// <summary>False only for SQL Server without a server given; its tests are then reported skipped (ClinicTestFramework).</summary>
    protected virtual bool Available => true;

    public async Task InitializeAsync()
    {
        if (!Available) return;
        ConnectionString = await CreateAsync();
        Services = NewInstance();
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>
    /// Another "app instance" on the same database: its own container, DbContext pool and connections, as a second
    /// process would have (the concurrency tests race two of these). The caller disposes it.
    /// </summary>
    public ServiceProvider NewInstance()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(), ["Database:ConnectionString"] = ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddClinicData(config);
        services.AddSingleton<ICurrentUser>(User);
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<ClinicDbContext>();
        return services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (Services is not null) await Services.DisposeAsync();
        await TestDatabases.DropAsync(Provider, ConnectionString);
    }

    public async Task<T> InDbAsync<T>(Func<ClinicDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClinicDbContext>());
    }

    private readonly DatabaseReset _reset = new();

    public Task ResetAsync() => InDbAsync(async db => { await _reset.ResetAsync(db); return 0; });
}

/// <summary>Stands in for the signed-in user so audit tests can say who acted.</summary>
public sealed class MutableUser : ICurrentUser
{
    public string? UserId { get; set; } = "user-1";
    public string UserName { get; set; } = "tester@clinic";
}

public sealed class SqliteData : DataFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<string> CreateAsync() => Task.FromResult(TestDatabases.NewSqlite("data"));
}

public sealed class PostgreSqlData : DataFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override Task<string> CreateAsync() => TestDatabases.NewPostgresAsync("data");
}

public sealed class SqlServerData : DataFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
    protected override bool Available => TestDatabases.SqlServerConnectionString is not null;
    protected override Task<string> CreateAsync() => TestDatabases.NewSqlServerAsync("data");
}

[CollectionDefinition(Name)] public sealed class SqliteDataCollection : ICollectionFixture<SqliteData> { public const string Name = "SqliteData"; }
[CollectionDefinition(Name)] public sealed class PostgreSqlDataCollection : ICollectionFixture<PostgreSqlData> { public const string Name = "PostgreSqlData"; }
[CollectionDefinition(Name)] public sealed class SqlServerDataCollection : ICollectionFixture<SqlServerData> { public const string Name = "SqlServerData"; }

public abstract class DataTest(DataFixture data) : IAsyncLifetime
{
    protected DataFixture Data { get; } = data;
    public Task InitializeAsync() => Data.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
}
