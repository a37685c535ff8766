using ClinicAdmin.Data.Backup;
using System.Net;
using System.Net.Sockets;
using ClinicAdmin.Data;
using ClinicAdmin.Web.Platform.Jobs;
using ClinicAdmin.Web.Platform.Operations;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Quartz;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Platform.Operations;

/// <summary>
/// The SQL Server branches of the provider-specific places, tested at their seams without a SQL Server (none can run
/// on these machines): the fault classifier by error number and on a real refused connection, the health probe, the
/// backup refusal, and the Quartz store's delegate, clustering and schema script.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SqlServerSeamTests
{
    /// <summary>A SQL Server address where nothing listens: a port the OS just handed out and took back.</summary>
    private static string NoServer(string database = "clinicadmin")
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return $"Server=127.0.0.1,{port};Database={database};User ID=sa;Password=unused;Connect Timeout=3;TrustServerCertificate=true;Pooling=false";
    }

    private static ClinicDbContext Context(string connectionString) =>
        new((DbContextOptions<ClinicDbContext>)DataModule.Configure(new DbContextOptionsBuilder<ClinicDbContext>(), DatabaseProvider.SqlServer, connectionString).Options);

    [Theory]
    [InlineData(-2, DatabaseFault.Unavailable)]    // timeout
    [InlineData(53, DatabaseFault.Unavailable)]    // server not found
    [InlineData(233, DatabaseFault.Unavailable)]   // no process at the other end
    [InlineData(4060, DatabaseFault.Unavailable)]  // cannot open the database
    [InlineData(10053, DatabaseFault.Unavailable)]
    [InlineData(10054, DatabaseFault.Unavailable)]
    [InlineData(10060, DatabaseFault.Unavailable)]
    [InlineData(40613, DatabaseFault.Unavailable)] // Azure SQL database unavailable
    [InlineData(1205, DatabaseFault.Busy)]         // deadlock victim
    [InlineData(1222, DatabaseFault.Busy)]         // lock timeout
    [InlineData(1105, DatabaseFault.Full)]         // filegroup full
    [InlineData(9002, DatabaseFault.Full)]         // log full
    [InlineData(3906, DatabaseFault.ReadOnly)]     // read-only database
    public void SqlServer_errors_are_classified_by_number(int number, DatabaseFault expected) =>
        DatabaseFaults.ClassifySqlServer(number).ShouldBe(expected);

    [Theory]
    [InlineData(547)]   // foreign key violation: the request's fault
    [InlineData(2627)]  // unique key violation
    [InlineData(8152)]  // string would be truncated
    [InlineData(208)]   // invalid object name: a bug, not an outage
    public void Errors_that_are_the_requests_or_the_codes_fault_are_not_database_faults(int number) =>
        DatabaseFaults.ClassifySqlServer(number).ShouldBeNull();

    [Fact]
    public async Task A_refused_connection_is_unavailable_and_explained_in_one_line_at_start()
    {
        // A real SqlException from Microsoft.Data.SqlClient, not a constructed one.
        await using var conn = new SqlConnection(NoServer());
        var e = await Should.ThrowAsync<SqlException>(() => conn.OpenAsync());
        DatabaseFaults.Classify(e).ShouldBe(DatabaseFault.Unavailable, $"SqlException number {e.Number}");
        DatabaseFaults.Classify(new InvalidOperationException("wrapped", e)).ShouldBe(DatabaseFault.Unavailable);
        DatabaseFaults.CodeOf(e).ShouldStartWith("SQL Server ");
        var line = StartupErrors.Explain(e);
        line.ShouldNotBeNull();
        line.ShouldContain("the database is not answering (SQL Server");
        line.ShouldContain("Database:ConnectionString");
    }

    [Fact]
    public async Task The_health_probe_answers_false_when_SQL_Server_does_not_answer()
    {
        await using var db = Context(NoServer());
        (await DatabaseHealth.CanConnectAsync(db, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task Backup_restore_and_verify_on_SQL_Server_refuse_with_one_line_naming_BACKUP_DATABASE()
    {
        var cs = NoServer("clinic_east");
        await using var db = Context(cs);
        var backup = new DatabaseBackup(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = cs }), Options.Create(new BackupOptions()), db);
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "clinicadmin-tests", "mssql-backup-" + Guid.NewGuid().ToString("N"))).FullName;
        var file = Path.Combine(dir, "clinic.backup");

        var refusals = new[]
        {
            await Should.ThrowAsync<BackupException>(() => backup.BackupAsync(file)),
            await Should.ThrowAsync<BackupException>(() => backup.RestoreAsync(file, force: true)),
            await Should.ThrowAsync<BackupException>(() => backup.VerifyAsync(file)),
        };
        foreach (var e in refusals)
        {
            e.Message.ShouldContain("BACKUP DATABASE [clinic_east]");
            e.Message.ShouldNotContain("\n");
        }
        Directory.GetFiles(dir).ShouldBeEmpty();
        Directory.Delete(dir);
    }

    private static IServiceProvider JobServices(DatabaseProvider provider, string connectionString)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(), ["Database:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(config);
        services.AddClinicJobs(config);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_job_store_on_SQL_Server_is_clustered_and_provisions_its_schema()
    {
        var sp = JobServices(DatabaseProvider.SqlServer, NoServer());
        var store = sp.GetRequiredService<IOptions<AdoJobStoreOptions>>().Value;
        store.SchemaProvisioning.ShouldBe(SchemaProvisioning.CreateIfMissing);
        var cluster = sp.GetRequiredService<IOptions<ClusteringOptions>>().Value;
        cluster.Enabled.ShouldBeTrue();
        cluster.CheckinInterval.ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void The_embedded_SQLite_job_store_is_not_clustered()
    {
        // The contrast that makes the test above mean something: clustering is chosen per provider.
        var sp = JobServices(DatabaseProvider.Sqlite, "Data Source=" + Path.Combine(Path.GetTempPath(), "unused.db"));
        sp.GetRequiredService<IOptions<ClusteringOptions>>().Value.Enabled.ShouldBeFalse();
    }

    [Fact]
    public void Quartz_ships_a_SQL_Server_schema_that_parses_as_TSql()
    {
        // What ProvisionSchema runs on SQL Server (Quartz 4.7.3's embedded create_sqlServer.sql), split where the job
        // store splits it and with the table prefix put in as the store does.
        var assembly = typeof(Quartz.Impl.AdoJobStore.SqlServerDelegate).Assembly;
        using var stream = assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_sqlServer.sql");
        stream.ShouldNotBeNull();
        var text = new StreamReader(stream).ReadToEnd().Replace("{0}", "QRTZ_").Replace("{1}", "QRTZ_");
        var statements = text.ReplaceLineEndings("\n").Split("\n--;;\n");
        statements.Length.ShouldBeGreaterThan(10);
        using var reader = new StringReader(string.Join("\nGO\n", statements));
        var tree = new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        errors.ShouldBeEmpty(string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")));
        var tables = new CreatedTables();
        tree.Accept(tables);
        tables.Names.ShouldContain("QRTZ_TRIGGERS");
        tables.Names.ShouldContain("QRTZ_LOCKS");
        tables.Names.ShouldContain("QRTZ_SCHEDULER_STATE");
    }

    private sealed class CreatedTables : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];
        public override void Visit(CreateTableStatement node) => Names.Add(node.SchemaObjectName.BaseIdentifier.Value);
    }
}
