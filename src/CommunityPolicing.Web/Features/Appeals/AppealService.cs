using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Notifications;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommunityPolicing.Web.Features.Appeals;

/// <summary>Citizens' appeals from registration to the applicant's rating, within the signed-in user's scope.</summary>
public sealed class AppealService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{

    public async Task<AppealListPage> ListAsync(AppealListQuery query, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var zone = await currentUser.ZoneAsync(ct);
        var today = LocalTime.Date(clock.GetUtcNow(), zone);
        await using var db = await factory.CreateDbContextAsync(ct);
        var appeals = Filter(db, scope, query, today, zone);

        // A deferred join: the page's ids first (an index-only scan where an index covers the filter and order, however
        // deep the page), then only those rows with their post, officer and department.
        var ids = Sorted(appeals, query).Skip(query.Page * query.PageSize).Take(query.PageSize).Select(a => a.Id);
        var items = await Sorted(db.Appeals.AsNoTracking().Where(a => ids.Contains(a.Id)), query)
            .Select(SeesApplicants(scope) ? RowWithApplicant : Row)
            .ToListAsync(ct);
        // A department's list is at most its own appeals: counted exactly, without asking the planner first.
        var (total, estimated) = Paging.TotalFrom(query.Page, query.PageSize, items.Count) is { } told ? (told, false)
            : scope.DepartmentId is null ? await CountAsync(db, appeals, ct)
            : (await appeals.CountAsync(ct), false);
        return new AppealListPage(items, total, today, estimated);
    }

    /// <summary>
    /// The signed-in officer's own open appeals due between two days (inclusive), soonest first: the dashboard's
    /// "overdue" and "due in three days", the same rows as the list with "mine" and those filters.
    /// </summary>
    public async Task<AppealListPage> MineDueAsync(DateOnly from, DateOnly to, int take, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var today = await currentUser.TodayAsync(ct);
        if (!scope.IsOfficer || scope.PrecinctId is not int precinct || scope.OfficerId is not int officer)
        {
            return new AppealListPage([], 0, today);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var items = new List<AppealRow>(take);
        await foreach (var row in MineDue(db, precinct, officer, from, to, take).WithCancellation(ct))
        {
            items.Add(row);
        }

        return new AppealListPage(items, Paging.TotalFrom(0, take, items.Count) ?? await MineDueCount(db, precinct, officer, from, to), today);
    }

    // A list row, built once rather than as a new expression tree (and its reflection) on every page.
    private static readonly Expression<Func<Appeal, AppealRow>> RowWithApplicant = a => new AppealRow(a.Id, a.RegistrationNumber, a.RegisteredAt,
        a.CategoryId, a.Status, a.DueDate, a.Precinct == null ? null : a.Precinct.Number, a.AssignedOfficer == null ? null : a.AssignedOfficer.FullName,
        a.IsAnonymous, a.ApplicantName, a.Department!.TimeZoneId,
        a.Description.Length > AppealRow.SummaryLength ? a.Description.Substring(0, AppealRow.SummaryLength) : a.Description,
        a.Address ?? (a.Beat == null ? null : a.Beat.Name));

    private static readonly Expression<Func<Appeal, AppealRow>> Row = a => new AppealRow(a.Id, a.RegistrationNumber, a.RegisteredAt,
        a.CategoryId, a.Status, a.DueDate, a.Precinct == null ? null : a.Precinct.Number, a.AssignedOfficer == null ? null : a.AssignedOfficer.FullName,
        a.IsAnonymous, null, a.Department!.TimeZoneId, null, a.Beat == null ? null : a.Beat.Name);

    // Compiled, as the dashboard reads them on every visit. The filter is the officer's branch of ScopeFilters.VisibleTo
    // (their post, ScopeFilters.OfficersMaySee) narrowed to their own appeals.
    private static readonly Func<AppDbContext, int, int, DateOnly, DateOnly, int, IAsyncEnumerable<AppealRow>> MineDue = EF.CompileAsyncQuery(
        (AppDbContext db, int precinct, int officer, DateOnly from, DateOnly to, int take) => db.Appeals.AsNoTracking().Where(ScopeFilters.OfficersMaySee)
            .Where(a => a.PrecinctId == precinct && a.AssignedOfficerId == officer && AppealWorkflow.Open.Contains(a.Status) && a.DueDate >= from && a.DueDate <= to)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id).Take(take)
            .Select(RowWithApplicant)); // officers see their applicants

    private static readonly Func<AppDbContext, int, int, DateOnly, DateOnly, Task<int>> MineDueCount = EF.CompileAsyncQuery(
        (AppDbContext db, int precinct, int officer, DateOnly from, DateOnly to) => db.Appeals.Where(ScopeFilters.OfficersMaySee)
            .Count(a => a.PrecinctId == precinct && a.AssignedOfficerId == officer && AppealWorkflow.Open.Contains(a.Status) && a.DueDate >= from && a.DueDate <= to));

    /// <summary>Lists PostgreSQL expects to be longer than this show its estimate ("about N") instead of an exact count.</summary>
    public const int ExactCountUpTo = 50_000;

    /// <summary>
    /// Counting a national list of a million appeals would read every matching row on every page; the planner's
    /// estimate costs a plan. Shorter lists, where estimates can be far off, are counted exactly.
    /// </summary>
    private static async Task<(int Total, bool Estimated)> CountAsync(AppDbContext db, IQueryable<Appeal> appeals, CancellationToken ct)
    {
        var estimate = await QueryPlan.EstimateRowsAsync(db, appeals.Select(a => a.Id), ct);
        return estimate > ExactCountUpTo ? ((int)Math.Min(estimate, int.MaxValue), true) : (await appeals.CountAsync(ct), false);
    }

    private static IQueryable<Appeal> Sorted(IQueryable<Appeal> appeals, AppealListQuery query) => (query.SortBy, query.Descending) switch
    {
        ("DueDate", false) => appeals.OrderBy(a => a.DueDate).ThenBy(a => a.Id),
        ("DueDate", true) => appeals.OrderByDescending(a => a.DueDate).ThenByDescending(a => a.Id),
        ("Status", false) => appeals.OrderBy(a => a.Status).ThenByDescending(a => a.Id),
        ("Status", true) => appeals.OrderByDescending(a => a.Status).ThenByDescending(a => a.Id),
        ("RegistrationNumber", false) => appeals.OrderBy(a => a.Id),
        ("RegistrationNumber", true) => appeals.OrderByDescending(a => a.Id),
        ("RegisteredAt", false) => appeals.OrderBy(a => a.RegisteredAt).ThenBy(a => a.Id),
        _ => appeals.OrderByDescending(a => a.RegisteredAt).ThenByDescending(a => a.Id), // newest first by when it came in
    };

    /// <summary>The list's filters, in SQL, on top of the user's scope; shared by the list and the exports.</summary>
    private static IQueryable<Appeal> Filter(AppDbContext db, UserScope scope, AppealListQuery query, DateOnly today, string zone)
    {
        var appeals = db.Appeals.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Replace("\0", "", StringComparison.Ordinal).Trim(); // PostgreSQL text holds no NUL
            appeals = appeals.Where(a => a.SearchVector.Matches(EF.Functions.PlainToTsQuery("simple", text)) || a.RegistrationNumber == text);
        }

        if (query.Status is { } status)
        {
            appeals = appeals.Where(a => a.Status == status);
        }

        if (query.CategoryId is { } category)
        {
            appeals = appeals.Where(a => a.CategoryId == category);
        }

        if (query.PrecinctId is AppealListQuery.NoPost)
        {
            appeals = appeals.Where(a => a.PrecinctId == null);
        }
        else if (query.PrecinctId is { } precinct)
        {
            appeals = appeals.Where(a => a.PrecinctId == precinct);
        }

        if (query.BeatId is { } beat)
        {
            appeals = appeals.Where(a => a.BeatId == beat);
        }

        if (query.OfficerId is { } officer)
        {
            appeals = appeals.Where(a => a.AssignedOfficerId == officer);
        }

        if (query.Mine)
        {
            appeals = appeals.Where(a => a.AssignedOfficerId == scope.OfficerId);
        }

        if (query.DueFrom is { } from)
        {
            var fromDate = DateOnly.FromDateTime(from);
            appeals = appeals.Where(a => a.DueDate >= fromDate);
        }

        if (query.DueTo is { } to)
        {
            var toDate = DateOnly.FromDateTime(to);
            appeals = appeals.Where(a => a.DueDate <= toDate);
        }

        // Registration dates are the department's local days, as on the chief's dashboard the list drills down from.
        if (query.RegisteredFrom is { } registeredFrom)
        {
            var start = LocalTime.Range(zone, registeredFrom, registeredFrom).Start;
            appeals = appeals.Where(a => a.RegisteredAt >= start);
        }

        if (query.RegisteredTo is { } registeredTo)
        {
            var end = LocalTime.Range(zone, registeredTo, registeredTo).End;
            appeals = appeals.Where(a => a.RegisteredAt < end);
        }

        if (query.OpenOnly)
        {
            appeals = appeals.Where(a => AppealWorkflow.Open.Contains(a.Status));
        }

        if (query.OverdueOnly)
        {
            appeals = appeals.Where(a => AppealWorkflow.Open.Contains(a.Status) && a.DueDate < today);
        }

        if (query.LowRatedOnly)
        {
            appeals = appeals.Where(a => a.Rating <= LowRating);
        }

        return appeals;
    }

    /// <summary>Ratings of 1 or 2 out of 5 are flagged to the chief.</summary>
    public const int LowRating = 2;

    public const int MaxExportRows = 100_000;

    /// <summary>
    /// The filtered list for CSV and XLSX, newest first, at most <see cref="MaxExportRows"/> rows. Applicants'
    /// personal data is included only for the roles that work with applicants (chiefs and officers), and the
    /// export itself is audited.
    /// </summary>
    public async Task<AppealExport> ExportAsync(AppealListQuery query, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var zone = await currentUser.ZoneAsync(ct);
        var today = LocalTime.Date(clock.GetUtcNow(), zone);
        await using var db = await factory.CreateDbContextAsync(ct);
        var personal = SeesApplicants(scope);
        var rows = await Filter(db, scope, query, today, zone).OrderByDescending(a => a.Id).Take(MaxExportRows)
            .Select(a => new AppealExportRow(a.RegistrationNumber, a.RegisteredAt, a.Department!.TimeZoneId, a.CategoryId, a.Channel, a.Status,
                a.DueDate, a.Precinct == null ? null : a.Precinct.Name, a.Beat == null ? null : a.Beat.Name,
                a.AssignedOfficer == null ? null : a.AssignedOfficer.FullName, a.Description, a.Address,
                personal ? a.ApplicantName : null, personal ? a.ApplicantPhone : null, personal ? a.ApplicantEmail : null,
                personal ? a.ApplicantAddress : null, a.Rating))
            .ToListAsync(ct);
        await audit.WriteAsync(AuditActions.Export, null, nameof(Appeal), null, new { query, rows = rows.Count, personal }, ct: ct);
        return new AppealExport(rows, personal, today);
    }

    /// <summary>Applicants' personal data is for those who answer them: chiefs and district officers.</summary>
    private static bool SeesApplicants(UserScope scope) => scope.IsChief || scope.IsOfficer;

    public async Task<AppealDetails?> GetAsync(long id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var a = await db.Appeals.AsNoTracking().VisibleTo(scope).Where(a => a.Id == id)
            .Include(a => a.Department).Include(a => a.Precinct).Include(a => a.Beat).Include(a => a.AssignedOfficer).Include(a => a.Category)
            .FirstOrDefaultAsync(ct);
        if (a is null)
        {
            await audit.AccessDeniedIfExistsAsync(db.Appeals, id, ct);
            return null;
        }

        var timeline = await db.AppealEvents.AsNoTracking().Where(e => e.AppealId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            // People by their names; the sign-in name stored with the step only for an account since removed.
            .Select(e => new TimelineEntry(e.At, e.Kind, e.ToStatus,
                db.Users.Where(u => u.Id == e.UserId && u.FullName != "").Select(u => u.FullName).FirstOrDefault() ?? e.UserName, e.Note))
            .ToListAsync(ct);
        var attachments = await db.AppealAttachments.AsNoTracking().Where(f => f.AppealId == id).OrderBy(f => f.Id)
            .Select(f => new AttachmentInfo(f.Id, f.FileName, f.ContentType, f.Size)).ToListAsync(ct);
        var rule = await RuleAsync(db, a.Department!.Jurisdiction, ct);
        var calendar = await CalendarAsync(db, a.Department.Jurisdiction, ct);
        var registeredOn = LocalTime.Date(a.RegisteredAt, a.Department.TimeZoneId);
        var steps = AppealWorkflow.NextSteps(a.Status).Where(step => MayTake(scope, a, step)).ToList();
        var personal = SeesApplicants(scope);
        if (personal)
        {
            await audit.WriteAsync(AuditActions.Read, null, nameof(Appeal), id.ToString(CultureInfo.InvariantCulture), ct: ct);
        }

        return new AppealDetails(a.Id, a.RegistrationNumber, a.Channel, a.Status, a.CategoryId,
            a.Department.Name, a.Department.TimeZoneId, a.PrecinctId, a.Precinct?.Name, a.BeatId, a.Beat?.Name, a.AssignedOfficerId, a.AssignedOfficer?.FullName,
            a.IsAnonymous, personal ? a.ApplicantName : null, personal ? a.ApplicantPhone : null, personal ? a.ApplicantEmail : null,
            personal ? a.ApplicantAddress : null, a.Description, a.Address, a.Latitude, a.Longitude, a.RegisteredAt, a.DueDate,
            LocalTime.Date(clock.GetUtcNow(), a.Department.TimeZoneId),
            DeadlineCalculator.LatestExtension(rule, registeredOn, a.OriginalDueDate, a.DueDate, a.Extensions),
            DeadlineCalculator.RedirectBy(rule, calendar, registeredOn),
            a.Answer, a.RedirectedTo, a.Rating, a.RatingComment, a.Version, steps, timeline, attachments,
            MayTake(scope, a, AppealEventKind.Answered) && attachments.Count < AttachmentRules.MaxFiles, a.AnonymisedAt, a.StatusNote);
    }

    /// <summary>Registers an appeal taken by staff and routes it to the beat's officer.</summary>
    public Task<SaveResult> CreateAsync(AppealForm form, CancellationToken ct = default) => RegisterStaffAsync(form, ct);

    /// <summary>
    /// <see cref="CreateAsync"/> with the receipt to hand to the applicant: the only time staff see the tracking code
    /// (the appeal's page, lists and exports never show it).
    /// </summary>
    public async Task<(SaveResult Result, IntakeReceipt? Receipt)> RegisterAtIntakeAsync(AppealForm form, CancellationToken ct = default)
    {
        var result = await RegisterStaffAsync(form, ct);
        if (!result.Succeeded)
        {
            return (result, null);
        }

        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var receipt = await db.Appeals.AsNoTracking().Where(a => a.Id == result.Id)
                .Select(a => new IntakeReceipt(a.Id, a.RegistrationNumber, a.TrackingCode)).FirstAsync(ct);
            return (result, receipt);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            return (result, null); // saved all the same: registering again would make a second appeal
        }
    }

    private async Task<SaveResult> RegisterStaffAsync(AppealForm form, CancellationToken ct)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var scope = await currentUser.GetScopeAsync(ct);
        var departmentId = scope.IsAdministrator ? form.DepartmentId : scope.DepartmentId ?? 0;
        if (!(scope.IsAdministrator || scope.IsChief || scope.IsOfficer) || departmentId <= 0)
        {
            return departmentId <= 0 && scope.IsAdministrator ? SaveResult.Invalid(nameof(AppealForm.DepartmentId), "Validation.Required") : SaveResult.Missing;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        try
        {
            return await RegisterAsync(db, form, departmentId, scope.IsOfficer ? scope.PrecinctId : null, scope, ct);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            return SaveResult.Unavailable;
        }
    }

    /// <summary>An appeal from the public portal or an Open311 client; the department comes from the location when it can.</summary>
    private async Task<(SaveResult Result, string? TrackingCode)> RegisterPublicAsync(AppealForm form, CancellationToken ct)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return (SaveResult.Invalid(errors), null);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var departmentId = form.DepartmentId;
        if (form.Latitude is { } lat && form.Longitude is { } lon)
        {
            var beat = BeatRouter.FindBeat(lat, lon, await BoundariesAsync(db.Beats, ct));
            if (beat is { } beatId)
            {
                departmentId = await db.Beats.Where(b => b.Id == beatId).Select(b => b.Precinct!.DepartmentId).FirstAsync(ct);
            }
        }

        if (!await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            return (SaveResult.Invalid(nameof(AppealForm.DepartmentId), "Public.ChoosePlace"), null);
        }

        var result = await RegisterAsync(db, form, departmentId, null, UserScope.Nobody, ct);
        var code = result.Succeeded ? await db.Appeals.Where(a => a.Id == result.Id).Select(a => a.TrackingCode).FirstAsync(ct) : null;
        return (result, code);
    }

    /// <summary>
    /// An appeal from the public portal or an Open311 client (<see cref="RegisterPublicAsync"/>); an unreachable
    /// database (after retries) is a notice to try again: the form keeps its idempotency key, so sending it again
    /// cannot make a second appeal.
    /// </summary>
    public async Task<(SaveResult Result, string? TrackingCode)> SubmitPublicAsync(AppealForm form, CancellationToken ct = default)
    {
        try
        {
            return await RegisterPublicAsync(form, ct);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            return (SaveResult.Unavailable, null);
        }
    }

    private async Task<SaveResult> RegisterAsync(AppDbContext db, AppealForm form, int departmentId, int? intakePrecinctId, UserScope scope,
        CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().FirstAsync(d => d.Id == departmentId, ct);
        var category = await db.AppealCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == form.CategoryId && c.Active, ct);
        if (category is null)
        {
            return SaveResult.Invalid(nameof(AppealForm.CategoryId), "Validation.Required");
        }

        // Routing: the beat picked, else the beat whose boundary holds the point; its post and officer follow.
        var beats = db.Beats.Where(b => b.Precinct!.DepartmentId == departmentId);
        var beatId = form.BeatId;
        if (beatId is { } picked && !await beats.AnyAsync(b => b.Id == picked, ct))
        {
            return SaveResult.Invalid(nameof(AppealForm.BeatId), "Validation.Required");
        }

        if (beatId is null && form.Latitude is { } lat && form.Longitude is { } lon)
        {
            beatId = BeatRouter.FindBeat(lat, lon, await BoundariesAsync(beats, ct));
        }

        var beat = beatId is null ? null : await beats.AsNoTracking().FirstAsync(b => b.Id == beatId, ct);
        var precinctId = beat?.PrecinctId ?? intakePrecinctId;
        int? officerId = null;
        if (!category.IsComplaintAboutOfficer && precinctId is not null)
        {
            // A vacant beat (or no beat) goes to the head of the post; complaints about officers stay with the chief.
            officerId = beat?.OfficerId ?? await db.Officers.Where(o => o.PrecinctId == precinctId && o.Position == OfficerPosition.PrecinctHead)
                .Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        }

        var now = clock.GetUtcNow();
        var registeredOn = LocalTime.Date(now, department.TimeZoneId);
        var due = DeadlineCalculator.DueDate(await RuleAsync(db, department.Jurisdiction, ct), await CalendarAsync(db, department.Jurisdiction, ct), registeredOn);
        var key = Text.OrNull(form.IdempotencyKey);
        var fingerprint = key is null ? null : Fingerprint(form);

        // The appeal and its files are saved together or not at all. A transient fault (the database restarting)
        // retries the whole unit with a fresh appeal; if a commit went through but its answer was lost, the retry
        // meets the idempotency key's unique index and answers with the appeal already saved.
        var strategy = db.Database.CreateExecutionStrategy();
        var saved = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            if (key is not null && await ByKeyAsync(db, key, ct) is { } earlier)
            {
                return earlier;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var appeal = await NewAppealAsync();
            db.Appeals.Add(appeal);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (key is not null && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                                              && unique.ConstraintName == IdempotencyIndex)
            {
                return null; // the same key saved concurrently: answered below, outside this failed transaction
            }

            db.AppealAttachments.AddRange(form.Attachments.Select(file => Attachment(appeal.Id, file, scope, now)));
            await (officerId is { } officer
                ? AppealNotices.AssignedAsync(db, appeal.Id, officer, scope.UserId, now, ct)
                : AppealNotices.ToChiefsAsync(db, NotificationKind.AppealUnrouted, appeal.Id, departmentId, precinctId, scope.UserId, now, ct));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Keyed(appeal.Id, fingerprint);
        });
        saved ??= await ByKeyAsync(db, key!, ct);

        // A key answers only the submission it came with: other content, or the same from another client, learns nothing.
        return saved!.Fingerprint == fingerprint ? SaveResult.Saved(checked((int)saved.Id)) : SaveResult.Invalid("", IdempotencyKeyReused);

        async Task<Appeal> NewAppealAsync()
        {
            var number = await db.Database.SqlQuery<long>($"SELECT nextval('appeal_numbers') AS \"Value\"").SingleAsync(ct);
            var appeal = new Appeal
            {
                RegistrationNumber = $"{registeredOn.Year}-{number:D6}",
                TrackingCode = NewTrackingCode(),
                IdempotencyKey = key,
                IdempotencyHash = fingerprint,
                DepartmentId = departmentId,
                PrecinctId = precinctId,
                BeatId = beatId,
                AssignedOfficerId = officerId,
                CategoryId = category.Id,
                Channel = form.Channel,
                Status = officerId is null ? AppealStatus.Registered : AppealStatus.Assigned,
                IsAnonymous = form.IsAnonymous,
                ApplicantName = form.IsAnonymous ? null : Text.OrNull(form.ApplicantName),
                ApplicantPhone = form.IsAnonymous ? null : Text.OrNull(form.ApplicantPhone),
                ApplicantEmail = form.IsAnonymous ? null : Text.OrNull(form.ApplicantEmail),
                ApplicantAddress = form.IsAnonymous ? null : Text.OrNull(form.ApplicantAddress),
                PublishDetails = form.PublishDetails,
                Description = form.Description.Trim(),
                Address = Text.OrNull(form.Address),
                Latitude = form.Latitude,
                Longitude = form.Longitude,
                RegisteredAt = now,
                OriginalDueDate = due,
                DueDate = due,
            };
            appeal.Events.Add(Event(now, scope, AppealEventKind.Registered, null, AppealStatus.Registered, null));
            if (officerId is not null)
            {
                appeal.Events.Add(Event(now, scope, AppealEventKind.Assigned, AppealStatus.Registered, AppealStatus.Assigned, null));
            }

            return appeal;
        }
    }

    /// <summary>The unique index on appeals' idempotency keys (EF's default name).</summary>
    private const string IdempotencyIndex = "ix_appeals_idempotency_key";

    /// <summary>The answer to a submission whose idempotency key is already stored with other content or from another client.</summary>
    public const string IdempotencyKeyReused = "Appeal.IdempotencyKeyReused";

    private sealed record Keyed(long Id, string? Fingerprint);

    private static async Task<Keyed?> ByKeyAsync(AppDbContext db, string key, CancellationToken ct) =>
        await db.Appeals.AsNoTracking().Where(a => a.IdempotencyKey == key).Select(a => new Keyed(a.Id, a.IdempotencyHash)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// SHA-256 of everything a submission carries and of the client that sent it (<see cref="AppealForm.IdempotencyClient"/>),
    /// stored with its idempotency key. A key stored before fingerprints existed has none, and matches nothing.
    /// </summary>
    private static string Fingerprint(AppealForm form)
    {
        var content = JsonSerializer.Serialize(new object?[]
        {
            form.IdempotencyClient, form.Channel.ToString(), form.DepartmentId, form.CategoryId, form.BeatId, form.Description, form.Address,
            form.Latitude?.ToString("R", CultureInfo.InvariantCulture), form.Longitude?.ToString("R", CultureInfo.InvariantCulture),
            form.IsAnonymous, form.ApplicantName, form.ApplicantPhone, form.ApplicantEmail, form.ApplicantAddress, form.PublishDetails,
            form.Attachments.Select(a => $"{a.FileName}:{Convert.ToHexString(SHA256.HashData(a.Content))}").ToArray(),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Attaches a photo or scan to an appeal the user works on.</summary>
    public async Task<SaveResult> AttachAsync(long id, AttachmentUpload file, CancellationToken ct = default)
    {
        if (AttachmentRules.Check(file.Content.Length, file.Content) is { } problem)
        {
            return SaveResult.Invalid(nameof(AppealForm.Attachments), problem);
        }

        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var appeal = await db.Appeals.VisibleTo(scope).Include(a => a.Category).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appeal is null || !MayTake(scope, appeal, AppealEventKind.Answered))
        {
            return SaveResult.Missing;
        }

        if (await db.AppealAttachments.CountAsync(f => f.AppealId == id, ct) >= AttachmentRules.MaxFiles)
        {
            return SaveResult.Invalid(nameof(AppealForm.Attachments), "Attachment.TooMany");
        }

        db.AppealAttachments.Add(Attachment(id, file, scope, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(0);
    }

    /// <summary>An attachment's bytes, for a user who may see the appeal; null otherwise.</summary>
    public async Task<AttachmentFile?> GetAttachmentAsync(long appealId, long attachmentId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var file = await db.AppealAttachments.AsNoTracking()
            .Where(f => f.Id == attachmentId && f.AppealId == appealId && db.Appeals.VisibleTo(scope).Any(a => a.Id == appealId))
            .Select(f => new AttachmentFile(f.FileName, f.ContentType, f.Content)).FirstOrDefaultAsync(ct);
        if (file is not null)
        {
            await audit.WriteAsync(AuditActions.Read, null, nameof(AppealAttachment), attachmentId.ToString(CultureInfo.InvariantCulture), ct: ct);
        }

        return file;
    }

    private static AppealAttachment Attachment(long appealId, AttachmentUpload file, UserScope scope, DateTimeOffset now)
    {
        var type = AttachmentRules.DetectContentType(file.Content)!;
        return new()
        {
            AppealId = appealId,
            FileName = AttachmentRules.StoredName(file.FileName, type),
            ContentType = type,
            Size = file.Content.Length,
            Content = file.Content,
            UploadedAt = now,
            UploadedBy = scope.UserName.Length == 0 ? null : scope.UserName,
        };
    }

    public Task<SaveResult> AssignAsync(long id, int officerId, string? note, uint version, CancellationToken ct = default) =>
        StepAsync(id, AppealEventKind.Assigned, version, note, async (db, appeal, _) =>
        {
            var officer = await db.Officers.Where(o => o.Id == officerId && o.Precinct!.DepartmentId == appeal.DepartmentId)
                .Select(o => new { o.Id, o.PrecinctId }).FirstOrDefaultAsync(ct);
            if (officer is null)
            {
                return "Validation.OfficerOfAnotherPost";
            }

            appeal.AssignedOfficerId = officer.Id;
            appeal.PrecinctId = officer.PrecinctId;
            return null;
        }, ct);

    public Task<SaveResult> StartAsync(long id, uint version, CancellationToken ct = default) =>
        StepAsync(id, AppealEventKind.Started, version, null, (_, _, _) => Task.FromResult<string?>(null), ct);

    public Task<SaveResult> AnswerAsync(long id, string answer, string? statusNote, uint version, CancellationToken ct = default) =>
        StepAsync(id, AppealEventKind.Answered, version, null, (_, appeal, now) =>
        {
            if (string.IsNullOrWhiteSpace(answer) || answer.Length > 10_000)
            {
                return Task.FromResult<string?>(string.IsNullOrWhiteSpace(answer) ? "Validation.Required" : "Validation.TooLong");
            }

            appeal.Answer = answer.Trim();
            appeal.AnsweredAt = now;
            appeal.StatusNote = Text.OrNull(statusNote);
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<SaveResult> ExtendAsync(long id, DateOnly newDue, string reason, uint version, CancellationToken ct = default) =>
        StepAsync(id, AppealEventKind.Extended, version, $"{newDue:yyyy-MM-dd}: {reason}", async (db, appeal, _) =>
        {
            var department = await db.Departments.AsNoTracking().FirstAsync(d => d.Id == appeal.DepartmentId, ct);
            var problem = DeadlineCalculator.CheckExtension(await RuleAsync(db, department.Jurisdiction, ct),
                LocalTime.Date(appeal.RegisteredAt, department.TimeZoneId), appeal.OriginalDueDate, appeal.DueDate, appeal.Extensions, newDue, reason);
            if (problem is null)
            {
                appeal.DueDate = newDue;
                appeal.Extensions++;
            }

            return problem;
        }, ct);

    public Task<SaveResult> RedirectAsync(long id, string body, string? note, uint version, CancellationToken ct = default) =>
        StepAsync(id, AppealEventKind.Redirected, version, $"{body}{(string.IsNullOrWhiteSpace(note) ? "" : ": " + note)}", (_, appeal, now) =>
        {
            if (string.IsNullOrWhiteSpace(body) || body.Length > 300)
            {
                return Task.FromResult<string?>(string.IsNullOrWhiteSpace(body) ? "Validation.Required" : "Validation.TooLong");
            }

            appeal.RedirectedTo = body.Trim();
            appeal.RedirectedAt = now;
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<SaveResult> CloseAsync(long id, string? note, uint version, CancellationToken ct = default) =>
        StepAsync(id, AppealEventKind.Closed, version, note, (_, appeal, now) =>
        {
            appeal.ClosedAt = now;
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>Applies one workflow step: scope, role and legality checked, timeline written, stale versions refused.</summary>
    private async Task<SaveResult> StepAsync(long id, AppealEventKind step, uint version, string? note,
        Func<AppDbContext, Appeal, DateTimeOffset, Task<string?>> apply, CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var appeal = await db.Appeals.VisibleTo(scope).Include(a => a.Category).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appeal is null)
        {
            return SaveResult.Missing;
        }

        if (!AppealWorkflow.CanApply(appeal.Status, step) || !MayTake(scope, appeal, step))
        {
            return SaveResult.Invalid("", "Appeal.StepNotAllowed");
        }

        db.Entry(appeal).Property(a => a.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        var from = appeal.Status;
        if (await apply(db, appeal, now) is { } problem)
        {
            return SaveResult.Invalid("", problem);
        }

        appeal.Status = AppealWorkflow.After(from, step);
        appeal.Events.Add(Event(now, scope, step, from, appeal.Status, Text.OrNull(note)));
        if (step == AppealEventKind.Assigned)
        {
            await AppealNotices.AssignedAsync(db, appeal.Id, appeal.AssignedOfficerId!.Value, scope.UserId, now, ct);
        }

        return await SaveResult.SaveAsync(db, () => checked((int)appeal.Id), null, ct);
    }

    /// <summary>Who may take which step: chiefs and administrators all; officers work their post's appeals but do not extend.</summary>
    private static bool MayTake(UserScope scope, Appeal appeal, AppealEventKind step) =>
        scope.IsAdministrator || scope.IsChief
        || (scope.IsOfficer && step is not AppealEventKind.Extended and not AppealEventKind.Assigned
            && appeal.PrecinctId == scope.PrecinctId && appeal.Category?.IsComplaintAboutOfficer != true);

    /// <summary>
    /// The applicant's view by tracking code; null for an unknown code. It is the applicant's own appeal, so it shows
    /// whatever category it has (complaints about officers too); staff signed in get it without the rating form.
    /// </summary>
    public async Task<PublicAppealView?> TrackAsync(string code, CancellationToken ct = default)
    {
        code = NormaliseCode(code);
        var applicant = IsApplicant(await currentUser.GetScopeAsync(ct));
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Appeals.AsNoTracking().Where(a => a.TrackingCode == code)
            .Select(a => new PublicAppealView(a.RegistrationNumber, a.TrackingCode, a.CategoryId, a.Status, a.RegisteredAt, a.DueDate,
                a.Precinct == null ? null : a.Precinct.Name, a.Answer, a.AnsweredAt, a.RedirectedTo, a.StatusNote, a.Rating,
                applicant && a.Rating == null && !a.IsAnonymous && (a.Status == AppealStatus.Answered || a.Status == AppealStatus.Closed),
                a.Department!.TimeZoneId))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Only a visitor who is not signed in acts as the applicant: a member of staff holding a code is not one.</summary>
    private static bool IsApplicant(UserScope scope) => scope.UserId.Length == 0;

    /// <summary>The applicant rates the answer once, 1–5, with an optional comment; staff are refused (and it is audited).</summary>
    public async Task<SaveResult> RateAsync(string code, int rating, string? comment, CancellationToken ct = default)
    {
        if (rating is < 1 or > 5)
        {
            return SaveResult.Invalid("Rating", "Validation.Range");
        }

        if (comment?.Length > 2000)
        {
            return SaveResult.Invalid("Comment", "Validation.TooLong");
        }

        code = NormaliseCode(code);
        await using var db = await factory.CreateDbContextAsync(ct);
        var appeal = await db.Appeals.FirstOrDefaultAsync(a => a.TrackingCode == code, ct);
        if (appeal is null)
        {
            return SaveResult.Missing;
        }

        if (!IsApplicant(await currentUser.GetScopeAsync(ct)))
        {
            await audit.AccessDeniedAsync(nameof(Appeal), appeal.Id.ToString(CultureInfo.InvariantCulture), ct);
            return SaveResult.Invalid("Rating", "Appeal.RatingApplicantOnly");
        }

        if (appeal.Rating is not null || appeal.IsAnonymous || !AppealWorkflow.CanApply(appeal.Status, AppealEventKind.Rated))
        {
            return SaveResult.Invalid("Rating", "Appeal.RatingNotAllowed");
        }

        var now = clock.GetUtcNow();
        appeal.Rating = rating;
        appeal.RatingComment = Text.OrNull(comment);
        appeal.RatedAt = now;
        appeal.Events.Add(Event(now, UserScope.Nobody, AppealEventKind.Rated, appeal.Status, appeal.Status, $"{rating}/5"));
        if (rating <= LowRating)
        {
            await AppealNotices.ToChiefsAsync(db, NotificationKind.AppealLowRating, appeal.Id, appeal.DepartmentId, appeal.PrecinctId, "", now, ct);
        }

        return await SaveResult.SaveAsync(db, () => 0, null, ct);
    }

    public async Task<IReadOnlyList<AppealCategory>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AppealCategories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ToListAsync(ct);
    }

    /// <summary>
    /// The places the public form offers (the public may write to any department): each department by the city or
    /// district it serves, named and sorted in the citizen's language.
    /// </summary>
    public async Task<IReadOnlyList<Option>> PublicPlacesAsync(CultureInfo culture, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
        var language = culture.TwoLetterISOLanguageName;
        return departments.Select(d => new Option(d.Id, d.Place(language))).OrderBy(o => o.Name, StringComparer.Create(culture, true)).ToList();
    }

    private static AppealEvent Event(DateTimeOffset at, UserScope scope, AppealEventKind kind, AppealStatus? from, AppealStatus to, string? note) =>
        new()
        {
            At = at,
            Kind = kind,
            FromStatus = from,
            ToStatus = to,
            UserId = scope.UserId.Length == 0 ? null : scope.UserId,
            UserName = scope.UserName.Length == 0 ? null : scope.UserName,
            Note = note,
        };

    private static async Task<List<BeatRouter.Candidate>> BoundariesAsync(IQueryable<Beat> beats, CancellationToken ct) =>
        await beats.AsNoTracking().Where(b => b.BoundaryGeoJson != null)
            .Select(b => new BeatRouter.Candidate(b.Id, b.BoundaryGeoJson!)).ToListAsync(ct);

    private static async Task<DeadlineRule> RuleAsync(AppDbContext db, Jurisdiction jurisdiction, CancellationToken ct) =>
        await db.DeadlineRules.AsNoTracking().FirstOrDefaultAsync(r => r.Jurisdiction == jurisdiction, ct) ?? DeadlineRule.Defaults[jurisdiction];

    private static async Task<WorkCalendar> CalendarAsync(AppDbContext db, Jurisdiction jurisdiction, CancellationToken ct) =>
        new(await db.CalendarDays.AsNoTracking().Where(d => d.Jurisdiction == jurisdiction).ToListAsync(ct));

    // Crockford's base32 without look-alikes: 12 characters, 60 random bits.
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static string NewTrackingCode() => string.Create(12, 0, (chars, _) =>
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CodeAlphabet[bytes[i] % 32];
        }
    });

    public static string NormaliseCode(string code) =>
        new([.. code.Trim().ToUpperInvariant().Replace('O', '0').Replace('I', '1').Replace('L', '1').Where(char.IsAsciiLetterOrDigit)]);
}
