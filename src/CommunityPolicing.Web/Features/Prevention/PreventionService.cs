using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Prevention;

/// <summary>The quarterly prevention plan of a post: planned activities, marked done with their outcome; officers keep their post's.</summary>
public sealed class PreventionService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser)
{
    /// <summary>The quarter's activities of a post (or every post the user sees when none is given), with the plan's progress.</summary>
    public async Task<QuarterPlan> QuarterAsync(DateOnly anyDayOfQuarter, int? precinctId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var quarter = PreventionPlan.QuarterOf(anyDayOfQuarter);
        var today = await currentUser.TodayAsync(ct);
        var activities = Quarter(db, scope, quarter, precinctId);
        var rows = await activities.OrderBy(a => a.PlannedOn).ThenBy(a => a.Id).Take(500)
            .Select(a => new ActivityRow(a.Id, a.Type, a.Title, a.PlannedOn, a.DoneOn, a.Precinct!.Name, a.Beat == null ? null : a.Beat.Name,
                a.ResponsibleOfficer == null ? null : a.ResponsibleOfficer.FullName, a.Attendance, a.Outcome, a.DoneOn == null && a.PlannedOn < today, a.Version))
            .ToListAsync(ct);
        var progress = await activities.ProgressAsync(today, ct);
        return new QuarterPlan(quarter, today, progress, rows, scope.IsAdministrator || scope.IsChief || scope.IsOfficer);
    }

    /// <summary>The quarter's progress alone, without its activities (the officer's dashboard).</summary>
    public async Task<PlanProgress> ProgressAsync(DateOnly anyDayOfQuarter, int? precinctId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Quarter(db, scope, PreventionPlan.QuarterOf(anyDayOfQuarter), precinctId).ProgressAsync(await currentUser.TodayAsync(ct), ct);
    }

    private static IQueryable<PreventionActivity> Quarter(AppDbContext db, UserScope scope, DateOnly quarter, int? precinctId)
    {
        var end = quarter.AddMonths(3); // outside the query: EF Core would compile the call on every read to evaluate it
        var activities = db.PreventionActivities.AsNoTracking().VisibleTo(scope).Where(a => a.PlannedOn >= quarter && a.PlannedOn < end);
        return precinctId is { } precinct ? activities.Where(a => a.PrecinctId == precinct) : activities;
    }

    public async Task<SaveResult> SaveAsync(ActivityForm form, CancellationToken ct = default)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var precinct = await db.Precincts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == form.PrecinctId, ct);
        if (precinct is null || !MayPlan(scope, precinct.DepartmentId, precinct.Id))
        {
            return SaveResult.Missing;
        }

        if ((form.BeatId is { } beat && !await db.Beats.AnyAsync(b => b.Id == beat && b.PrecinctId == precinct.Id, ct))
            || (form.ResponsibleOfficerId is { } officer && !await db.Officers.AnyAsync(o => o.Id == officer && o.Precinct!.DepartmentId == precinct.DepartmentId, ct)))
        {
            return SaveResult.Invalid(nameof(ActivityForm.BeatId), "Validation.OfficerOfAnotherPost");
        }

        PreventionActivity activity;
        if (form.Id == 0)
        {
            activity = db.PreventionActivities.Add(new PreventionActivity { Title = "", DepartmentId = precinct.DepartmentId }).Entity;
        }
        else
        {
            var existing = await db.PreventionActivities.FirstOrDefaultAsync(a => a.Id == form.Id && a.PrecinctId == precinct.Id, ct);
            if (existing is null)
            {
                return SaveResult.Missing;
            }

            activity = existing;
            db.Entry(activity).Property(a => a.Version).OriginalValue = form.Version;
        }

        activity.PrecinctId = precinct.Id;
        activity.BeatId = form.BeatId;
        activity.Type = form.Type;
        activity.Title = form.Title.Trim();
        activity.PlannedOn = DateOnly.FromDateTime(form.PlannedOn!.Value);
        activity.ResponsibleOfficerId = form.ResponsibleOfficerId;
        activity.Participants = Text.OrNull(form.Participants);
        activity.TargetGroup = Text.OrNull(form.TargetGroup);
        return await SaveResult.SaveAsync(db, () => activity.Id, null, ct);
    }

    /// <summary>Records that a planned activity took place (or corrects it).</summary>
    public async Task<SaveResult> MarkDoneAsync(DoneForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var errors = form.Validate(await currentUser.TodayAsync(ct));
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var activity = await db.PreventionActivities.FirstOrDefaultAsync(a => a.Id == form.Id, ct);
        if (activity is null || !MayPlan(scope, activity.DepartmentId, activity.PrecinctId))
        {
            return SaveResult.Missing;
        }

        db.Entry(activity).Property(a => a.Version).OriginalValue = form.Version;
        activity.DoneOn = DateOnly.FromDateTime(form.DoneOn!.Value);
        activity.Attendance = form.Attendance;
        activity.Outcome = Text.OrNull(form.Outcome);
        return await SaveResult.SaveAsync(db, () => activity.Id, null, ct);
    }

    /// <summary>Posts the user plans for, with their beats and the department's officers, for the activity form.</summary>
    public async Task<(IReadOnlyList<Option> Precincts, IReadOnlyList<Option> Beats, IReadOnlyList<Option> Officers)> OptionsAsync(int? precinctId,
        CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var precincts = await db.Precincts.AsNoTracking().VisibleTo(scope).Where(p => !scope.IsOfficer || p.Id == scope.PrecinctId)
            .OrderBy(p => p.Number.Length).ThenBy(p => p.Number).Select(p => new Option(p.Id, p.Name)).Take(500).ToListAsync(ct);
        if (precinctId is not { } id || precincts.All(p => p.Id != id))
        {
            return (precincts, [], []);
        }

        var beats = await db.Beats.AsNoTracking().Where(b => b.PrecinctId == id).OrderBy(b => b.Name).Select(b => new Option(b.Id, b.Name)).ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Where(o => o.PrecinctId == id || o.Position == OfficerPosition.JuvenileAffairsInspector)
            .Where(o => db.Precincts.Any(p => p.Id == id && p.DepartmentId == o.Precinct!.DepartmentId))
            .OrderBy(o => o.PrecinctId != id).ThenBy(o => o.FullName).Select(o => new Option(o.Id, o.FullName)).ToListAsync(ct);
        return (precincts, beats, officers);
    }

    /// <summary>Chiefs plan for the department, officers for their own post.</summary>
    private static bool MayPlan(UserScope scope, int departmentId, int precinctId) =>
        scope.CanEditDepartment(departmentId) || (scope.IsOfficer && scope.PrecinctId == precinctId);
}

public static class PreventionQueries
{
    /// <summary><see cref="PreventionPlan.Progress"/> counted in PostgreSQL, for plans too large to load.</summary>
    public static async Task<PlanProgress> ProgressAsync(this IQueryable<PreventionActivity> activities, DateOnly today, CancellationToken ct)
    {
        var counts = await activities.GroupBy(_ => 1).Select(g => new PlanProgress(
            g.Count(),
            g.Count(a => a.DoneOn != null),
            g.Count(a => a.DoneOn > a.PlannedOn),
            g.Count(a => a.DoneOn == null && a.PlannedOn < today),
            g.Count(a => a.DoneOn == null && a.PlannedOn >= today))).FirstOrDefaultAsync(ct);
        return counts ?? new PlanProgress(0, 0, 0, 0, 0);
    }
}
