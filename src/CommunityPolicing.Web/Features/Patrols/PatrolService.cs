using System.Linq.Expressions;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPolicing.Web.Features.Patrols;

/// <summary>
/// Joint patrols: planning with the conflict rules, the patrol's life and its report, lists, calendar and coverage.
/// Coordinators plan for their associations, officers for their post, chiefs for their department.
/// </summary>
public sealed class PatrolService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider clock,
    IOptions<PatrolLimits> limits, DepartmentZones zones)
{
    private const int MaxCalendarRows = 1000;

    public async Task<PageResult<PatrolRow>> ListAsync(PatrolQuery query, int page = 0, int pageSize = 25, bool newestFirst = false,
        CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var patrols = Filter(db.Patrols.AsNoTracking().VisibleTo(scope), query, scope);
        var total = await patrols.CountAsync(ct);
        var ordered = newestFirst ? patrols.OrderByDescending(p => p.StartsAt).ThenByDescending(p => p.Id) : patrols.OrderBy(p => p.StartsAt).ThenBy(p => p.Id);
        return new PageResult<PatrolRow>(await RowsAsync(ordered.Skip(page * pageSize).Take(pageSize), ct), total);
    }

    /// <summary>The user's own patrols from today on, in start order, without counting them all (the dashboard's few).</summary>
    public async Task<IReadOnlyList<PatrolRow>> UpcomingAsync(int take, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var today = await currentUser.TodayAsync(ct);
        if (scope.OfficerId is not int officer)
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = new List<PatrolRow>(take);
        await foreach (var row in OnFrom(db, officer, today, take).WithCancellation(ct))
        {
            rows.Add(Row(row));
        }

        return rows;
    }

    /// <summary>The schedule for an export, in start order (at most 10,000 rows); the export is audited.</summary>
    public async Task<IReadOnlyList<PatrolRow>> ExportAsync(PatrolQuery query, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var patrols = Filter(db.Patrols.AsNoTracking().VisibleTo(scope), query, scope);
        var rows = await RowsAsync(patrols.OrderBy(p => p.StartsAt).ThenBy(p => p.Id).Take(10_000), ct);
        await audit.WriteAsync(AuditActions.Export, null, nameof(Patrol), null, new { rows = rows.Count, query.From, query.To, query.AssociationId }, ct: ct);
        return rows;
    }

    /// <summary>Patrols on the days from and to (inclusive) for the week and month calendar, in start order.</summary>
    public async Task<IReadOnlyList<PatrolRow>> CalendarAsync(DateOnly from, DateOnly to, PatrolQuery query, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var patrols = Filter(db.Patrols.AsNoTracking().VisibleTo(scope), query with { From = from, To = to }, scope);
        return await RowsAsync(patrols.OrderBy(p => p.StartsAt).ThenBy(p => p.Id).Take(MaxCalendarRows), ct);
    }

    private static IQueryable<Patrol> Filter(IQueryable<Patrol> patrols, PatrolQuery query, UserScope scope)
    {
        if (query.From is { } from)
        {
            patrols = patrols.Where(p => p.Date >= from);
        }

        if (query.To is { } to)
        {
            patrols = patrols.Where(p => p.Date <= to);
        }

        if (query.Status is { } status)
        {
            patrols = patrols.Where(p => p.Status == status);
        }

        if (query.PrecinctId is { } precinct)
        {
            patrols = patrols.Where(p => p.PrecinctId == precinct);
        }

        if (query.AssociationId is { } association)
        {
            patrols = patrols.Where(p => p.AssociationId == association);
        }

        if (query.Mine && scope.OfficerId is { } officer)
        {
            patrols = patrols.Where(p => p.Participants.Any(x => x.OfficerId == officer));
        }

        return patrols;
    }

    // A list row as read, its expression built once instead of on every read (the dashboard reads patrols on each visit).
    private sealed record PatrolListing(int Id, DateOnly Date, DateTimeOffset StartsAt, DateTimeOffset EndsAt, PatrolStatus Status, string Precinct,
        string? Association, List<string> Beats, int Officers, int Confirmed, int Invited, int Declined, string Zone);

    private static readonly Expression<Func<Patrol, PatrolListing>> Listing = p => new PatrolListing(p.Id, p.Date, p.StartsAt, p.EndsAt, p.Status,
        p.Precinct!.Name, p.Association == null ? null : p.Association.Name, p.Beats.OrderBy(b => b.Name).Select(b => b.Name).ToList(),
        p.Participants.Count(x => x.OfficerId != null),
        p.Participants.Count(x => x.VolunteerId != null && x.Response == ParticipantResponse.Confirmed),
        p.Participants.Count(x => x.VolunteerId != null),
        p.Participants.Count(x => x.VolunteerId != null && x.Response == ParticipantResponse.Declined),
        p.Department!.TimeZoneId);

    // Compiled, as the dashboard reads it on every visit: a patrol an officer is on is one they see (ScopeFilters).
    private static readonly Func<AppDbContext, int, DateOnly, int, IAsyncEnumerable<PatrolListing>> OnFrom = EF.CompileAsyncQuery(
        (AppDbContext db, int officer, DateOnly from, int take) => db.Patrols.AsNoTracking()
            .Where(p => p.Date >= from && p.Participants.Any(x => x.OfficerId == officer))
            .OrderBy(p => p.StartsAt).ThenBy(p => p.Id).Take(take).Select(Listing));

    private static async Task<IReadOnlyList<PatrolRow>> RowsAsync(IQueryable<Patrol> patrols, CancellationToken ct)
    {
        var rows = await patrols.Select(Listing).ToListAsync(ct);
        return [.. rows.Select(Row)];
    }

    private static PatrolRow Row(PatrolListing r) => new(r.Id, r.Date, LocalTimeOf(r.StartsAt, r.Zone), LocalTimeOf(r.EndsAt, r.Zone), r.Status,
        r.Precinct, r.Association, string.Join(", ", r.Beats), r.Officers, r.Confirmed, r.Invited, r.Declined);

    public async Task<PatrolDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var patrol = await db.Patrols.AsNoTracking().VisibleTo(scope).Where(p => p.Id == id)
            .Include(p => p.Precinct).Include(p => p.Association).Include(p => p.Beats).Include(p => p.Offences)
            .Include(p => p.Participants).ThenInclude(x => x.Officer)
            .Include(p => p.Participants).ThenInclude(x => x.Volunteer)
            .AsSplitQuery().FirstOrDefaultAsync(ct);
        if (patrol is null)
        {
            await audit.AccessDeniedIfExistsAsync(db.Patrols, id, ct);
            return null;
        }

        var zone = await zones.OfAsync(patrol.DepartmentId, ct);
        var participants = patrol.Participants
            .OrderBy(x => x.OfficerId is null).ThenBy(x => x.Officer?.FullName ?? x.Volunteer!.FullName)
            .Select(x => x.Officer is { } officer
                ? new ParticipantLine(x.Id, x.OfficerId, null, officer.FullName, officer.Phone, x.Response, x.Present, x.Hours)
                : new ParticipantLine(x.Id, null, x.VolunteerId, x.Volunteer!.FullName, x.Volunteer.Phone, x.Response, x.Present, x.Hours))
            .ToList();
        return new PatrolDetails(patrol.Id, patrol.Date, LocalTimeOf(patrol.StartsAt, zone), LocalTimeOf(patrol.EndsAt, zone), patrol.Status,
            patrol.PrecinctId, patrol.Precinct!.Name, patrol.AssociationId, patrol.Association?.Name, [.. patrol.Beats.Select(b => b.Name).Order()],
            patrol.MeetingPoint, patrol.Route, patrol.Briefing, patrol.CancelReason, patrol.SeriesId,
            patrol.ActualStart is { } s ? LocalTimeOf(s, zone) : null, patrol.ActualEnd is { } e ? LocalTimeOf(e, zone) : null,
            patrol.Incidents, patrol.PersonsHandedOver, patrol.ReportNotes, participants,
            [.. patrol.Offences.OrderBy(o => o.Category).Select(o => new OffenceLine(o.Category, o.Detected, o.Prevented))],
            MayPlan(scope, patrol.DepartmentId, patrol.PrecinctId, patrol.AssociationId), clock.GetUtcNow() >= patrol.StartsAt, patrol.Version);
    }

    public async Task<PatrolForm?> GetFormAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var p = await db.Patrols.AsNoTracking().Include(p => p.Beats).Include(p => p.Participants).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (p is null || !MayPlan(scope, p.DepartmentId, p.PrecinctId, p.AssociationId) || p.Status is PatrolStatus.Completed or PatrolStatus.Cancelled)
        {
            return null;
        }

        var zone = await zones.OfAsync(p.DepartmentId, ct);
        return new PatrolForm
        {
            Id = p.Id,
            PrecinctId = p.PrecinctId,
            AssociationId = p.AssociationId,
            Date = p.Date.ToDateTime(TimeOnly.MinValue),
            Start = LocalTimeOf(p.StartsAt, zone).ToTimeSpan(),
            End = LocalTimeOf(p.EndsAt, zone).ToTimeSpan(),
            BeatIds = [.. p.Beats.Select(b => b.Id)],
            OfficerIds = [.. p.Participants.Where(x => x.OfficerId != null).Select(x => x.OfficerId!.Value)],
            VolunteerIds = [.. p.Participants.Where(x => x.VolunteerId != null).Select(x => x.VolunteerId!.Value)],
            MeetingPoint = p.MeetingPoint,
            Route = p.Route,
            Briefing = p.Briefing,
            Version = p.Version,
        };
    }

    /// <summary>
    /// Plans one patrol or a series, or changes one. Every occurrence is checked against the conflict rules with
    /// the occurrences before it; under a per-department lock, so two planners cannot book the same person at once.
    /// </summary>
    public async Task<PlanResult> PlanAsync(PatrolForm form, CancellationToken ct = default)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return new PlanResult(SaveResult.Invalid(errors), [], 0);
        }

        var scope = await currentUser.GetScopeAsync(ct);

        // The checks and the save hold the department lock in one transaction: a transient fault (the database
        // restarting) retries the whole unit on a fresh context, checks included.
        await using var outer = await factory.CreateDbContextAsync(ct);
        try
        {
            return await outer.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                return await PlanInAsync(db, form, scope, ct);
            });
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            return new PlanResult(SaveResult.Unavailable, [], 0);
        }
    }

    private async Task<PlanResult> PlanInAsync(AppDbContext db, PatrolForm form, UserScope scope, CancellationToken ct)
    {
        var precinct = await PlannablePosts(db, scope).AsNoTracking().Include(p => p.Department).FirstOrDefaultAsync(p => p.Id == form.PrecinctId, ct);
        if (precinct is null || !MayPlan(scope, precinct.DepartmentId, precinct.Id, form.AssociationId))
        {
            return Refused(SaveResult.Missing);
        }

        Patrol? existing = null;
        if (form.Id != 0)
        {
            existing = await db.Patrols.Include(p => p.Beats).Include(p => p.Participants).FirstOrDefaultAsync(p => p.Id == form.Id, ct);
            if (existing is null || !MayPlan(scope, existing.DepartmentId, existing.PrecinctId, existing.AssociationId))
            {
                return Refused(SaveResult.Missing);
            }

            if (existing.Status is PatrolStatus.Completed or PatrolStatus.Cancelled)
            {
                return Refused(SaveResult.Invalid(nameof(PatrolForm.Date), "Patrol.Closed"));
            }

            // A patrol stays in its department: another department's chief would own it while this one still counted it.
            if (precinct.DepartmentId != existing.DepartmentId)
            {
                return Refused(SaveResult.Invalid(nameof(PatrolForm.PrecinctId), "Patrol.OtherDepartment"));
            }

            db.Entry(existing).Property(p => p.Version).OriginalValue = form.Version;
        }

        if (await CheckPeopleAsync(db, form, precinct, ct) is { } invalid)
        {
            return Refused(invalid);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(2, {precinct.DepartmentId})", ct);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(precinct.Department!.TimeZoneId);
        var first = DateOnly.FromDateTime(form.Date!.Value);
        var dates = form.IsSeries ? PatrolRecurrence.Dates(first, DateOnly.FromDateTime(form.Until!.Value), form.Weekdays) : [first];
        if (dates.Count is 0 or > PatrolRecurrence.MaxOccurrences)
        {
            return Refused(SaveResult.Invalid(nameof(PatrolForm.Until), dates.Count == 0 ? "Patrol.NoOccurrences" : "Patrol.TooManyOccurrences"));
        }

        var people = await CandidatesAsync(db, form, dates[0].AddMonths(-1), dates[^1].AddMonths(1), ct);
        var checks = new List<OccurrenceCheck>();
        var free = new List<(DateOnly Date, Shift Shift)>();
        foreach (var date in dates)
        {
            var shift = Shift.Local(date, TimeOnly.FromTimeSpan(form.Start!.Value), TimeOnly.FromTimeSpan(form.End!.Value), zone);
            var candidates = people.Select(p => new Candidate(p.Name, p.Booked, p.EligibilityOn?.Invoke(date))).ToList();
            var conflicts = PatrolRules.Check(shift, date, candidates, limits.Value);
            checks.Add(new OccurrenceCheck(date, conflicts));
            if (conflicts.Count == 0)
            {
                free.Add((date, shift));
                people.ForEach(p => p.Booked.Add(new BookedShift(0, shift, date))); // the series' own earlier occurrences count too
            }
        }

        if (free.Count == 0 || (free.Count < dates.Count && !form.SkipConflicting))
        {
            return new PlanResult(SaveResult.Invalid(nameof(PlanResult.Occurrences), "Patrol.Conflicts"), checks, 0);
        }

        var beats = await db.Beats.Where(b => form.BeatIds.Contains(b.Id)).ToListAsync(ct);
        var series = form.IsSeries ? Guid.NewGuid() : (Guid?)null;
        var saved = existing is null
            ? free.Select(o => db.Patrols.Add(new Patrol { DepartmentId = precinct.DepartmentId, SeriesId = series }).Entity).ToList()
            : [existing];
        for (var i = 0; i < saved.Count; i++)
        {
            Apply(form, precinct, saved[i], beats, free[i].Date, free[i].Shift);
        }

        var result = await SaveResult.SaveAsync(db, () => saved[0].Id, null, ct);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }

        return new PlanResult(result, checks, result.Succeeded ? saved.Count : 0);

        static PlanResult Refused(SaveResult result) => new(result, [], 0);
    }

    private static void Apply(PatrolForm form, Precinct precinct, Patrol patrol, List<Beat> beats, DateOnly date, Shift shift)
    {
        patrol.PrecinctId = precinct.Id;
        patrol.DepartmentId = precinct.DepartmentId;
        patrol.AssociationId = form.AssociationId;
        patrol.Date = date;
        patrol.StartsAt = shift.Start.ToUniversalTime();
        patrol.EndsAt = shift.End.ToUniversalTime();
        patrol.MeetingPoint = Text.OrNull(form.MeetingPoint);
        patrol.Route = Text.OrNull(form.Route);
        patrol.Briefing = Text.OrNull(form.Briefing);
        patrol.Beats.Clear();
        patrol.Beats.AddRange(beats);
        patrol.Participants.RemoveAll(x => (x.OfficerId is { } o && !form.OfficerIds.Contains(o)) || (x.VolunteerId is { } v && !form.VolunteerIds.Contains(v)));
        patrol.Participants.AddRange(form.OfficerIds.Where(o => patrol.Participants.All(x => x.OfficerId != o))
            .Select(o => new PatrolParticipant { OfficerId = o, Response = ParticipantResponse.Confirmed }));
        patrol.Participants.AddRange(form.VolunteerIds.Where(v => patrol.Participants.All(x => x.VolunteerId != v))
            .Select(v => new PatrolParticipant { VolunteerId = v, Response = ParticipantResponse.Invited }));
    }

    /// <summary>Beats of the post, officers of the department, members of the association that serves the post.</summary>
    private static async Task<SaveResult?> CheckPeopleAsync(AppDbContext db, PatrolForm form, Precinct precinct, CancellationToken ct)
    {
        if (await db.Beats.CountAsync(b => form.BeatIds.Contains(b.Id) && b.PrecinctId == precinct.Id, ct) != form.BeatIds.Count)
        {
            return SaveResult.Invalid(nameof(PatrolForm.BeatIds), "Patrol.BeatOfAnotherPost");
        }

        if (await db.Officers.CountAsync(o => form.OfficerIds.Contains(o.Id) && o.Precinct!.DepartmentId == precinct.DepartmentId, ct) != form.OfficerIds.Count)
        {
            return SaveResult.Invalid(nameof(PatrolForm.OfficerIds), "Patrol.OfficerOfAnotherDepartment");
        }

        if (form.AssociationId is { } association
            && !await db.Associations.AnyAsync(a => a.Id == association && a.Precincts.Any(p => p.Id == precinct.Id), ct))
        {
            return SaveResult.Invalid(nameof(PatrolForm.AssociationId), "Patrol.AssociationNotServing");
        }

        if (await db.Volunteers.CountAsync(v => form.VolunteerIds.Contains(v.Id) && v.AssociationId == form.AssociationId, ct) != form.VolunteerIds.Count)
        {
            return SaveResult.Invalid(nameof(PatrolForm.VolunteerIds), "Validation.MemberOfAnotherAssociation");
        }

        return null;
    }

    private sealed record Person(string Name, List<BookedShift> Booked, Func<DateOnly, EligibilityResult>? EligibilityOn);

    /// <summary>The officers and volunteers of the form with their bookings in the window and, for volunteers, eligibility by date.</summary>
    private async Task<List<Person>> CandidatesAsync(AppDbContext db, PatrolForm form, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var bookings = await db.PatrolParticipants.AsNoTracking()
            .Where(x => (x.OfficerId != null && form.OfficerIds.Contains(x.OfficerId.Value)) || (x.VolunteerId != null && form.VolunteerIds.Contains(x.VolunteerId.Value)))
            .Join(db.Patrols, x => x.PatrolId, p => p.Id, (x, p) => new { x.OfficerId, x.VolunteerId, x.Response, x.Present, Patrol = p })
            .Where(x => x.Patrol.Id != form.Id && x.Patrol.Date >= from && x.Patrol.Date <= to && x.Patrol.Status != PatrolStatus.Cancelled
                && x.Response != ParticipantResponse.Declined && x.Response != ParticipantResponse.NoShow && x.Present != false)
            .Select(x => new
            {
                x.OfficerId,
                x.VolunteerId,
                x.Patrol.Id,
                x.Patrol.Date,
                Start = x.Patrol.ActualStart ?? x.Patrol.StartsAt,
                End = x.Patrol.ActualEnd ?? x.Patrol.EndsAt,
            })
            .ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Where(o => form.OfficerIds.Contains(o.Id)).Select(o => new { o.Id, o.FullName }).ToListAsync(ct);
        var (volunteers, eligibility) = await EligibilityAsync(db, db.Volunteers.Where(v => form.VolunteerIds.Contains(v.Id)), ct);

        List<BookedShift> Booked(Func<int?, int?, bool> who) =>
            [.. bookings.Where(b => who(b.OfficerId, b.VolunteerId)).Select(b => new BookedShift(b.Id, new Shift(b.Start, b.End), b.Date))];

        return
        [
            .. officers.Select(o => new Person(o.FullName, Booked((officer, _) => officer == o.Id), null)),
            .. volunteers.Select(v => new Person(v.FullName, Booked((_, volunteer) => volunteer == v.Id), date => eligibility(v, date))),
        ];
    }

    /// <summary>The volunteers with what decides whether they may patrol on a date: their passed trainings and the rules.</summary>
    private static async Task<(List<Volunteer> Volunteers, Func<Volunteer, DateOnly, EligibilityResult> On)> EligibilityAsync(AppDbContext db,
        IQueryable<Volunteer> volunteers, CancellationToken ct)
    {
        var people = await volunteers.AsNoTracking().OrderBy(v => v.FullName).ToListAsync(ct);
        var passed = (await db.TrainingAttendance.AsNoTracking().Where(t => t.Passed && volunteers.Any(v => v.Id == t.VolunteerId))
            .Join(db.TrainingSessions, t => t.TrainingSessionId, s => s.Id, (t, s) => new { t.VolunteerId, s.Topic, s.HeldOn })
            .ToListAsync(ct)).ToLookup(t => t.VolunteerId, t => (t.Topic, t.HeldOn));
        var rules = await db.TrainingTopicRules.AsNoTracking().ToListAsync(ct);
        return (people, (v, date) => Eligibility.Check(v, passed[v.Id], rules, date));
    }

    /// <summary>Confirm, start or cancel (with a reason); completion comes with the report.</summary>
    public async Task<SaveResult> MoveAsync(int id, PatrolStatus to, string? reason, uint version, CancellationToken ct = default)
    {
        if (to == PatrolStatus.Cancelled && string.IsNullOrWhiteSpace(reason))
        {
            return SaveResult.Invalid(nameof(Patrol.CancelReason), "Validation.ReasonRequired");
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await EditableAsync(db, id, ct) is not { } patrol)
        {
            return SaveResult.Missing;
        }

        if (to == PatrolStatus.Completed || !PatrolWorkflow.CanMove(patrol.Status, to))
        {
            return SaveResult.Invalid(nameof(Patrol.Status), "Patrol.IllegalStep");
        }

        db.Entry(patrol).Property(p => p.Version).OriginalValue = version;
        patrol.Status = to;
        patrol.CancelReason = to == PatrolStatus.Cancelled ? Text.OrNull(reason) : null;
        return await SaveResult.SaveAsync(db, () => patrol.Id, null, ct);
    }

    /// <summary>A volunteer's answer to the invitation, recorded by whoever plans the patrol.</summary>
    public async Task<SaveResult> RespondAsync(int patrolId, int participantId, ParticipantResponse response, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await EditableAsync(db, patrolId, ct) is not { } patrol || patrol.Participants.FirstOrDefault(x => x.Id == participantId) is not { VolunteerId: not null } participant)
        {
            return SaveResult.Missing;
        }

        if (patrol.Status is PatrolStatus.Completed or PatrolStatus.Cancelled)
        {
            return SaveResult.Invalid(nameof(PatrolParticipant.Response), "Patrol.Closed");
        }

        participant.Response = response;
        return await SaveResult.SaveAsync(db, () => patrol.Id, null, ct);
    }

    /// <summary>
    /// Files the report once the patrol has started: actual times (on the patrol's date, past midnight when the end
    /// is before the start), who was there, and what happened. Present participants are credited the actual hours;
    /// absent volunteers become no-shows. The patrol is completed; a report may be corrected later.
    /// </summary>
    public async Task<SaveResult> ReportAsync(PatrolReportForm form, CancellationToken ct = default)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await EditableAsync(db, form.PatrolId, ct) is not { } patrol)
        {
            return SaveResult.Missing;
        }

        var now = clock.GetUtcNow();
        if (patrol.Status == PatrolStatus.Cancelled || now < patrol.StartsAt)
        {
            return SaveResult.Invalid(nameof(PatrolReportForm.ActualStart), patrol.Status == PatrolStatus.Cancelled ? "Patrol.Closed" : "Patrol.NotStarted");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(await zones.OfAsync(patrol.DepartmentId, ct));
        var actual = Shift.Local(patrol.Date, TimeOnly.FromTimeSpan(form.ActualStart!.Value), TimeOnly.FromTimeSpan(form.ActualEnd!.Value), zone);
        if (actual.Hours > 24 || actual.End > now.AddMinutes(5))
        {
            return SaveResult.Invalid(nameof(PatrolReportForm.ActualEnd), "Validation.NotInFuture");
        }

        if (form.Present.Keys.Any(id => patrol.Participants.All(x => x.Id != id)))
        {
            return SaveResult.Missing;
        }

        db.Entry(patrol).Property(p => p.Version).OriginalValue = form.Version;
        var hours = PatrolWorkflow.Hours(actual.Start, actual.End);
        foreach (var participant in patrol.Participants)
        {
            var present = form.Present.GetValueOrDefault(participant.Id, participant.Response != ParticipantResponse.Declined);
            participant.Present = present;
            participant.Hours = present ? hours : 0;
            if (participant.VolunteerId is not null)
            {
                participant.Response = present ? ParticipantResponse.Confirmed
                    : participant.Response == ParticipantResponse.Declined ? ParticipantResponse.Declined : ParticipantResponse.NoShow;
            }
        }

        patrol.ActualStart = actual.Start.ToUniversalTime();
        patrol.ActualEnd = actual.End.ToUniversalTime();
        patrol.Incidents = form.Incidents;
        patrol.PersonsHandedOver = form.PersonsHandedOver;
        patrol.ReportNotes = Text.OrNull(form.Notes);
        patrol.ReportedAt = now;
        patrol.Status = PatrolStatus.Completed;
        db.PatrolOffences.RemoveRange(patrol.Offences);
        patrol.Offences.Clear();
        patrol.Offences.AddRange(form.Offences.Where(o => o.Value.Detected + o.Value.Prevented > 0)
            .Select(o => new PatrolOffence { Category = o.Key, Detected = o.Value.Detected, Prevented = o.Value.Prevented }));
        return await SaveResult.SaveAsync(db, () => patrol.Id, null, ct);
    }

    /// <summary>Patrols that have ended without a report, among those the user plans and reports (oldest first, at most 20).</summary>
    public async Task<IReadOnlyList<PatrolRow>> AwaitingReportAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await RowsAsync(AwaitingReport(db, scope).OrderBy(p => p.StartsAt).Take(20), ct);
    }

    /// <summary>How many patrols that have ended still wait for their report (all of them, where the list shows 20).</summary>
    public async Task<int> AwaitingReportCountAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await AwaitingReport(db, scope).CountAsync(ct);
    }

    private IQueryable<Patrol> AwaitingReport(AppDbContext db, UserScope scope)
    {
        var now = clock.GetUtcNow();
        var patrols = db.Patrols.AsNoTracking().VisibleTo(scope)
            .Where(p => p.EndsAt < now && (p.Status == PatrolStatus.Planned || p.Status == PatrolStatus.Confirmed || p.Status == PatrolStatus.InProgress));
        return scope.IsOfficer ? patrols.Where(p => p.PrecinctId == scope.PrecinctId) : patrols;
    }

    /// <summary>Beats the user sees with no completed patrol in the last N days (the setting), longest neglected first.</summary>
    public async Task<PageResult<CoverageRow>> CoverageAsync(int take = 50, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var since = LocalTime.Date(clock.GetUtcNow(), "UTC").AddDays(-limits.Value.CoverageDays);
        var beats = db.Beats.AsNoTracking().VisibleTo(scope)
            .Select(b => new
            {
                Beat = b,
                Last = db.Patrols.Where(p => p.Status == PatrolStatus.Completed && p.Beats.Any(x => x.Id == b.Id)).Max(p => (DateOnly?)p.Date),
            })
            .Where(x => x.Last == null || x.Last < since);
        var total = await beats.CountAsync(ct);
        var rows = await beats.OrderBy(x => x.Last).ThenBy(x => x.Beat.Precinct!.Name).ThenBy(x => x.Beat.Name).Take(take)
            .Select(x => new CoverageRow(x.Beat.Id, x.Beat.Name, x.Beat.Precinct!.Name, x.Last)).ToListAsync(ct);
        return new PageResult<CoverageRow>(rows, total);
    }

    /// <summary>
    /// What the user may choose in the plan form for a post (and an association, for its members, with whether each
    /// may patrol on <paramref name="on"/>: the department's today when not given).
    /// </summary>
    public async Task<PlanOptions> OptionsAsync(int? precinctId, int? associationId, DateOnly? on = null, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var plannable = PlannablePosts(db, scope).AsNoTracking().Where(p => p.Status != PrecinctStatus.Closed);
        var precincts = await plannable.OrderBy(p => p.Number.Length).ThenBy(p => p.Number).Select(p => new Option(p.Id, p.Name)).Take(500).ToListAsync(ct);
        if (precinctId is not { } id || precincts.All(p => p.Id != id))
        {
            return new PlanOptions(precincts, [], [], [], [], new Dictionary<DateOnly, string>());
        }

        var department = await db.Precincts.Where(p => p.Id == id).Select(p => p.DepartmentId).FirstAsync(ct);
        var beats = await db.Beats.AsNoTracking().Where(b => b.PrecinctId == id).OrderBy(b => b.Name).Select(b => new Option(b.Id, b.Name)).ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Where(o => o.Precinct!.DepartmentId == department)
            .OrderBy(o => o.PrecinctId != id).ThenBy(o => o.FullName).Select(o => new Option(o.Id, o.FullName + " (" + o.Precinct!.Name + ")")).ToListAsync(ct);
        var associations = await db.Associations.AsNoTracking()
            .Where(a => a.Precincts.Any(p => p.Id == id) && a.Status == AssociationStatus.Active && (!scope.IsCoordinator || scope.AssociationIds.Contains(a.Id)))
            .OrderBy(a => a.Name).Select(a => new Option(a.Id, a.Name)).ToListAsync(ct);
        List<VolunteerOption> volunteers = [];
        if (associationId is { } association && associations.Any(a => a.Id == association))
        {
            var date = on ?? await currentUser.TodayAsync(ct);
            var (members, eligibility) = await EligibilityAsync(db, db.Volunteers.Where(v => v.AssociationId == association && v.Status == VolunteerStatus.Active), ct);
            volunteers = [.. members.Select(v => new VolunteerOption(v.Id, v.FullName, eligibility(v, date))).OrderBy(v => !v.Eligibility.Eligible)]; // those who may, first
        }

        return new PlanOptions(precincts, beats, officers, associations, volunteers, await HolidaysAsync(db, id, ct));
    }

    /// <summary>The public holidays of the post's country from a month ago on (a few dozen a year), by date.</summary>
    private async Task<IReadOnlyDictionary<DateOnly, string>> HolidaysAsync(AppDbContext db, int precinctId, CancellationToken ct)
    {
        var since = (await currentUser.TodayAsync(ct)).AddMonths(-1);
        var jurisdiction = db.Precincts.Where(p => p.Id == precinctId).Select(p => p.Department!.Jurisdiction);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Kind == CalendarDayKind.DayOff && d.Date >= since && jurisdiction.Contains(d.Jurisdiction))
            .ToDictionaryAsync(d => d.Date, d => d.Name, ct);
    }

    /// <summary>
    /// The post's appeals of the last 30 days by category and beat, for the police to brief a patrol with; null for
    /// users who do not see the post's appeals (coordinators).
    /// </summary>
    public async Task<HotSpots?> HotSpotsAsync(int precinctId, IReadOnlyCollection<int> beatIds, CancellationToken ct = default)
    {
        const int days = 30;
        var scope = await currentUser.GetScopeAsync(ct);
        if (!(scope.IsAdministrator || scope.IsChief || scope.IsOfficer))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().AddDays(-days);
        var appeals = db.Appeals.AsNoTracking().VisibleTo(scope).Where(a => a.PrecinctId == precinctId && a.RegisteredAt >= since && !a.Category!.IsComplaintAboutOfficer);
        if (beatIds.Count > 0)
        {
            appeals = appeals.Where(a => a.BeatId != null && beatIds.Contains(a.BeatId.Value));
        }

        var categories = await appeals.GroupBy(a => a.CategoryId).Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(3)
            .Join(db.AppealCategories, g => g.Id, c => c.Id, (g, c) => new { Category = c, g.Count }).ToListAsync(ct);
        var beats = await appeals.Where(a => a.BeatId != null).GroupBy(a => a.Beat!.Name).Select(g => new { Beat = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(3).ToListAsync(ct);
        return new HotSpots(days, [.. categories.OrderByDescending(c => c.Count).Select(c => (c.Category, c.Count))], [.. beats.Select(b => (b.Beat, b.Count))]);
    }

    /// <summary>Completed patrols the user sees, by month of their date, for the last N months (this one included).</summary>
    public async Task<IReadOnlyList<MonthOutcome>> OutcomesByMonthAsync(int months, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var today = await currentUser.TodayAsync(ct);
        var since = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Patrols.AsNoTracking().VisibleTo(scope).Where(p => p.Status == PatrolStatus.Completed && p.Date >= since)
            .GroupBy(p => new { p.Date.Year, p.Date.Month })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                Patrols = g.Count(),
                Incidents = g.Sum(p => p.Incidents ?? 0),
                HandedOver = g.Sum(p => p.PersonsHandedOver ?? 0),
                Hours = g.SelectMany(p => p.Participants).Where(x => x.VolunteerId != null && x.Present == true).Sum(x => x.Hours),
            })
            .ToListAsync(ct);
        return [.. Enumerable.Range(0, months).Select(i => since.AddMonths(i)).Select(month =>
            rows.FirstOrDefault(r => r.Year == month.Year && r.Month == month.Month) is { } r
                ? new MonthOutcome(month, r.Patrols, r.Incidents, r.HandedOver, r.Hours)
                : new MonthOutcome(month, 0, 0, 0, 0))];
    }

    /// <summary>Today in the user's department, for the calendar.</summary>
    public Task<DateOnly> TodayAsync(CancellationToken ct = default) => currentUser.TodayAsync(ct);

    /// <summary>The patrol with participants and offences when the user may change it, else null.</summary>
    private async Task<Patrol?> EditableAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var patrol = await db.Patrols.Include(p => p.Participants).Include(p => p.Offences).FirstOrDefaultAsync(p => p.Id == id, ct);
        return patrol is not null && MayPlan(scope, patrol.DepartmentId, patrol.PrecinctId, patrol.AssociationId) ? patrol : null;
    }

    /// <summary>
    /// The posts the user plans for, offered in the form and required of every save: all (administrators), the
    /// department's (chiefs), their own (officers), those their associations serve (coordinators).
    /// </summary>
    private static IQueryable<Precinct> PlannablePosts(AppDbContext db, UserScope scope) =>
        scope.IsAdministrator ? db.Precincts
        : scope.IsChief ? db.Precincts.Where(p => p.DepartmentId == scope.DepartmentId)
        : scope.IsOfficer ? db.Precincts.Where(p => p.Id == scope.PrecinctId)
        : scope.IsCoordinator ? db.Precincts.Where(p => db.Associations.Any(a => scope.AssociationIds.Contains(a.Id) && a.Precincts.Any(x => x.Id == p.Id)))
        : db.Precincts.Where(_ => false);

    /// <summary>Who plans and reports: administrators, the department's chief, the post's officers, the association's coordinators.</summary>
    public static bool MayPlan(UserScope scope, int departmentId, int precinctId, int? associationId) =>
        scope.IsAdministrator
        || (scope.IsChief && scope.DepartmentId == departmentId)
        || (scope.IsOfficer && scope.PrecinctId == precinctId)
        || (scope.IsCoordinator && associationId is { } a && scope.AssociationIds.Contains(a));

    private static TimeOnly LocalTimeOf(DateTimeOffset instant, string zone) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
}
