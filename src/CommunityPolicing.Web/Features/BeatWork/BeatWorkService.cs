using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.BeatWork;

/// <summary>
/// The officer's log and the beat passport's working parts (places, contacts, the door-to-door tour). Officers write
/// and read their own log and keep their post's beats; chiefs read the department's and edit its passports.
/// </summary>
public sealed class BeatWorkService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<PageResult<LogLine>> LogAsync(int? officerId = null, int page = 0, int pageSize = 25, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var correctableSince = clock.GetUtcNow() - LogEntry.CorrectionWindow;
        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = db.LogEntries.AsNoTracking().VisibleTo(scope);
        if (officerId is { } officer)
        {
            entries = entries.Where(e => e.OfficerId == officer);
        }

        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(page * pageSize).Take(pageSize)
            .Select(e => new
            {
                Line = new LogLine(e.Id, e.Kind, e.At, e.Officer!.FullName, e.Beat == null ? null : e.Beat.Name, e.Place, e.Households, e.Note,
                    e.AppealId, db.Appeals.VisibleTo(scope).Where(a => a.Id == e.AppealId).Select(a => a.RegistrationNumber).FirstOrDefault(),
                    e.OfficerId == scope.OfficerId && e.CreatedAt >= correctableSince, e.CorrectedAt != null),
                e.Officer.Precinct!.Department!.TimeZoneId,
            })
            .ToListAsync(ct);
        return new PageResult<LogLine>([.. rows.Select(r => r.Line with { At = TimeZoneInfo.ConvertTime(r.Line.At, TimeZoneInfo.FindSystemTimeZoneById(r.TimeZoneId)) })],
            total);
    }

    /// <summary>One of the officer's own entries as a form to correct, while the day to correct it lasts; else null.</summary>
    public async Task<LogForm?> GetLogFormAsync(long id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = await OwnEntryAsync(db, scope, id, ct);
        if (entry is null)
        {
            return null;
        }

        var zone = await db.Precincts.Where(p => p.Id == scope.PrecinctId).Select(p => p.Department!.TimeZoneId).FirstAsync(ct);
        var local = TimeZoneInfo.ConvertTime(entry.At, TimeZoneInfo.FindSystemTimeZoneById(zone));
        return new LogForm
        {
            Kind = entry.Kind,
            BeatId = entry.BeatId,
            Place = entry.Place,
            Households = entry.Households,
            Note = entry.Note,
            AppealId = entry.AppealId,
            Date = local.Date,
            Time = new TimeSpan(local.Hour, local.Minute, 0),
        };
    }

    /// <summary>Appeals the officer may link an entry to: their own open ones, newest first.</summary>
    public async Task<IReadOnlyList<LinkableAppeal>> LinkableAppealsAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Appeals.AsNoTracking().VisibleTo(scope)
            .Where(a => scope.OfficerId != null && a.AssignedOfficerId == scope.OfficerId && AppealWorkflow.Open.Contains(a.Status))
            .OrderByDescending(a => a.RegisteredAt).Take(100)
            .Select(a => new LinkableAppeal(a.Id, a.RegistrationNumber, a.Category!))
            .ToListAsync(ct);
    }

    /// <summary>Adds an entry to the signed-in officer's own log; beats must be of the officer's post.</summary>
    public Task<SaveResult> AddLogAsync(LogForm form, CancellationToken ct = default) => SaveLogAsync(null, form, ct);

    /// <summary>Corrects one of the officer's own entries within a day of writing it; the correction is audited like any write.</summary>
    public Task<SaveResult> CorrectLogAsync(long id, LogForm form, CancellationToken ct = default) => SaveLogAsync(id, form, ct);

    private async Task<SaveResult> SaveLogAsync(long? id, LogForm form, CancellationToken ct)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var scope = await currentUser.GetScopeAsync(ct);
        if (!scope.IsOfficer || scope.OfficerId is not int officerId || scope.PrecinctId is not int precinctId)
        {
            return SaveResult.Missing;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = id is { } existing ? await OwnEntryAsync(db, scope, existing, ct) : new LogEntry { OfficerId = officerId, CreatedAt = clock.GetUtcNow() };
        if (entry is null)
        {
            return SaveResult.Invalid("", "Log.CorrectionClosed");
        }

        if (form.BeatId is { } beat && !await db.Beats.AnyAsync(b => b.Id == beat && b.PrecinctId == precinctId, ct))
        {
            return SaveResult.Invalid(nameof(LogForm.BeatId), "Validation.Required");
        }

        if (form.AppealId is { } appeal && !await db.Appeals.VisibleTo(scope).AnyAsync(a => a.Id == appeal, ct))
        {
            return SaveResult.Invalid(nameof(LogForm.AppealId), "Log.AppealUnknown");
        }

        var zoneId = await db.Precincts.Where(p => p.Id == precinctId).Select(p => p.Department!.TimeZoneId).FirstAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = clock.GetUtcNow();

        // Far dates are refused before any arithmetic (DateTimeOffset throws near its limits); the picker's kind is ignored.
        if (form.Date is { } day && (day.Date < now.UtcDateTime.Date.AddDays(-32) || day.Date > now.UtcDateTime.Date.AddDays(2)))
        {
            return SaveResult.Invalid(nameof(LogForm.Date), "Log.DateRange");
        }

        var local = form.Date is { } date && form.Time is { } time ? DateTime.SpecifyKind(date.Date + time, DateTimeKind.Unspecified) : (DateTime?)null;
        var at = local is { } l ? new DateTimeOffset(l, zone.GetUtcOffset(l)) : id is null ? now : entry.At;
        if (id is not null && at <= entry.At && entry.At - at < TimeSpan.FromMinutes(1))
        {
            at = entry.At; // the form shows minutes: the same minute keeps the time as it was written
        }

        if (at > now.AddMinutes(5) || at < now.AddDays(-31))
        {
            return SaveResult.Invalid(nameof(LogForm.Date), "Log.DateRange");
        }

        entry.BeatId = form.BeatId;
        entry.Kind = form.Kind;
        entry.At = at.ToUniversalTime();
        entry.Date = LocalTime.Date(at, zoneId);
        entry.Place = Text.OrNull(form.Place);
        entry.Households = form.Kind == LogEntryKind.DoorToDoor ? form.Households ?? 1 : null;
        entry.Note = Text.OrNull(form.Note);
        entry.AppealId = form.AppealId;
        if (id is null)
        {
            db.LogEntries.Add(entry);
        }
        else
        {
            entry.CorrectedAt = now;
        }

        return await SaveResult.SaveAsync(db, () => (int)entry.Id, null, ct);
    }

    /// <summary>The officer's own entry, tracked, while it may still be corrected.</summary>
    private async Task<LogEntry?> OwnEntryAsync(AppDbContext db, UserScope scope, long id, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - LogEntry.CorrectionWindow;
        return scope.OfficerId is not { } officer ? null
            : await db.LogEntries.FirstOrDefaultAsync(e => e.Id == id && e.OfficerId == officer && e.CreatedAt >= since, ct);
    }

    /// <summary>Beats the signed-in officer logs work on: the post's, their own first.</summary>
    public async Task<IReadOnlyList<Option>> MyBeatsAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Beats.AsNoTracking().Where(b => scope.IsOfficer && b.PrecinctId == scope.PrecinctId)
            .OrderBy(b => b.OfficerId != scope.OfficerId).ThenBy(b => b.Name).Select(b => new Option(b.Id, b.Name)).ToListAsync(ct);
    }

    /// <summary>The signed-in officer's own beats with the door-to-door tour since their appointment.</summary>
    public async Task<IReadOnlyList<MyBeat>> MyBeatsAtAGlanceAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var today = await currentUser.TodayAsync(ct);
        if (scope.OfficerId is not int officer)
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var beats = new List<MyBeat>();
        await foreach (var b in MyBeats(db, officer).WithCancellation(ct))
        {
            beats.Add(new MyBeat(b.Id, b.Name, b.Population, b.Households,
                b.OfficerAssignedOn is { } assigned ? DoorToDoorTour.Of(assigned, b.Households, b.Visited, today) : null));
        }

        return beats;
    }

    private sealed record BeatGlance(int Id, string Name, int Population, int Households, DateOnly? OfficerAssignedOn, int Visited);

    // Compiled: the dashboard runs it on every visit, and its shape never changes.
    private static readonly Func<AppDbContext, int, IAsyncEnumerable<BeatGlance>> MyBeats = EF.CompileAsyncQuery((AppDbContext db, int officer) =>
        db.Beats.AsNoTracking().Where(b => b.OfficerId == officer).OrderBy(b => b.Name)
            .Select(b => new BeatGlance(b.Id, b.Name, b.Population, b.Households, b.OfficerAssignedOn,
                db.LogEntries.Where(e => e.BeatId == b.Id && e.OfficerId == b.OfficerId && e.Kind == LogEntryKind.DoorToDoor
                    && b.OfficerAssignedOn != null && e.Date >= b.OfficerAssignedOn).Sum(e => e.Households ?? 0))));

    /// <summary>Places, contacts and the door-to-door tour of a beat the user sees; null otherwise.</summary>
    public async Task<BeatPassportExtras?> PassportAsync(int beatId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var beat = await db.Beats.AsNoTracking().VisibleTo(scope).Where(b => b.Id == beatId)
            .Select(b => new { b.Id, b.PrecinctId, b.Households, b.OfficerId, b.OfficerAssignedOn, b.Precinct!.DepartmentId, b.Precinct.Department!.TimeZoneId })
            .FirstOrDefaultAsync(ct);
        if (beat is null)
        {
            return null;
        }

        var places = await db.BeatPlaces.AsNoTracking().Where(p => p.BeatId == beatId).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        var contacts = await db.BeatContacts.AsNoTracking().Where(c => c.BeatId == beatId).OrderBy(c => c.FullName).ToListAsync(ct);
        DoorToDoorTour? tour = null;
        if (beat is { OfficerId: int officer, OfficerAssignedOn: DateOnly assigned })
        {
            var visited = await db.LogEntries.Where(e => e.BeatId == beatId && e.OfficerId == officer && e.Kind == LogEntryKind.DoorToDoor && e.Date >= assigned)
                .SumAsync(e => e.Households ?? 0, ct);
            tour = DoorToDoorTour.Of(assigned, beat.Households, visited, LocalTime.Date(clock.GetUtcNow(), beat.TimeZoneId));
        }

        // The visits are log entries and follow the log's rule (officers their own, chiefs the department's); the tour
        // above is the beat's figure, a sum without the entries' places or notes.
        var visits = await db.LogEntries.AsNoTracking().VisibleTo(scope).Where(e => e.BeatId == beatId && e.Kind == LogEntryKind.DoorToDoor)
            .OrderByDescending(e => e.At).Take(10)
            .Select(e => new LogLine(e.Id, e.Kind, e.At, e.Officer!.FullName, null, e.Place, e.Households, e.Note, null, null, false, e.CorrectedAt != null))
            .ToListAsync(ct);
        return new BeatPassportExtras(places, contacts, tour, visits, MayKeep(scope, beat.DepartmentId, beat.PrecinctId));
    }

    public Task<SaveResult> AddPlaceAsync(BeatPlaceForm form, CancellationToken ct = default) =>
        AddToBeatAsync(form.BeatId, form.Validate(), db => db.BeatPlaces.Add(new BeatPlace
        {
            BeatId = form.BeatId,
            Kind = form.Kind,
            Name = form.Name.Trim(),
            Address = Text.OrNull(form.Address),
            Notes = Text.OrNull(form.Notes),
        }).Entity, ct);

    public Task<SaveResult> AddContactAsync(BeatContactForm form, CancellationToken ct = default) =>
        AddToBeatAsync(form.BeatId, form.Validate(), db => db.BeatContacts.Add(new BeatContact
        {
            BeatId = form.BeatId,
            FullName = form.FullName.Trim(),
            Role = form.Role.Trim(),
            Phone = Text.OrNull(form.Phone),
            Notes = Text.OrNull(form.Notes),
        }).Entity, ct);

    private async Task<SaveResult> AddToBeatAsync(int beatId, FieldErrors errors, Func<AppDbContext, object> add, CancellationToken ct)
    {
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var beat = await db.Beats.Where(b => b.Id == beatId).Select(b => new { b.PrecinctId, b.Precinct!.DepartmentId }).FirstOrDefaultAsync(ct);
        if (beat is null || !MayKeep(scope, beat.DepartmentId, beat.PrecinctId))
        {
            return SaveResult.Missing;
        }

        add(db);
        return await SaveResult.SaveAsync(db, () => beatId, null, ct);
    }

    /// <summary>The passport is kept by the post's officers, the department's chief and administrators.</summary>
    private static bool MayKeep(UserScope scope, int departmentId, int precinctId) =>
        scope.CanEditDepartment(departmentId) || (scope.IsOfficer && scope.PrecinctId == precinctId);
}
