using ClinicAdmin.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Data.Tests.Migrations;

public abstract class MigrationsTests(DataFixture data) : DataTest(data)
{
    [Fact]
    public async Task The_provider_migrations_contain_every_model_change()
    {
        // Fails when an entity or configuration changed without `db/migrations.sh add NAME` (which updates both providers).
        var pending = await Data.InDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        pending.ShouldBeFalse($"The {Data.Provider} migrations lack model changes: run db/migrations.sh add <Name>.");
    }

    [Fact]
    public async Task Migrating_creates_every_table_and_column_of_the_model_and_leaves_nothing_pending()
    {
        var pendingMigrations = await Data.InDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        pendingMigrations.ShouldBeEmpty();
        var tables = await Data.InDbAsync(db => Task.FromResult(db.Model.GetRelationalModel().Tables
            .Select(t => (t.Name, Columns: t.Columns.Select(c => c.Name).ToList())).ToList()));
        tables.Select(t => t.Name).ShouldContain("ServicePrices");
        tables.Select(t => t.Name).ShouldContain("AuditEntries");
        tables.Single(t => t.Name == "Patients").Columns.ShouldContain("Address_Line1"); // owned types' columns are checked too
        foreach (var (table, columns) in tables)
        {
            // Naming every mapped column fails when the migrations lack the table or any one of its columns.
            var sql = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\" WHERE 1 = 0";
            var error = await Record.ExceptionAsync(() => Data.InDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            error.ShouldBeNull($"{table}: {error?.Message}");
        }
    }
}

[Collection(SqliteDataCollection.Name), Trait("Database", "Sqlite")]
public sealed class MigrationsTests_Sqlite(SqliteData data) : MigrationsTests(data);

[Collection(PostgreSqlDataCollection.Name), Trait("Database", "PostgreSql")]
public sealed class MigrationsTests_PostgreSql(PostgreSqlData data) : MigrationsTests(data);

[Collection(SqlServerDataCollection.Name), Trait("Database", "SqlServer")]
public sealed class MigrationsTests_SqlServer(SqlServerData data) : MigrationsTests(data);
