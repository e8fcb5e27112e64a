using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using CommunityPolicing.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CommunityPolicing.Web.Data.Interceptors;

/// <summary>
/// Writes an audit row for every insert, update and delete, in the same transaction as the change.
/// Values are captured before saving (so updates keep their old values); an insert's values are read after saving,
/// so they carry the database-generated keys. Personal fields (<see cref="PersonalAttribute"/>) are named, never
/// copied. One instance serves every pooled context; who saves is the <see cref="AppDbContext.Actor"/> of the context.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>
    /// Secrets and bulky data (file contents, search vectors) never named in the audit trail. An appeal's tracking code
    /// and idempotency key are <see cref="PersonalAttribute"/> (named, not copied): with either, an administrator
    /// reading the trail could follow the appeal.
    /// </summary>
    private static readonly HashSet<string> RedactedProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value", "Version", "Content", "SearchVector", "TokenHash", "IdempotencyHash"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    private static readonly ConcurrentDictionary<PropertyInfo, bool> Personal = new();

    private sealed record Change(EntityEntry Entry, string Action, Dictionary<string, object?>? Old, Dictionary<string, object?>? New, string[]? PersonalFields);

    private sealed class Pending(List<Change> changes, IDbContextTransaction? ownTransaction)
    {
        public List<Change> Changes { get; } = changes;
        public IDbContextTransaction? OwnTransaction { get; } = ownTransaction;
    }

    /// <summary>
    /// Synchronous saves are allowed only for what is not audited (Data Protection stores its keys that way);
    /// audited entities must be saved with SaveChangesAsync.
    /// </summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is { } db && Collect(db).Count > 0
            ? throw new NotSupportedException("Use SaveChangesAsync: audited changes are written asynchronously.")
            : result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context;
        if (db is null)
        {
            return result;
        }

        _pending.Remove(db); // a pooled context may carry what an earlier save left after an exception
        var changes = Collect(db);
        if (changes.Count == 0)
        {
            return result;
        }

        var own = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        _pending.AddOrUpdate(db, new Pending(changes, own));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context;
        if (db is null || !_pending.TryGetValue(db, out var pending))
        {
            return result;
        }

        _pending.Remove(db);
        var principal = db is AppDbContext { Actor: { } actor } ? await actor.GetAsync() : new ClaimsPrincipal();
        var now = clock.GetUtcNow();
        foreach (var change in pending.Changes)
        {
            // Before saving, an insert's keys (and the keys it refers to) were EF's temporary values.
            var values = change.Action == AuditActions.Insert ? Values(change.Entry, p => p.CurrentValue) : change.New;
            db.Add(new AuditEntry
            {
                At = now,
                UserId = principal.FindFirstValue(ClaimTypes.NameIdentifier),
                UserName = principal.Identity?.Name,
                Role = principal.FindFirstValue(ClaimTypes.Role),
                Action = change.Action,
                EntityType = change.Entry.Metadata.ClrType.Name,
                EntityKey = KeyOf(change.Entry),
                OldValues = change.Old is null ? null : JsonSerializer.Serialize(change.Old, Json),
                NewValues = values is null ? null : JsonSerializer.Serialize(values, Json),
                PersonalFields = change.PersonalFields,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (pending.OwnTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            // Also after a failure (the connection broke): a retry of the save must open a fresh transaction.
            if (pending.OwnTransaction is { } transaction)
            {
                await DisposeQuietlyAsync(transaction);
            }
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            if (pending.OwnTransaction is { } transaction)
            {
                // On a broken connection the rollback itself fails; the server rolled back already, and the
                // original error (transient, so retried) is what matters.
                try
                {
                    await transaction.RollbackAsync(cancellationToken);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
                {
                }

                await DisposeQuietlyAsync(transaction);
            }
        }
    }

    private static async Task DisposeQuietlyAsync(IDbContextTransaction transaction)
    {
        try
        {
            await transaction.DisposeAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
        }
    }

    private static List<Change> Collect(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e))
            .Select(Capture)
            .OfType<Change>()
            .ToList();
    }

    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is not AuditEntry and not DataProtectionKey;

    private static Change? Capture(EntityEntry entry)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                return new Change(entry, AuditActions.Insert, null, null, PersonalNames(Recorded(entry).Where(p => p.CurrentValue is not null)));
            case EntityState.Deleted:
                return new Change(entry, AuditActions.Delete, Values(entry, p => p.OriginalValue), null,
                    PersonalNames(Recorded(entry).Where(p => p.OriginalValue is not null)));
            default:
                var modified = Recorded(entry).Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                var plain = modified.Where(p => !IsPersonal(p)).ToList();
                return modified.Count == 0
                    ? null
                    : new Change(entry, AuditActions.Update,
                        plain.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue),
                        plain.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue),
                        PersonalNames(modified));
        }
    }

    private static IEnumerable<PropertyEntry> Recorded(EntityEntry entry) =>
        entry.Properties.Where(p => !RedactedProperties.Contains(p.Metadata.Name));

    private static Dictionary<string, object?> Values(EntityEntry entry, Func<PropertyEntry, object?> value) =>
        Recorded(entry).Where(p => !IsPersonal(p)).ToDictionary(p => p.Metadata.Name, value);

    private static string[]? PersonalNames(IEnumerable<PropertyEntry> properties) =>
        properties.Where(IsPersonal).Select(p => p.Metadata.Name).ToArray() is { Length: > 0 } names ? names : null;

    private static bool IsPersonal(PropertyEntry property) =>
        property.Metadata.PropertyInfo is { } info && Personal.GetOrAdd(info, i => i.IsDefined(typeof(PersonalAttribute)));

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
}
