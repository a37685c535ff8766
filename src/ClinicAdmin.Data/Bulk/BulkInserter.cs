using System.Data;
using System.Data.Common;
using ClinicAdmin.Domain.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClinicAdmin.Data.Bulk;

/// <summary>
/// Inserts many rows fast with multi-row INSERT statements, for generated data sets (the scale data generator) where
/// SaveChanges and its change tracker would take many minutes. Columns, names and value conversions come from the EF
/// model, so the statements follow the model as it changes; ids are assigned by the caller (so children can refer to
/// their parents) and the identity sequences are moved past them at the end. Bypasses the audit interceptor on purpose:
/// generated data is not a user's change. On SQL Server the rows go through SqlBulkCopy instead (its bulk-load
/// protocol, ids kept, constraints checked), fed by <see cref="SqlServerRows{T}"/>.
/// </summary>
public sealed class BulkInserter(ClinicDbContext db)
{
    // PostgreSQL allows 65,535 parameters a statement. SQLite finds a named parameter by a linear scan, so binding
    // cost grows with the square of the statement's size: small statements there.
    private int MaxParameters => db.Database.IsNpgsql() ? 30_000 : 500;

    private sealed record Column(string Name, IProperty Property, Func<object, object?> Read);

    /// <summary>Inserts <paramref name="rows"/> (owned values such as addresses and vitals included) in one transaction.</summary>
    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = ColumnsOf((IEntityType)entity, table, o => o).ToList();
        if (db.Database.IsSqlServer())
        {
            await BulkCopyAsync(SqlServerRows(rows, table, columns), ct);
            return;
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        var perStatement = Math.Max(1, MaxParameters / columns.Count);

        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var n = Math.Min(perStatement, rows.Count - start);
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            var text = new System.Text.StringBuilder(head, head.Length + n * columns.Count * 8);
            for (var r = 0; r < n; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"p{r * columns.Count + c}";
                    if (c > 0) text.Append(", ");
                    text.Append(sql.GenerateParameterNamePlaceholder(name));
                    var col = columns[c];
                    // The provider's own type mapping writes the value (converters, SQLite's text dates and decimals).
                    cmd.Parameters.Add(col.Property.GetRelationalTypeMapping().CreateParameter(cmd, name, col.Read(rows[start + r]), col.Property.IsNullable));
                }
                text.Append(')');
            }
            cmd.CommandText = text.ToString();
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The rows of <typeparamref name="T"/> as SqlBulkCopy takes them: one column per table column, values as the provider stores them.</summary>
    public DataTable SqlServerRows<T>(IReadOnlyList<T> rows) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return SqlServerRows(rows, table, ColumnsOf((IEntityType)entity, table, o => o).ToList());
    }

    private static DataTable SqlServerRows<T>(IReadOnlyList<T> rows, StoreObjectIdentifier table, List<Column> columns) where T : class
    {
        var data = new DataTable(table.Name);
        var converters = new List<Func<object?, object>>(columns.Count);
        foreach (var c in columns)
        {
            // The model's value converter first (enums as text, UTC dates), then the plain types bulk copy takes for
            // date and time columns.
            var mapping = c.Property.GetRelationalTypeMapping();
            var provider = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? mapping.ClrType) ?? mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            Func<object?, object?> toProvider = mapping.Converter is { } conv ? v => v is null ? null : conv.ConvertToProvider(v) : v => v;
            var type = provider;
            Func<object?, object?> plain = v => v;
            if (provider == typeof(DateOnly)) { type = typeof(DateTime); plain = v => v is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : v; }
            else if (provider == typeof(TimeOnly)) { type = typeof(TimeSpan); plain = v => v is TimeOnly t ? t.ToTimeSpan() : v; }
            data.Columns.Add(new DataColumn(c.Name, type) { AllowDBNull = c.Property.IsColumnNullable(table) });
            converters.Add(v => plain(toProvider(v)) ?? DBNull.Value);
        }
        foreach (var row in rows)
        {
            var values = new object[columns.Count];
            for (var i = 0; i < columns.Count; i++) values[i] = converters[i](columns[i].Read(row));
            data.Rows.Add(values);
        }
        return data;
    }

    private async Task BulkCopyAsync(DataTable rows, CancellationToken ct)
    {
        var conn = (SqlConnection)db.Database.GetDbConnection();
        if (conn.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var tx = (SqlTransaction)await conn.BeginTransactionAsync(ct);
        // KeepIdentity: the caller assigned the ids. CheckConstraints: foreign keys stay trusted (bulk copy skips them otherwise).
        using var copy = new SqlBulkCopy(conn, SqlBulkCopyOptions.KeepIdentity | SqlBulkCopyOptions.CheckConstraints, tx)
        {
            DestinationTableName = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(rows.TableName),
            BatchSize = 10_000,
            BulkCopyTimeout = 0,
        };
        foreach (DataColumn c in rows.Columns) copy.ColumnMappings.Add(c.ColumnName, c.ColumnName);
        await copy.WriteToServerAsync(rows, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>After inserting explicit ids on PostgreSQL or SQL Server, the identity must continue after the largest id.</summary>
    public async Task ResetIdentityAsync<T>(CancellationToken ct = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        if (db.Database.IsSqlServer())
        {
            // RESEED without a value moves the identity up to the largest id in the table (never down).
            await db.Database.ExecuteSqlRawAsync($"DBCC CHECKIDENT ('{table}', RESEED)", ct);
            return;
        }
        if (!db.Database.IsNpgsql()) return; // SQLite's rowid continues after the largest id by itself
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1))", ct);
    }

    /// <summary>The largest id in use, so generated rows can continue after existing ones.</summary>
    public async Task<int> MaxIdAsync<T>(CancellationToken ct = default) where T : Entity =>
        await db.Set<T>().Select(x => (int?)x.Id).MaxAsync(ct) ?? 0;

    /// <summary>Sets the id of a new entity (ids are protected: only the database and this loader assign them).</summary>
    public static void SetId(Entity e, int id) => IdProperty.SetValue(e, id);
    private static readonly System.Reflection.PropertyInfo IdProperty = typeof(Entity).GetProperty(nameof(Entity.Id))!;

    private static IEnumerable<Column> ColumnsOf(IEntityType entity, StoreObjectIdentifier table, Func<object, object?> owner)
    {
        foreach (var p in entity.GetProperties())
        {
            if (p.IsShadowProperty() || p.GetColumnName(table) is not { } name) continue; // owned keys are the owner's id
            var getter = p.GetGetter();
            yield return new Column(name, p, o => owner(o) is { } x ? getter.GetClrValueUsingContainingEntity(x) : null);
        }
        foreach (var nav in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            var getter = nav.GetGetter();
            foreach (var c in ColumnsOf(nav.TargetEntityType, table, o => owner(o) is { } x ? getter.GetClrValueUsingContainingEntity(x) : null))
                yield return c;
        }
    }
}
