using System.Globalization;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Prevention;

/// <summary>
/// Persons on preventive record. Scope is <see cref="ScopeFilters"/>' narrowest: the responsible post's officers,
/// juvenile-affairs inspectors for juveniles, the chief. Every read of a list or a record is audited.
/// </summary>
public sealed class RecordService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, AuditLog audit)
{
    /// <summary>Every record of the chief's department, removed ones included; nobody else exports (policy and this check).</summary>
    public async Task<IReadOnlyList<RecordRow>> ExportAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        if (!scope.IsChief)
        {
            return [];
        }

        var rows = await ListAsync(dueOnly: false, includeRemoved: true, page: 0, pageSize: 100_000, ct);
        await audit.WriteAsync(AuditActions.Export, null, nameof(PreventiveRecord), null, new { rows = rows.Items.Count }, ct: ct);
        return rows.Items;
    }

    public async Task<PageResult<RecordRow>> ListAsync(bool dueOnly = false, bool includeRemoved = false, int page = 0, int pageSize = 25,
        CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = await currentUser.TodayAsync(ct);
        var records = db.PreventiveRecords.AsNoTracking().VisibleTo(scope).Where(r => includeRemoved || r.RemovedOn == null)
            .Select(r => new
            {
                r.Id,
                r.Category,
                r.FullName,
                r.StartedOn,
                r.RemovedOn,
                r.CheckEveryDays,
                Precinct = r.Precinct!.Name,
                LastCheck = r.Checks.Max(c => (DateOnly?)c.CheckedOn),
            })
            .Select(x => new
            {
                Row = x,
                // RecordChecks.NextDue, in SQL so the due filter and paging stay in the database.
                NextDue = x.RemovedOn != null ? (DateOnly?)null
                    : (x.LastCheck != null && x.LastCheck > x.StartedOn ? x.LastCheck.Value : x.StartedOn).AddDays(x.CheckEveryDays),
            });
        if (dueOnly)
        {
            records = records.Where(x => x.NextDue != null && x.NextDue <= today);
        }

        var rows = await records.OrderBy(x => x.NextDue).ThenBy(x => x.Row.FullName).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        var total = Paging.TotalFrom(page, pageSize, rows.Count) ?? await records.CountAsync(ct);
        await audit.WriteAsync(AuditActions.Read, null, nameof(PreventiveRecord), null, new { list = true, rows = rows.Count, dueOnly }, ct: ct);
        return new PageResult<RecordRow>([.. rows.Select(x => new RecordRow(x.Row.Id, x.Row.Category, x.Row.FullName, x.Row.Precinct,
            x.Row.StartedOn, x.Row.LastCheck, x.NextDue, RecordChecks.IsDue(x.NextDue, today), x.Row.RemovedOn))], total);
    }

    public async Task<RecordDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = await db.PreventiveRecords.AsNoTracking().VisibleTo(scope).Include(r => r.Precinct)
            .Include(r => r.Checks).ThenInclude(c => c.Officer).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            await audit.AccessDeniedIfExistsAsync(db.PreventiveRecords, id, ct);
            return null;
        }

        await audit.WriteAsync(AuditActions.Read, null, nameof(PreventiveRecord), id.ToString(CultureInfo.InvariantCulture), ct: ct);
        var today = await currentUser.TodayAsync(ct);
        var next = RecordChecks.NextDue(record.StartedOn, record.CheckEveryDays, record.Checks.Max(c => (DateOnly?)c.CheckedOn), record.RemovedOn);
        return new RecordDetails(record.Id, record.Category, record.FullName, record.BirthDate, record.Address, record.Grounds, record.Precinct!.Name,
            record.StartedOn, record.CheckEveryDays, next, RecordChecks.IsDue(next, today), record.RemovedOn, record.RemovalReason,
            [.. record.Checks.OrderByDescending(c => c.CheckedOn).Select(c => (c.CheckedOn, c.Officer?.FullName, c.Note))], record.Version);
    }

    /// <summary>Puts a person on record at the user's post (officers) or any post of the department (chiefs).</summary>
    public async Task<SaveResult> AddAsync(RecordForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var errors = form.Validate(await currentUser.TodayAsync(ct));
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var precinct = await db.Precincts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == form.PrecinctId, ct);
        if (precinct is null || !((scope.IsChief && scope.DepartmentId == precinct.DepartmentId) || (scope.IsOfficer && scope.PrecinctId == precinct.Id)))
        {
            return SaveResult.Missing;
        }

        var record = new PreventiveRecord
        {
            DepartmentId = precinct.DepartmentId,
            PrecinctId = precinct.Id,
            Category = form.Category,
            FullName = form.FullName.Trim(),
            BirthDate = DateOnly.FromDateTime(form.BirthDate!.Value),
            Address = Text.OrNull(form.Address),
            Grounds = form.Grounds.Trim(),
            StartedOn = DateOnly.FromDateTime(form.StartedOn!.Value),
            CheckEveryDays = form.CheckEveryDays,
        };
        db.PreventiveRecords.Add(record);
        return await SaveResult.SaveAsync(db, () => record.Id, null, ct);
    }

    /// <summary>Logs a check visit by the signed-in officer (or the chief).</summary>
    public async Task<SaveResult> CheckAsync(int id, DateTime? checkedOn, string? note, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = await currentUser.TodayAsync(ct);
        if (checkedOn is null || DateOnly.FromDateTime(checkedOn.Value) > today)
        {
            return SaveResult.Invalid(nameof(RecordCheck.CheckedOn), checkedOn is null ? "Validation.Required" : "Validation.NotInFuture");
        }

        var record = await db.PreventiveRecords.VisibleTo(scope).FirstOrDefaultAsync(r => r.Id == id && r.RemovedOn == null, ct);
        if (record is null)
        {
            return SaveResult.Missing;
        }

        db.RecordChecks.Add(new RecordCheck { RecordId = id, CheckedOn = DateOnly.FromDateTime(checkedOn.Value), OfficerId = scope.OfficerId, Note = Text.OrNull(note) });
        return await SaveResult.SaveAsync(db, () => id, null, ct);
    }

    /// <summary>Takes a person off the record, with the reason and date.</summary>
    public async Task<SaveResult> RemoveAsync(int id, string? reason, uint version, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return SaveResult.Invalid(nameof(PreventiveRecord.RemovalReason), "Validation.ReasonRequired");
        }

        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var record = await db.PreventiveRecords.VisibleTo(scope).FirstOrDefaultAsync(r => r.Id == id && r.RemovedOn == null, ct);
        if (record is null)
        {
            return SaveResult.Missing;
        }

        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        record.RemovedOn = await currentUser.TodayAsync(ct);
        record.RemovalReason = reason.Trim();
        return await SaveResult.SaveAsync(db, () => id, null, ct);
    }
}
