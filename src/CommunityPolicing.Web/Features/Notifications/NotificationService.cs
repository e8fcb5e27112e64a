using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Notifications;

/// <summary>One line of the bell: a patrol reminder (when and where) or an appeal to look at (number and category).</summary>
public sealed record NotificationLine(long Id, NotificationKind Kind, bool Read, int? PatrolId, DateTimeOffset? LocalStart, string? Precinct,
    long? AppealId, string? AppealNumber, AppealCategory? Category)
{
    public string Href => AppealId is { } appeal ? $"/appeals/{appeal}" : $"/patrols/{PatrolId}";
}

/// <summary>An appeal newly assigned to the officer and not yet opened by them: the home page's "new for you".</summary>
public sealed record NewAppeal(long Id, string RegistrationNumber, AppealCategory Category, string Summary, string? Place, DateOnly DueDate, DateTimeOffset AssignedAt);

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
            .Select(n => new
            {
                n.Id,
                n.Kind,
                n.PatrolId,
                n.AppealId,
                Read = n.ReadAt != null,
                Patrol = db.Patrols.Where(p => p.Id == n.PatrolId).Select(p => new
                {
                    p.StartsAt,
                    Precinct = p.Precinct!.Name,
                    Zone = db.Departments.Where(d => d.Id == p.DepartmentId).Select(d => d.TimeZoneId).First(),
                }).FirstOrDefault(),
                Appeal = db.Appeals.Where(a => a.Id == n.AppealId).Select(a => new { a.RegistrationNumber, a.Category }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return (unread, [.. recent.Select(n => new NotificationLine(n.Id, n.Kind, n.Read, n.PatrolId,
            n.Patrol is { } p ? TimeZoneInfo.ConvertTime(p.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(p.Zone)) : null, n.Patrol?.Precinct,
            n.AppealId, n.Appeal?.RegistrationNumber, n.Appeal?.Category))]);
    }

    /// <summary>
    /// The officer's appeals assigned since they last looked (the bell opened, or the appeal itself), newest first, while
    /// still theirs and open; the rest of their work is in the appeal list.
    /// </summary>
    public async Task<IReadOnlyList<NewAppeal>> NewlyAssignedAsync(int take = 5, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        if (scope.OfficerId is not { } officer)
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Appeals.AsNoTracking().VisibleTo(scope)
            .Where(a => a.AssignedOfficerId == officer && AppealWorkflow.Open.Contains(a.Status))
            .Select(a => new
            {
                Appeal = a,
                AssignedAt = db.Notifications.Where(n => n.UserId == scope.UserId && n.AppealId == a.Id && n.Kind == NotificationKind.AppealAssigned && n.ReadAt == null)
                    .Max(n => (DateTimeOffset?)n.CreatedAt),
            })
            .Where(x => x.AssignedAt != null)
            .OrderByDescending(x => x.AssignedAt).ThenByDescending(x => x.Appeal.Id).Take(take)
            .Select(x => new NewAppeal(x.Appeal.Id, x.Appeal.RegistrationNumber, x.Appeal.Category!,
                x.Appeal.Description.Length > AppealRow.SummaryLength ? x.Appeal.Description.Substring(0, AppealRow.SummaryLength) : x.Appeal.Description,
                x.Appeal.Address ?? (x.Appeal.Beat == null ? null : x.Appeal.Beat.Name), x.Appeal.DueDate, x.AssignedAt!.Value))
            .ToListAsync(ct);
    }

    /// <summary>The user has opened the appeal: what told them of it is read.</summary>
    public async Task MarkAppealReadAsync(long appealId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var unread = await db.Notifications.Where(n => n.UserId == scope.UserId && n.AppealId == appealId && n.ReadAt == null).ToListAsync(ct);
        unread.ForEach(n => n.ReadAt = clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
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
