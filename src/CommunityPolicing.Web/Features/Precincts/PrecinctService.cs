using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Precincts;

/// <summary>Posts, their beats and equipment. Every query starts from the signed-in user's scope.</summary>
public sealed class PrecinctService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider clock,
    DepartmentZones zones)
{
    public async Task<PageResult<PrecinctRow>> ListAsync(PrecinctListQuery query, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var precincts = db.Precincts.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Like.Containing(query.Search);
            precincts = precincts.Where(p => EF.Functions.ILike(p.Name, pattern) || EF.Functions.ILike(p.Number, pattern)
                || EF.Functions.ILike(p.Address, pattern));
        }

        if (query.Status is { } status)
        {
            precincts = precincts.Where(p => p.Status == status);
        }

        if (query.DepartmentId is { } department)
        {
            precincts = precincts.Where(p => p.DepartmentId == department);
        }

        var total = await precincts.CountAsync(ct);
        precincts = (query.SortBy, query.Descending) switch
        {
            ("Name", false) => precincts.OrderBy(p => p.Name).ThenBy(p => p.Id),
            ("Name", true) => precincts.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            ("Department", false) => precincts.OrderBy(p => p.Department!.Name).ThenBy(p => p.Number.Length).ThenBy(p => p.Number),
            ("Department", true) => precincts.OrderByDescending(p => p.Department!.Name).ThenBy(p => p.Number.Length).ThenBy(p => p.Number),
            ("Status", false) => precincts.OrderBy(p => p.Status).ThenBy(p => p.Id),
            ("Status", true) => precincts.OrderByDescending(p => p.Status).ThenBy(p => p.Id),
            ("Beats", false) => precincts.OrderBy(p => p.Beats.Count).ThenBy(p => p.Id),
            ("Beats", true) => precincts.OrderByDescending(p => p.Beats.Count).ThenBy(p => p.Id),
            // Post numbers are text ("17", "3A"): shorter first puts 3 before 17.
            (_, true) => precincts.OrderByDescending(p => p.Number.Length).ThenByDescending(p => p.Number).ThenBy(p => p.Id),
            _ => precincts.OrderBy(p => p.Number.Length).ThenBy(p => p.Number).ThenBy(p => p.Id),
        };

        var items = await precincts.Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(p => new PrecinctRow(
                p.Id, p.Number, p.Name, p.Department!.Name, p.Kind, p.Status,
                p.Beats.Count, p.Beats.Count(b => b.OfficerId == null), p.AuthorisedPosts,
                p.Officers.Count(o => o.Position == OfficerPosition.DistrictInspector || o.Position == OfficerPosition.SeniorDistrictInspector)))
            .ToListAsync(ct);
        return new PageResult<PrecinctRow>(items, total);
    }
    /// <summary>The passport, or null when the post does not exist or is outside the user's scope.</summary>
    public async Task<PrecinctPassport?> GetPassportAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var header = await db.Precincts.AsNoTracking().VisibleTo(scope).Where(p => p.Id == id)
            .Select(p => new
            {
                Precinct = p,
                Department = p.Department!.Name,
                p.Department.Jurisdiction,
                Filled = p.Officers.Count(o => o.Position == OfficerPosition.DistrictInspector || o.Position == OfficerPosition.SeniorDistrictInspector),
            })
            .FirstOrDefaultAsync(ct);
        if (header is null)
        {
            await audit.AccessDeniedIfExistsAsync(db.Precincts, id, ct);
            return null;
        }

        var equipment = await db.EquipmentItems.AsNoTracking().Where(e => e.PrecinctId == id).OrderBy(e => e.Kind)
            .Select(e => new EquipmentLine(e.Id, e.Kind, e.Planned, e.Installed, e.Version)).ToListAsync(ct);
        var beats = await db.Beats.AsNoTracking().Where(b => b.PrecinctId == id).OrderBy(b => b.Name)
            .Select(b => new BeatLine(b.Id, b.Name, b.Population, b.Households, b.OfficerId,
                b.Officer == null ? null : b.Officer.FullName, b.BoundaryGeoJson != null)).ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Where(o => o.PrecinctId == id).OrderBy(o => o.Position).ThenBy(o => o.FullName)
            .Select(o => new OfficerLine(o.Id, o.FullName, o.Rank, o.Position, o.LivesOnBeat, o.Beats.Count)).ToListAsync(ct);

        var p = header.Precinct;
        return new PrecinctPassport(p.Id, p.DepartmentId, header.Department, p.Number, p.Name, p.Address, p.Latitude, p.Longitude,
            p.Kind, p.Status, p.PlannedOn, p.ConstructionStartedOn, p.OpenedOn, p.ClosedOn, p.RoundTheClock, p.ReceptionHours,
            new Staffing(p.AuthorisedPosts, header.Filled), scope.CanEditDepartment(p.DepartmentId), equipment, beats, officers, header.Jurisdiction);
    }

    public async Task<PrecinctForm?> GetFormAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var p = await db.Precincts.AsNoTracking().VisibleTo(scope).FirstOrDefaultAsync(p => p.Id == id, ct);
        return p is null || !scope.CanEditDepartment(p.DepartmentId) ? null : new PrecinctForm
        {
            Id = p.Id,
            DepartmentId = p.DepartmentId,
            Number = p.Number,
            Name = p.Name,
            Address = p.Address,
            Latitude = p.Latitude,
            Longitude = p.Longitude,
            Kind = p.Kind,
            Status = p.Status,
            PlannedOn = ToDateTime(p.PlannedOn),
            ConstructionStartedOn = ToDateTime(p.ConstructionStartedOn),
            OpenedOn = ToDateTime(p.OpenedOn),
            ClosedOn = ToDateTime(p.ClosedOn),
            RoundTheClock = p.RoundTheClock,
            ReceptionHours = p.ReceptionHours,
            AuthorisedPosts = p.AuthorisedPosts,
            Version = p.Version,
        };
    }

    public async Task<SaveResult> SaveAsync(PrecinctForm form, CancellationToken ct = default)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var scope = await currentUser.GetScopeAsync(ct);
        if (!scope.CanEditDepartment(form.DepartmentId))
        {
            return SaveResult.Missing;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        Precinct precinct;
        if (form.Id == 0)
        {
            precinct = new Precinct { Number = "", Name = "", Address = "" };
            precinct.Equipment.AddRange(Enum.GetValues<EquipmentKind>().Select(kind => new EquipmentItem { Kind = kind }));
            db.Precincts.Add(precinct);
        }
        else
        {
            var existing = await db.Precincts.VisibleTo(scope).FirstOrDefaultAsync(p => p.Id == form.Id, ct);
            if (existing is null || !scope.CanEditDepartment(existing.DepartmentId))
            {
                return SaveResult.Missing;
            }

            precinct = existing;
            db.Entry(precinct).Property(p => p.Version).OriginalValue = form.Version;
            if (precinct.DepartmentId != form.DepartmentId)
            {
                // The post's officers move to another department with it: their accounts' sessions end.
                await SecurityStamps.RenewAsync(db, await db.Officers.Where(o => o.PrecinctId == precinct.Id && o.UserId != null)
                    .Select(o => o.UserId!).ToListAsync(ct), ct);
            }
        }

        precinct.DepartmentId = form.DepartmentId;
        precinct.Number = form.Number.Trim();
        precinct.Name = form.Name.Trim();
        precinct.Address = form.Address.Trim();
        precinct.Latitude = form.Latitude;
        precinct.Longitude = form.Longitude;
        precinct.Kind = form.Kind;
        precinct.Status = form.Status;
        precinct.PlannedOn = ToDateOnly(form.PlannedOn);
        precinct.ConstructionStartedOn = ToDateOnly(form.ConstructionStartedOn);
        precinct.OpenedOn = ToDateOnly(form.OpenedOn);
        precinct.ClosedOn = ToDateOnly(form.ClosedOn);
        precinct.RoundTheClock = form.RoundTheClock;
        precinct.ReceptionHours = Text.OrNull(form.ReceptionHours);
        precinct.AuthorisedPosts = form.AuthorisedPosts;
        return await SaveResult.SaveAsync(db, () => precinct.Id, nameof(PrecinctForm.Number), ct);
    }

    /// <summary>Saves planned and installed counts of every equipment line of a post in one transaction.</summary>
    public async Task<SaveResult> SaveEquipmentAsync(int precinctId, IReadOnlyList<EquipmentLine> lines, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        foreach (var line in lines)
        {
            errors.When(line.Planned is < 0 or > 100_000, $"{line.Kind}.Planned", "Validation.Range")
                .When(line.Installed is < 0 or > 100_000, $"{line.Kind}.Installed", "Validation.Range");
        }

        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var precinct = await db.Precincts.VisibleTo(scope).Include(p => p.Equipment).FirstOrDefaultAsync(p => p.Id == precinctId, ct);
        if (precinct is null || !scope.CanEditDepartment(precinct.DepartmentId))
        {
            return SaveResult.Missing;
        }

        foreach (var line in lines)
        {
            var item = precinct.Equipment.FirstOrDefault(e => e.Id == line.Id);
            if (item is null)
            {
                return SaveResult.Stale;
            }

            db.Entry(item).Property(e => e.Version).OriginalValue = line.Version;
            item.Planned = line.Planned;
            item.Installed = line.Installed;
        }

        return await SaveResult.SaveAsync(db, () => precinctId, null, ct);
    }

    public async Task<BeatDetails?> GetBeatAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var beat = await db.Beats.AsNoTracking().VisibleTo(scope).Where(b => b.Id == id)
            .Select(b => new BeatDetails(b.Id, b.PrecinctId, b.Precinct!.Number, b.Precinct.Name, b.Precinct.Department!.Name,
                b.Name, b.Population, b.Households, b.Description, b.BoundaryGeoJson, b.OfficerId,
                b.Officer == null ? null : b.Officer.FullName, b.Officer == null ? null : b.Officer.Rank,
                b.Officer == null ? null : b.Officer.Phone, false, b.Version))
            .FirstOrDefaultAsync(ct);
        if (beat is null)
        {
            await audit.AccessDeniedIfExistsAsync(db.Beats, id, ct);
            return null;
        }

        var departmentId = await db.Precincts.Where(p => p.Id == beat.PrecinctId).Select(p => p.DepartmentId).FirstAsync(ct);
        return beat with { CanEdit = scope.CanEditDepartment(departmentId) };
    }

    public async Task<SaveResult> SaveBeatAsync(BeatForm form, CancellationToken ct = default)
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

        if (form.OfficerId is { } officerId && !await db.Officers.AnyAsync(o => o.Id == officerId && o.PrecinctId == form.PrecinctId, ct))
        {
            return SaveResult.Invalid(nameof(BeatForm.OfficerId), "Validation.OfficerOfAnotherPost");
        }

        Beat beat;
        if (form.Id == 0)
        {
            beat = new Beat { Name = "" };
            db.Beats.Add(beat);
        }
        else
        {
            var existing = await db.Beats.FirstOrDefaultAsync(b => b.Id == form.Id && b.PrecinctId == form.PrecinctId, ct);
            if (existing is null)
            {
                return SaveResult.Missing;
            }

            beat = existing;
            db.Entry(beat).Property(b => b.Version).OriginalValue = form.Version;
        }

        beat.PrecinctId = form.PrecinctId;
        beat.Name = form.Name.Trim();
        beat.Population = form.Population;
        beat.Households = form.Households;
        beat.Description = Text.OrNull(form.Description);
        beat.BoundaryGeoJson = Text.OrNull(form.BoundaryGeoJson);
        if (beat.OfficerId != form.OfficerId)
        {
            var zone = await zones.OfAsync(precinct.DepartmentId, ct);
            beat.OfficerAssignedOn = form.OfficerId is null ? null : LocalTime.Date(clock.GetUtcNow(), zone);
        }

        beat.OfficerId = form.OfficerId;
        return await SaveResult.SaveAsync(db, () => beat.Id, nameof(BeatForm.Name), ct);
    }

    /// <summary>Departments the user may pick: all for administrators, their own otherwise.</summary>
    public async Task<IReadOnlyList<Option>> DepartmentsAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().VisibleTo(scope).OrderBy(d => d.Name)
            .Select(d => new Option(d.Id, d.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Option>> PrecinctOptionsAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Precincts.AsNoTracking().VisibleTo(scope)
            .OrderBy(p => p.Department!.Name).ThenBy(p => p.Number.Length).ThenBy(p => p.Number)
            .Select(p => new Option(p.Id, p.Number + " · " + p.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Option>> OfficerOptionsAsync(int precinctId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Officers.AsNoTracking().VisibleTo(scope).Where(o => o.PrecinctId == precinctId).OrderBy(o => o.FullName)
            .Select(o => new Option(o.Id, o.FullName)).ToListAsync(ct);
    }

    /// <summary>Beats of one post, or of every post the user may see when no post is given.</summary>
    public async Task<IReadOnlyList<Option>> BeatOptionsAsync(int? precinctId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Beats.AsNoTracking().VisibleTo(scope).Where(b => precinctId == null || b.PrecinctId == precinctId)
            .OrderBy(b => b.Precinct!.Number.Length).ThenBy(b => b.Precinct!.Number).ThenBy(b => b.Name)
            .Select(b => new Option(b.Id, b.Name)).ToListAsync(ct);
    }

    /// <summary>Figures for the home page, aggregated in PostgreSQL over the user's scope.</summary>
    public async Task<RegistrySummary> SummaryAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var posts = await db.Precincts.AsNoTracking().VisibleTo(scope).GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Operating = g.Count(p => p.Status == PrecinctStatus.Operating),
            Building = g.Count(p => p.Status == PrecinctStatus.Planned || p.Status == PrecinctStatus.UnderConstruction),
            Authorised = g.Sum(p => p.AuthorisedPosts),
        }).FirstOrDefaultAsync(ct);
        var officers = await db.Officers.AsNoTracking().VisibleTo(scope)
            .Where(o => o.Position == OfficerPosition.DistrictInspector || o.Position == OfficerPosition.SeniorDistrictInspector)
            .GroupBy(_ => 1).Select(g => new { Filled = g.Count(), NotOnBeat = g.Count(o => !o.LivesOnBeat) }).FirstOrDefaultAsync(ct);
        var beats = await db.Beats.AsNoTracking().VisibleTo(scope).GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Vacant = g.Count(b => b.OfficerId == null) }).FirstOrDefaultAsync(ct);
        return new RegistrySummary(posts?.Total ?? 0, posts?.Operating ?? 0, posts?.Building ?? 0, beats?.Total ?? 0, beats?.Vacant ?? 0,
            new Staffing(posts?.Authorised ?? 0, officers?.Filled ?? 0), officers?.NotOnBeat ?? 0);
    }

    private static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private static DateOnly? ToDateOnly(DateTime? date) => date is null ? null : DateOnly.FromDateTime(date.Value);
}

public sealed record RegistrySummary(int Posts, int Operating, int PlannedOrBuilding, int Beats, int VacantBeats, Staffing Staffing, int NotLivingOnBeat);
