using System.Text.Json;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Domain.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClinicAdmin.Data.Auditing;

/// <summary>
/// The one audit mechanism: every insert, update and delete of a tracked entity is written as an
/// <see cref="AuditEntry"/> (who, when, before, after) in the same transaction as the change.
/// Also bumps the optimistic-concurrency stamp of edited rows.
/// Entries are written after the save so that new rows have their database ids.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser user, TimeProvider time) : SaveChangesInterceptor
{
    // Secrets and bulk bytes never go into the audit trail.
    private static readonly HashSet<string> Hidden =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Content", "Xml"];

    private static readonly HashSet<Type> NotAudited =
        [typeof(AuditEntry), typeof(AccessLogEntry), typeof(DataProtectionKey), typeof(Domain.Jobs.JobRun), typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>)];

    private List<Pending> _pending = [];
    private IDbContextTransaction? _ownTransaction;
    private bool _writingAudit;

    private sealed record Pending(EntityEntry Entry, string Action, string? Before, string? After);

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        if (_writingAudit) return result;
        Capture(e.Context!);
        if (_pending.Count > 0 && e.Context!.Database.CurrentTransaction is null)
            _ownTransaction = e.Context.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (_writingAudit) return result;
        Capture(e.Context!);
        if (_pending.Count > 0 && e.Context!.Database.CurrentTransaction is null)
            _ownTransaction = await e.Context.Database.BeginTransactionAsync(ct);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        if (_writingAudit) return result;
        try
        {
            if (AddEntries(e.Context!))
            {
                _writingAudit = true;
                e.Context!.SaveChanges();
            }
            _ownTransaction?.Commit();
        }
        catch { _ownTransaction?.Rollback(); throw; }
        finally { _writingAudit = false; EndTransaction(); }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        if (_writingAudit) return result;
        try
        {
            if (AddEntries(e.Context!))
            {
                _writingAudit = true;
                await e.Context!.SaveChangesAsync(ct);
            }
            if (_ownTransaction is not null) await _ownTransaction.CommitAsync(ct);
        }
        catch { if (_ownTransaction is not null) await _ownTransaction.RollbackAsync(CancellationToken.None); throw; }
        finally { _writingAudit = false; EndTransaction(); }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData e)
    {
        if (_writingAudit) return;
        _ownTransaction?.Rollback();
        EndTransaction();
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData e, CancellationToken ct = default)
    {
        if (_writingAudit) return;
        if (_ownTransaction is not null) await _ownTransaction.RollbackAsync(CancellationToken.None);
        EndTransaction();
    }

    private void EndTransaction() { _pending = []; _ownTransaction?.Dispose(); _ownTransaction = null; }

    private void Capture(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        // A change to an owned value only (vitals, an address) is a change to its owner: bump the owner's stamp too,
        // so the owner's UPDATE carries the concurrency check and a stale form cannot overwrite it.
        foreach (var owner in db.ChangeTracker.Entries().Where(e => e.Entity is EditableEntity && e.State is EntityState.Unchanged or EntityState.Modified).ToList())
            if (owner.References.Any(r => r.TargetEntry is { } t && t.Metadata.IsOwned() && t.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
                owner.Property(nameof(EditableEntity.ConcurrencyStamp)).CurrentValue = Guid.NewGuid();
        var list = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            // The access log is append-only (a database trigger refuses it too).
            if (entry.Entity is AccessLogEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The access log is append-only: its rows cannot be changed or deleted.");
            if (entry.State is EntityState.Unchanged or EntityState.Detached || NotAudited.Contains(entry.Metadata.ClrType)) continue;
            if (entry.Entity is EditableEntity && entry.State == EntityState.Modified)
                entry.Property(nameof(EditableEntity.ConcurrencyStamp)).CurrentValue = Guid.NewGuid();
            switch (entry.State)
            {
                case EntityState.Added: list.Add(new(entry, "Created", null, null)); break;
                case EntityState.Deleted: list.Add(new(entry, "Deleted", Snapshot(entry, original: true, onlyChanged: false), null)); break;
                case EntityState.Modified:
                    if (!entry.Properties.Any(p => p.IsModified && !Hidden.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))) continue;
                    list.Add(new(entry, "Updated", Snapshot(entry, true, true), Snapshot(entry, false, true)));
                    break;
            }
        }
        _pending = list;
    }

    /// <summary>Adds the audit rows for the captured changes; new rows now have their ids.</summary>
    private bool AddEntries(DbContext db)
    {
        if (_pending.Count == 0) return false;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var p in _pending)
        {
            var after = p.Action == "Created" ? Snapshot(p.Entry, original: false, onlyChanged: false) : p.After;
            db.Set<AuditEntry>().Add(new AuditEntry
            {
                At = now, UserId = user.UserId, UserName = user.UserName, Action = p.Action,
                EntityType = EntityName(p.Entry), EntityId = KeyOf(p.Entry), Before = p.Before, After = after,
            });
        }
        _pending = [];
        return true;
    }

    private static string EntityName(EntityEntry entry)
    {
        var t = entry.Metadata;
        if (t.IsOwned() && t.FindOwnership() is { } own)
            return $"{own.PrincipalEntityType.ClrType.Name}.{own.PrincipalToDependent?.Name}";
        return t.ClrType.IsGenericType ? t.ClrType.Name.Split('`')[0] : t.ClrType.Name;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static string Snapshot(EntityEntry entry, bool original, bool onlyChanged)
    {
        var values = new SortedDictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (Hidden.Contains(name) || (onlyChanged && (!p.IsModified || Equals(p.OriginalValue, p.CurrentValue)))) continue;
            values[name] = original ? p.OriginalValue : p.CurrentValue;
        }
        return JsonSerializer.Serialize(values);
    }
}
