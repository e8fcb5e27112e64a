using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Officers;

/// <summary>District officers and the beats they serve, within the signed-in user's scope.</summary>
public sealed class OfficerService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<PageResult<OfficerRow>> ListAsync(OfficerListQuery query, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var officers = db.Officers.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Like.Containing(query.Search);
            officers = officers.Where(o => EF.Functions.ILike(o.FullName, pattern) || EF.Functions.ILike(o.BadgeNumber, pattern));
        }

        if (query.Position is { } position)
        {
            officers = officers.Where(o => o.Position == position);
        }

        if (query.PrecinctId is { } precinct)
        {
            officers = officers.Where(o => o.PrecinctId == precinct);
        }

        var total = await officers.CountAsync(ct);
        officers = (query.SortBy, query.Descending) switch
        {
            ("BadgeNumber", false) => officers.OrderBy(o => o.BadgeNumber),
            ("BadgeNumber", true) => officers.OrderByDescending(o => o.BadgeNumber),
            ("Position", false) => officers.OrderBy(o => o.Position).ThenBy(o => o.FullName).ThenBy(o => o.Id),
            ("Position", true) => officers.OrderByDescending(o => o.Position).ThenBy(o => o.FullName).ThenBy(o => o.Id),
            ("PrecinctNumber", false) => officers.OrderBy(o => o.Precinct!.Department!.Name).ThenBy(o => o.Precinct!.Number.Length)
                .ThenBy(o => o.Precinct!.Number).ThenBy(o => o.Id),
            ("PrecinctNumber", true) => officers.OrderByDescending(o => o.Precinct!.Department!.Name).ThenByDescending(o => o.Precinct!.Number.Length)
                .ThenByDescending(o => o.Precinct!.Number).ThenBy(o => o.Id),
            (_, true) => officers.OrderByDescending(o => o.FullName).ThenBy(o => o.Id),
            _ => officers.OrderBy(o => o.FullName).ThenBy(o => o.Id),
        };

        var items = await officers.Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(o => new OfficerRow(o.Id, o.FullName, o.Rank, o.BadgeNumber, o.Position,
                o.PrecinctId, o.Precinct!.Number, o.Precinct.Department!.Name, o.Beats.Count, o.LivesOnBeat, o.Precinct.Department.Jurisdiction))
            .ToListAsync(ct);
        return new PageResult<OfficerRow>(items, total);
    }

    public async Task<OfficerDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var officer = await db.Officers.AsNoTracking().VisibleTo(scope).Where(o => o.Id == id)
            .Select(o => new
            {
                o.Id,
                o.FullName,
                o.Rank,
                o.BadgeNumber,
                o.Position,
                o.LivesOnBeat,
                o.Phone,
                o.PrecinctId,
                PrecinctNumber = o.Precinct!.Number,
                PrecinctName = o.Precinct.Name,
                o.Precinct.DepartmentId,
                Department = o.Precinct.Department!.Name,
                o.Precinct.Department.Jurisdiction,
                UserName = db.Users.Where(u => u.Id == o.UserId).Select(u => u.UserName).FirstOrDefault(),
                Beats = o.Beats.OrderBy(b => b.Name).Select(b => new Option(b.Id, b.Name)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (officer is null)
        {
            await audit.AccessDeniedIfExistsAsync(db.Officers, id, ct);
            return null;
        }

        return new OfficerDetails(officer.Id, officer.FullName, officer.Rank, officer.BadgeNumber, officer.Position, officer.LivesOnBeat,
            officer.Phone, officer.PrecinctId, officer.PrecinctNumber, officer.PrecinctName, officer.Department, officer.UserName,
            scope.CanEditDepartment(officer.DepartmentId), officer.Beats, officer.Jurisdiction);
    }

    public async Task<OfficerForm?> GetFormAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var o = await db.Officers.AsNoTracking().VisibleTo(scope).Include(o => o.Precinct).Include(o => o.Beats)
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        return o is null || !scope.CanEditDepartment(o.Precinct!.DepartmentId) ? null : new OfficerForm
        {
            Id = o.Id,
            PrecinctId = o.PrecinctId,
            FullName = o.FullName,
            Rank = o.Rank,
            BadgeNumber = o.BadgeNumber,
            Position = o.Position,
            LivesOnBeat = o.LivesOnBeat,
            Phone = o.Phone,
            BeatIds = o.Beats.Select(b => b.Id).ToList(),
            Version = o.Version,
        };
    }

    /// <summary>Creates or updates an officer; the beats they serve must belong to their post.</summary>
    public async Task<SaveResult> SaveAsync(OfficerForm form, CancellationToken ct = default)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var precinct = await db.Precincts.VisibleTo(scope).FirstOrDefaultAsync(p => p.Id == form.PrecinctId, ct);
        if (precinct is null || !scope.CanEditDepartment(precinct.DepartmentId))
        {
            return SaveResult.Missing;
        }

        Officer officer;
        var transferred = false;
        if (form.Id == 0)
        {
            officer = new Officer { FullName = "", Rank = "", BadgeNumber = "" };
            db.Officers.Add(officer);
        }
        else
        {
            var existing = await db.Officers.VisibleTo(scope).Include(o => o.Beats).Include(o => o.Precinct)
                .FirstOrDefaultAsync(o => o.Id == form.Id, ct);
            if (existing is null || !scope.CanEditDepartment(existing.Precinct!.DepartmentId))
            {
                return SaveResult.Missing;
            }

            officer = existing;
            db.Entry(officer).Property(o => o.Version).OriginalValue = form.Version;
            transferred = officer.PrecinctId != form.PrecinctId || officer.Position != form.Position;
        }

        var beats = await db.Beats.Where(b => form.BeatIds.Contains(b.Id)).ToListAsync(ct);
        if (beats.Count != form.BeatIds.Count || beats.Any(b => b.PrecinctId != form.PrecinctId))
        {
            return SaveResult.Invalid(nameof(OfficerForm.BeatIds), "Validation.BeatOfAnotherPost");
        }

        officer.PrecinctId = form.PrecinctId;
        officer.FullName = form.FullName.Trim();
        officer.Rank = form.Rank.Trim();
        officer.BadgeNumber = form.BadgeNumber.Trim();
        officer.Position = form.Position;
        officer.LivesOnBeat = form.LivesOnBeat;
        officer.Phone = Text.OrNull(form.Phone);
        foreach (var released in officer.Beats.Where(b => !form.BeatIds.Contains(b.Id)).ToList())
        {
            released.OfficerId = null;
        }

        foreach (var beat in beats)
        {
            beat.Officer = officer;
        }

        // Another post (or position) is another scope: the officer's account sees it at its next sign-in, which the new
        // stamp asks for within a minute; the account's copy of the post follows the record.
        if (transferred && officer.UserId is { } account)
        {
            foreach (var user in await SecurityStamps.RenewAsync(db, [account], ct))
            {
                user.PrecinctId = form.PrecinctId;
            }
        }

        return await SaveResult.SaveAsync(db, () => officer.Id, nameof(OfficerForm.BadgeNumber), ct);
    }
}
