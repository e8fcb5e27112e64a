using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Data;

/// <summary>Audit rows for events that are not entity changes: sign-ins, failed sign-ins, access denials.</summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> factory, PrincipalAccessor principals, TimeProvider clock)
{
    public async Task WriteAsync(string action, string? userName, string? entityType = null, string? entityKey = null,
        object? details = null, ClaimsPrincipal? principal = null, CancellationToken ct = default)
    {
        principal ??= await principals.GetAsync();
        // jsonb holds no NUL character: a hostile search text would otherwise make the audit row, and the request, fail.
        var values = details is null ? null : JsonSerializer.Serialize(details).Replace("\\u0000", "", StringComparison.Ordinal);
        string? userId = principal.FindFirstValue(ClaimTypes.NameIdentifier), role = principal.FindFirstValue(ClaimTypes.Role);
        userName ??= principal.Identity?.Name;
        await using var db = await factory.CreateDbContextAsync(ct);
        // One INSERT rather than the change tracker and the save pipeline, which cost more than the row on every audited read.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_entries (at, user_id, user_name, role, action, entity_type, entity_key, new_values)
            VALUES ({clock.GetUtcNow()}, {userId}, {userName}, {role}, {action}, {entityType}, {entityKey}, {values}::jsonb)
            """, ct);
    }

    /// <summary>
    /// Called when a scoped lookup found nothing: if the record exists, the user asked for one outside their
    /// scope (they were told "not found"), and that is audited as an access denial.
    /// </summary>
    public async Task AccessDeniedIfExistsAsync<T, TKey>(IQueryable<T> all, TKey id, CancellationToken ct = default)
        where T : class where TKey : struct, IEquatable<TKey>
    {
        if (await all.AnyAsync(e => EF.Property<TKey>(e, "Id").Equals(id), ct))
        {
            await AccessDeniedAsync(typeof(T).Name, Convert.ToString(id, CultureInfo.InvariantCulture)!, ct);
        }
    }

    /// <summary>
    /// Audits a denial once per user, record and minute: a page is rendered twice (prerendered, then
    /// interactive) and a second row for the same attempt would only be noise.
    /// </summary>
    public async Task AccessDeniedAsync(string entityType, string key, CancellationToken ct = default)
    {
        var principal = await principals.GetAsync();
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var since = clock.GetUtcNow().AddMinutes(-1);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.UserId == userId
                && a.EntityType == entityType && a.EntityKey == key && a.At >= since, ct))
            {
                return;
            }
        }

        await WriteAsync(AuditActions.AccessDenied, null, entityType, key, principal: principal, ct: ct);
    }
}
