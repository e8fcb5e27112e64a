using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Notifications;

/// <summary>
/// What an appeal's step tells the people who act on it, added to the step's own unit of work so the notice and the
/// step are saved together or not at all. Whoever took the step is not told of it.
/// </summary>
public static class AppealNotices
{
    /// <summary>The officer the appeal is now assigned to.</summary>
    public static async Task AssignedAsync(AppDbContext db, long appealId, int officerId, string actorUserId, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Officers.Where(o => o.Id == officerId).Select(o => o.UserId).FirstOrDefaultAsync(ct);
        Add(db, [user], NotificationKind.AppealAssigned, appealId, actorUserId, now);
    }

    /// <summary>The department's chiefs, and the post's own chief, for an appeal that needs their eye.</summary>
    public static async Task ToChiefsAsync(AppDbContext db, NotificationKind kind, long appealId, int departmentId, int? precinctId,
        string actorUserId, DateTimeOffset now, CancellationToken ct)
    {
        var chiefs = await db.Users
            .Where(u => u.DepartmentId == departmentId && (u.PrecinctId == null || u.PrecinctId == precinctId)
                        && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.StationChief)))
            .Select(u => u.Id).ToListAsync(ct);
        Add(db, chiefs, kind, appealId, actorUserId, now);
    }

    private static void Add(AppDbContext db, IEnumerable<string?> users, NotificationKind kind, long appealId, string actorUserId, DateTimeOffset now) =>
        db.Notifications.AddRange(users.OfType<string>().Where(u => u != actorUserId).Distinct()
            .Select(u => new Notification { UserId = u, Kind = kind, AppealId = appealId, CreatedAt = now }));
}
