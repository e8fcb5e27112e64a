using System.Security.Claims;
using CommunityPolicing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Security;

/// <summary>The one place that turns the signed-in principal into a <see cref="UserScope"/>.</summary>
public sealed class CurrentUser(PrincipalAccessor principals, IDbContextFactory<AppDbContext> factory, TimeProvider clock, DepartmentZones zones)
{
    private Task<UserScope>? _scope;

    // The task is kept, not its result: a prerendered page starts its components' reads together, and they all wait
    // for the one query instead of each sending its own. A failed read is not kept.
    public Task<UserScope> GetScopeAsync(CancellationToken ct = default) =>
        _scope is { IsFaulted: false, IsCanceled: false } ? _scope : _scope = ReadScopeAsync(ct);

    private async Task<UserScope> ReadScopeAsync(CancellationToken ct)
    {
        var principal = await principals.GetAsync();
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return UserScope.Nobody;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        return await ReadAsync(db, userId, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// The scope of an account as the database has it now: nobody when it is gone or locked. An officer account's post
    /// and department are its officer record's (a transfer moves them; no record, no scope), never the account's copy.
    /// Calendar links use it for their owner on every fetch.
    /// </summary>
    public static async Task<UserScope> ReadAsync(AppDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && (u.LockoutEnd == null || u.LockoutEnd < now))
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.FullName,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                u.DepartmentId,
                Officer = db.Officers.Where(o => o.UserId == u.Id)
                    .Select(o => new { o.Id, o.PrecinctId, o.Precinct!.DepartmentId, o.Position }).FirstOrDefault(),
                Associations = db.AssociationCoordinators.Where(c => c.UserId == u.Id).Select(c => c.AssociationId).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return UserScope.Nobody;
        }

        var role = row.Role ?? "";
        return role == Roles.DistrictOfficer
            ? new UserScope(row.Id, row.UserName ?? "", row.FullName, role, row.Officer?.DepartmentId, row.Officer?.PrecinctId, row.Officer?.Id,
                row.Associations, row.Officer?.Position)
            : new UserScope(row.Id, row.UserName ?? "", row.FullName, role, row.DepartmentId, null, null, row.Associations);
    }

    /// <summary>Today in the user's department (a coordinator's: their first association's), for "overdue" and "due".</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct = default) => Domain.LocalTime.Date(clock.GetUtcNow(), await ZoneAsync(ct));

    // The zone is looked up once per circuit or request; "today" is computed on each call so a long circuit crosses midnight.
    private string? _zone;

    /// <summary>The user's department's time zone (a coordinator's: their association's); UTC for users without one.</summary>
    public async Task<string> ZoneAsync(CancellationToken ct = default)
    {
        if (_zone is not null)
        {
            return _zone;
        }

        var scope = await GetScopeAsync(ct);
        if (scope.DepartmentId is int departmentId)
        {
            return _zone = await zones.OfAsync(departmentId, ct);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        _zone = await db.Departments
            .Where(d => d.Id == scope.DepartmentId || db.Associations.Any(a => a.DepartmentId == d.Id && scope.AssociationIds.Contains(a.Id)))
            .OrderBy(d => d.Id != scope.DepartmentId).Select(d => d.TimeZoneId).FirstOrDefaultAsync(ct) ?? "UTC";
        return _zone;
    }
}
