using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Notifications;

public sealed record NotificationLine(long Id, NotificationKind Kind, int? PatrolId, DateTimeOffset LocalStart, string Precinct, bool Read);

/// <summary>The signed-in user's own notifications: nobody reads another's.</summary>
public sealed class NotificationService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The bell's figure, on every page: one count; the lines are read when the user opens the list.</summary>
    public async Task<int> UnreadAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == scope.UserId && n.ReadAt == null, ct);
    }

    public async Task<(int Unread, IReadOnlyList<NotificationLine> Recent)> GetAsync(int take = 10, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == scope.UserId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var recent = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Join(db.Patrols, n => n.PatrolId, p => p.Id, (n, p) => new
            {
                n.Id,
                n.Kind,
                n.PatrolId,
                p.StartsAt,
                Precinct = p.Precinct!.Name,
                Read = n.ReadAt != null,
                Zone = db.Departments.Where(d => d.Id == p.DepartmentId).Select(d => d.TimeZoneId).First(),
            })
            .ToListAsync(ct);
        return (unread, [.. recent.Select(n => new NotificationLine(n.Id, n.Kind, n.PatrolId,
            TimeZoneInfo.ConvertTime(n.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(n.Zone)), n.Precinct, n.Read))]);
    }

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var unread = await db.Notifications.Where(n => n.UserId == scope.UserId && n.ReadAt == null).ToListAsync(ct);
        unread.ForEach(n => n.ReadAt = clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
