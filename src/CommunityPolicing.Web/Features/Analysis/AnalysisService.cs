using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Analysis;

/// <summary>
/// Joint analysis of public order and exchange of information: the generated summary for a post and period, the
/// joint meetings' minutes and agreed actions, and the police's briefings to associations. Police (the post's
/// officers, the chief) write; coordinators of associations serving the post read.
/// </summary>
public sealed class AnalysisService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Posts the user may analyse: the officer's own, the chief's department, the coordinator's served posts.</summary>
    public async Task<IReadOnlyList<Option>> PrecinctsAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Readable(db, scope).OrderBy(p => p.Number.Length).ThenBy(p => p.Number).Select(p => new Option(p.Id, p.Name)).Take(500).ToListAsync(ct);
    }

    /// <summary>
    /// The summary for a post, or for the chief's whole department when no post is given (the quarterly report's
    /// department view); null outside the user's scope.
    /// </summary>
    public async Task<OrderSummary?> SummaryAsync(int? precinctId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var area = precinctId is { } id
            ? await Readable(db, scope).Where(p => p.Id == id).Select(p => new { p.Name, Department = p.Department!.Name, p.DepartmentId, p.Department.TimeZoneId }).FirstOrDefaultAsync(ct)
            : scope.IsChief
                ? await db.Departments.Where(d => d.Id == scope.DepartmentId).Select(d => new { d.Name, Department = d.Name, DepartmentId = d.Id, d.TimeZoneId }).FirstOrDefaultAsync(ct)
                : null;
        if (area is null)
        {
            return null;
        }

        var department = area.DepartmentId;
        var (fromInstant, toInstant) = LocalTime.Range(area.TimeZoneId, from, to);

        var appeals = db.Appeals.AsNoTracking().Where(a => (precinctId == null ? a.DepartmentId == department : a.PrecinctId == precinctId) && a.RegisteredAt >= fromInstant && a.RegisteredAt < toInstant);
        var byCategory = await appeals.GroupBy(a => a.CategoryId).Select(g => new { g.Key, Count = g.Count() })
            .Join(db.AppealCategories, g => g.Key, c => c.Id, (g, c) => new { Category = c, g.Count }).ToListAsync(ct);
        var byBeat = await appeals.Where(a => a.BeatId != null).GroupBy(a => a.Beat!.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var patrols = db.Patrols.AsNoTracking().Where(p => (precinctId == null ? p.DepartmentId == department : p.PrecinctId == precinctId) && p.Status == PatrolStatus.Completed && p.Date >= from && p.Date <= to);
        var patrolFigures = await patrols.GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            Incidents = g.Sum(p => p.Incidents ?? 0),
            HandedOver = g.Sum(p => p.PersonsHandedOver ?? 0),
        }).FirstOrDefaultAsync(ct);
        var hours = await db.PatrolParticipants.Where(x => x.VolunteerId != null && x.Present == true && patrols.Any(p => p.Id == x.PatrolId)).SumAsync(x => x.Hours, ct);
        var offences = await db.PatrolOffences.Where(o => patrols.Any(p => p.Id == o.PatrolId)).GroupBy(o => o.Category)
            .Select(g => new { g.Key, Detected = g.Sum(o => o.Detected), Prevented = g.Sum(o => o.Prevented) }).ToListAsync(ct);

        var prevention = db.PreventionActivities.AsNoTracking().Where(a => precinctId == null ? a.DepartmentId == department : a.PrecinctId == precinctId);
        var planned = await prevention.CountAsync(a => a.PlannedOn >= from && a.PlannedOn <= to, ct);
        var doneByType = await prevention.Where(a => a.DoneOn >= from && a.DoneOn <= to).GroupBy(a => a.Type)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        List<(RecordCategory, int)>? onRecord = null;
        if (scope.IsChief || scope.IsOfficer)
        {
            onRecord = [.. (await db.PreventiveRecords.Where(r => (precinctId == null ? r.DepartmentId == department : r.PrecinctId == precinctId) && r.StartedOn <= to && (r.RemovedOn == null || r.RemovedOn > to))
                .GroupBy(r => r.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).OrderBy(r => r.Key).Select(r => (r.Key, r.Count))];
        }

        return new OrderSummary(area.Name, area.Department, from, to, byCategory.Sum(c => c.Count),
            [.. byCategory.OrderByDescending(c => c.Count).Select(c => (c.Category, c.Count))],
            [.. byBeat.OrderByDescending(b => b.Count).ThenBy(b => b.Key).Select(b => (b.Key, b.Count))],
            patrolFigures?.Count ?? 0, hours, patrolFigures?.Incidents ?? 0, patrolFigures?.HandedOver ?? 0,
            [.. offences.OrderBy(o => o.Key).Select(o => (o.Key, o.Detected, o.Prevented))],
            planned, doneByType.Sum(d => d.Count), [.. doneByType.OrderBy(d => d.Key).Select(d => (d.Key, d.Count))], onRecord);
    }

    public async Task<IReadOnlyList<MeetingLine>> MeetingsAsync(int precinctId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var today = await currentUser.TodayAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var meetings = await db.JointMeetings.AsNoTracking().Where(m => m.PrecinctId == precinctId && Readable(db, scope).Any(p => p.Id == m.PrecinctId))
            .Include(m => m.Actions).OrderByDescending(m => m.HeldOn).Take(20).ToListAsync(ct);
        return [.. meetings.Select(m => new MeetingLine(m.Id, m.HeldOn, m.PeriodFrom, m.PeriodTo, m.Attendees, m.Minutes,
            [.. m.Actions.OrderBy(a => a.DueOn).Select(a => new ActionLine(a.Id, a.Text, a.Owner, a.DueOn, a.DoneOn, a.DoneOn is null && a.DueOn < today))]))];
    }

    public async Task<SaveResult> SaveMeetingAsync(MeetingForm form, CancellationToken ct = default)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await WritableAsync(db, form.PrecinctId, ct) is not { } departmentId)
        {
            return SaveResult.Missing;
        }

        static DateOnly Day(DateTime? value) => DateOnly.FromDateTime(value!.Value);
        var meeting = new JointMeeting
        {
            DepartmentId = departmentId,
            PrecinctId = form.PrecinctId,
            HeldOn = Day(form.HeldOn),
            PeriodFrom = Day(form.PeriodFrom),
            PeriodTo = Day(form.PeriodTo),
            Attendees = Text.OrNull(form.Attendees),
            Minutes = form.Minutes.Trim(),
            Actions = [.. form.Actions.Where(a => !a.IsEmpty).Select(a => new AgreedAction { Text = a.Text!.Trim(), Owner = a.Owner!.Trim(), DueOn = Day(a.DueOn) })],
        };
        db.JointMeetings.Add(meeting);
        return await SaveResult.SaveAsync(db, () => meeting.Id, null, ct);
    }

    /// <summary>Marks an agreed action done today (or reopens it).</summary>
    public async Task<SaveResult> SetActionDoneAsync(int actionId, bool done, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var action = await db.AgreedActions.FirstOrDefaultAsync(a => a.Id == actionId, ct);
        var precinct = action is null ? null : await db.JointMeetings.Where(m => m.Id == action.MeetingId).Select(m => (int?)m.PrecinctId).FirstOrDefaultAsync(ct);
        if (action is null || precinct is null || await WritableAsync(db, precinct.Value, ct) is null)
        {
            return SaveResult.Missing;
        }

        action.DoneOn = done ? await currentUser.TodayAsync(ct) : null;
        return await SaveResult.SaveAsync(db, () => action.Id, null, ct);
    }

    /// <summary>Current briefings the user may read: the police see their posts'; coordinators those for their associations.</summary>
    public async Task<IReadOnlyList<BriefingLine>> BriefingsAsync(int? precinctId = null, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var today = await currentUser.TodayAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var briefings = db.Briefings.AsNoTracking().Where(b => b.ValidUntil >= today && Readable(db, scope).Any(p => p.Id == b.PrecinctId));
        if (scope.IsCoordinator)
        {
            briefings = briefings.Where(b => b.AssociationId == null || scope.AssociationIds.Contains(b.AssociationId.Value));
        }

        if (precinctId is { } precinct)
        {
            briefings = briefings.Where(b => b.PrecinctId == precinct);
        }

        return await briefings.OrderByDescending(b => b.CreatedAt).Take(50)
            .Select(b => new BriefingLine(b.Id, b.Precinct!.Name, db.Associations.Where(a => a.Id == b.AssociationId).Select(a => a.Name).FirstOrDefault(),
                b.Title, b.Text, b.ValidUntil, db.Users.Where(u => u.Id == b.CreatedByUserId).Select(u => u.FullName).First(), b.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<SaveResult> SaveBriefingAsync(BriefingForm form, CancellationToken ct = default)
    {
        var errors = form.Validate(await currentUser.TodayAsync(ct));
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await WritableAsync(db, form.PrecinctId, ct) is not { } departmentId)
        {
            return SaveResult.Missing;
        }

        if (form.AssociationId is { } association && !await db.Associations.AnyAsync(a => a.Id == association && a.Precincts.Any(p => p.Id == form.PrecinctId), ct))
        {
            return SaveResult.Invalid(nameof(BriefingForm.AssociationId), "Patrol.AssociationNotServing");
        }

        var briefing = new Briefing
        {
            DepartmentId = departmentId,
            PrecinctId = form.PrecinctId,
            AssociationId = form.AssociationId,
            Title = form.Title.Trim(),
            Text = form.Text.Trim(),
            ValidUntil = DateOnly.FromDateTime(form.ValidUntil!.Value),
            CreatedByUserId = scope.UserId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Briefings.Add(briefing);
        return await SaveResult.SaveAsync(db, () => briefing.Id, null, ct);
    }

    /// <summary>Associations serving a post the user reads, for addressing a briefing (another scope's post: none).</summary>
    public async Task<IReadOnlyList<Option>> AssociationsAsync(int precinctId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Associations.AsNoTracking().VisibleTo(scope)
            .Where(a => a.Precincts.Any(p => p.Id == precinctId) && Readable(db, scope).Any(p => p.Id == precinctId)).OrderBy(a => a.Name)
            .Select(a => new Option(a.Id, a.Name)).ToListAsync(ct);
    }

    public async Task<bool> MayWriteAsync(int precinctId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await WritableAsync(db, precinctId, ct) is not null;
    }

    private static IQueryable<Precinct> Readable(AppDbContext db, UserScope scope) =>
        scope.IsAdministrator ? db.Precincts
        : scope.IsChief ? db.Precincts.Where(p => p.DepartmentId == scope.DepartmentId)
        : scope.IsOfficer ? db.Precincts.Where(p => p.Id == scope.PrecinctId)
        : scope.IsCoordinator ? db.Precincts.Where(p => db.Associations.Any(a => scope.AssociationIds.Contains(a.Id) && a.Precincts.Any(x => x.Id == p.Id)))
        : db.Precincts.Where(_ => false);

    /// <summary>The post's department when the user writes for it (the post's officers, the chief, administrators).</summary>
    private async Task<int?> WritableAsync(AppDbContext db, int precinctId, CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var department = await db.Precincts.Where(p => p.Id == precinctId).Select(p => (int?)p.DepartmentId).FirstOrDefaultAsync(ct);
        return department is { } d && (scope.CanEditDepartment(d) || (scope.IsOfficer && scope.PrecinctId == precinctId)) ? d : null;
    }
}
