using ClinicAdmin.Data.Bulk;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Data.Tests.Seeding;

/// <summary>
/// The seam of the SQL Server bulk insert: the rows SqlBulkCopy is given. Checked against the Patients table as the
/// SQL Server migration script creates it (read with ScriptDom, not from the EF model the rows are built from):
/// every column named there, every NOT NULL column filled, each value of a type the column takes.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SqlServerBulkRowsTests
{
    private static ClinicDbContext SqlServer() =>
        new((DbContextOptions<ClinicDbContext>)DataModule.Configure(new DbContextOptionsBuilder<ClinicDbContext>(), DatabaseProvider.SqlServer,
            "Server=127.0.0.1,1;Database=none;User ID=sa;Password=unused;TrustServerCertificate=true").Options);

    [Fact]
    public void Patients_go_to_bulk_copy_with_the_script_s_columns_and_provider_values()
    {
        using var db = SqlServer();
        var patient = new Patient
        {
            Mrn = "MRN-0042", FirstName = "Ada", LastName = "Quill", DateOfBirth = new DateOnly(1979, 4, 2), Email = null,
            Address = new Address { Line1 = "1 Elm St", City = "Springfield", State = "IL", PostalCode = "62701" }, WeightKg = 71.25m,
        };
        BulkInserter.SetId(patient, 4242);
        var rows = new BulkInserter(db).SqlServerRows(new[] { patient });

        var table = CreateTable(db, rows.TableName);
        var scriptColumns = table.Definition.ColumnDefinitions.ToDictionary(c => c.ColumnIdentifier.Value);
        var copied = rows.Columns.Cast<System.Data.DataColumn>().Select(c => c.ColumnName).ToList();
        copied.ShouldBeSubsetOf(scriptColumns.Keys);
        // Every NOT NULL column gets a value (ids are kept: the caller assigned them).
        var required = scriptColumns.Values.Where(c => c.Constraints.OfType<NullableConstraintDefinition>().Any(n => !n.Nullable)).Select(c => c.ColumnIdentifier.Value);
        required.ShouldBeSubsetOf(copied);

        var row = rows.Rows.Cast<System.Data.DataRow>().Single();
        row["Id"].ShouldBe(4242);
        row["LastName"].ShouldBe("Quill");
        row["Email"].ShouldBe(DBNull.Value);
        row["WeightKg"].ShouldBe(71.25m);
        // A date column takes a DateTime from bulk copy; the model's DateOnly is converted.
        SqlType(scriptColumns["DateOfBirth"]).ShouldBe("date");
        row["DateOfBirth"].ShouldBe(new DateTime(1979, 4, 2));
        // Owned values go as the owner's columns.
        copied.ShouldContain(c => c.EndsWith("City"));
        rows.Columns.Cast<System.Data.DataColumn>().Where(c => c.ColumnName.EndsWith("City")).Select(c => row[c]).ShouldContain("Springfield");
    }

    private static string SqlType(ColumnDefinition c) => ((SqlDataTypeReference)c.DataType).SqlDataTypeOption.ToString().ToLowerInvariant();

    private static CreateTableStatement CreateTable(ClinicDbContext db, string name)
    {
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        using var reader = new StringReader(script);
        var tree = new TSql160Parser(true).Parse(reader, out var errors);
        errors.ShouldBeEmpty();
        var found = new Finder(name);
        tree.Accept(found);
        return found.Table ?? throw new InvalidOperationException($"no CREATE TABLE [{name}] in the SQL Server script");
    }

    private sealed class Finder(string name) : TSqlFragmentVisitor
    {
        public CreateTableStatement? Table { get; private set; }
        public override void Visit(CreateTableStatement node) { if (node.SchemaObjectName.BaseIdentifier.Value == name) Table = node; }
    }
}
