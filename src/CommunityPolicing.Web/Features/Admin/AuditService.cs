using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Admin;

public sealed record AuditQuery(
    string? User = null, string? Action = null, string? EntityType = null, string? EntityKey = null,
    DateTime? From = null, DateTime? To = null, int Page = 0, int PageSize = 50);

/// <summary>Reads the audit trail, newest first. Administrators only; each read is itself audited, with its filters.</summary>
public sealed class AuditService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<PageResult<AuditEntry>> ListAsync(AuditQuery query, CancellationToken ct = default)
    {
        if (!(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return new PageResult<AuditEntry>([], 0);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            entries = entries.Where(a => EF.Functions.ILike(a.UserName!, Like.Containing(query.User)));
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityKey))
        {
            entries = entries.Where(a => a.EntityKey == query.EntityKey.Trim());
        }

        if (query.From is { } from)
        {
            entries = entries.Where(a => a.At >= new DateTimeOffset(DateTime.SpecifyKind(from.Date, DateTimeKind.Utc)));
        }

        if (query.To is { } to)
        {
            entries = entries.Where(a => a.At < new DateTimeOffset(DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc)));
        }

        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(a => a.Id).Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        await audit.WriteAsync(AuditActions.Read, null, nameof(AuditEntry), null, new { query, rows = items.Count }, ct: ct);
        return new PageResult<AuditEntry>(items, total);
    }

    /// <summary>The audited entity types, from the model rather than a scan of the audit table.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return [.. db.Model.GetEntityTypes().Select(t => t.ClrType.Name).Where(n => n != nameof(AuditEntry)).Append("Page").Append("Person").Distinct().Order()];
    }
}
