using System.Globalization;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Features.Associations;

/// <summary>
/// Associations, their members and training. Coordinators keep their own associations, chiefs their department's,
/// district officers see members of associations serving their post by name, phone and eligibility only.
/// </summary>
public sealed class AssociationService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    public async Task<PageResult<AssociationRow>> ListAsync(int page = 0, int pageSize = 25, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var associations = db.Associations.AsNoTracking().VisibleTo(scope);
        var total = await associations.CountAsync(ct);
        var items = await associations.OrderBy(a => a.Name).Skip(page * pageSize).Take(pageSize)
            .Select(a => new AssociationRow(a.Id, a.Name, a.Kind, a.Status, a.Department!.Name, a.Members.Count(m => m.Status != VolunteerStatus.Left),
                a.Members.Count(m => m.Status == VolunteerStatus.Active), a.Members.Count(m => m.Status == VolunteerStatus.Candidate)))
            .ToListAsync(ct);
        return new PageResult<AssociationRow>(items, total);
    }

    public async Task<AssociationDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var a = await db.Associations.AsNoTracking().VisibleTo(scope).Where(a => a.Id == id)
            .Select(a => new
            {
                Association = a,
                Department = a.Department!.Name,
                a.Department.TimeZoneId,
                Precincts = a.Precincts.OrderBy(p => p.Number.Length).ThenBy(p => p.Number).Select(p => p.Name).ToList(),
                Coordinators = a.Coordinators.Join(db.Users, c => c.UserId, u => u.Id, (_, u) => u.FullName).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (a is null)
        {
            await audit.AccessDeniedIfExistsAsync(db.Associations, id, ct);
            return null;
        }

        var today = TodayIn(a.TimeZoneId);
        var members = await db.Volunteers.AsNoTracking().Where(v => v.AssociationId == id && v.Status != VolunteerStatus.Left)
            .OrderBy(v => v.FullName).ToListAsync(ct);
        var passed = await PassedTrainingsAsync(db, members.Select(m => m.Id), ct);
        var rules = await db.TrainingTopicRules.AsNoTracking().ToListAsync(ct);
        var trainings = await db.TrainingSessions.AsNoTracking().Where(t => t.AssociationId == id).OrderByDescending(t => t.HeldOn)
            .Select(t => new TrainingLine(t.Id, t.Topic, t.HeldOn, t.Hours, t.Attendance.Count, t.Attendance.Count(x => x.Passed)))
            .ToListAsync(ct);
        var x = a.Association;
        var memberHours = (await MemberHoursAsync(db, id, today, ct)).ToDictionary(h => h.VolunteerId, h => h.Month);
        return new AssociationDetails(x.Id, x.Name, x.Kind, x.Status, a.Department, x.RegisterNumber, x.RegisteredOn, x.Phone, x.Email, x.Address,
            a.Precincts, a.Coordinators, MayEdit(scope, x), MayManage(scope, x.DepartmentId), today,
            [.. members.Select(m => new MemberLine(m.Id, m.FullName, m.Phone, m.Status,
                Eligibility.Check(m, passed.GetValueOrDefault(m.Id, []), rules, today), memberHours.GetValueOrDefault(m.Id)))],
            trainings, await HoursAsync(db, id, today, ct), await PatrolHoursAsync(db, id, today, ct),
            await MonthReportAsync(db, id, new DateOnly(today.Year, today.Month, 1), ct));
    }

    /// <summary>Each current member's patrol hours this month, quarter and year, for the hours export (audited).</summary>
    public async Task<HoursExport?> HoursExportAsync(int associationId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var association = await db.Associations.AsNoTracking().VisibleTo(scope).Where(a => a.Id == associationId)
            .Select(a => new { a.Name, a.Department!.TimeZoneId }).FirstOrDefaultAsync(ct);
        if (association is null)
        {
            return null;
        }

        var today = TodayIn(association.TimeZoneId);
        var rows = await MemberHoursAsync(db, associationId, today, ct);
        await audit.WriteAsync(AuditActions.Export, null, nameof(Association), associationId.ToString(CultureInfo.InvariantCulture),
            new { rows = rows.Count, hours = true }, ct: ct);
        return new HoursExport(association.Name, today, rows);
    }

    private static async Task<List<VolunteerPatrolHours>> MemberHoursAsync(AppDbContext db, int associationId, DateOnly today, CancellationToken ct)
    {
        var (month, quarter, year) = Periods(today);
        var attendance = db.PatrolParticipants.Where(x => x.Present == true)
            .Join(db.Patrols.Where(p => p.Status == PatrolStatus.Completed && p.Date >= year && p.Date <= today), x => x.PatrolId, p => p.Id,
                (x, p) => new { x.VolunteerId, x.Hours, p.Date });
        return await db.Volunteers.AsNoTracking().Where(v => v.AssociationId == associationId && v.Status != VolunteerStatus.Left)
            .OrderBy(v => v.FullName)
            .Select(v => new VolunteerPatrolHours(v.Id, v.FullName, v.Status,
                attendance.Where(a => a.VolunteerId == v.Id && a.Date >= month).Sum(a => a.Hours),
                attendance.Where(a => a.VolunteerId == v.Id && a.Date >= quarter).Sum(a => a.Hours),
                attendance.Where(a => a.VolunteerId == v.Id).Sum(a => a.Hours)))
            .ToListAsync(ct);
    }

    /// <summary>Volunteers' hours on the association's completed patrols this month, quarter and year, summed in PostgreSQL.</summary>
    private static async Task<VolunteerHours> PatrolHoursAsync(AppDbContext db, int associationId, DateOnly today, CancellationToken ct)
    {
        var (month, quarter, year) = Periods(today);
        var hours = await db.PatrolParticipants.Where(x => x.VolunteerId != null && x.Present == true)
            .Join(db.Patrols.Where(p => p.AssociationId == associationId && p.Status == PatrolStatus.Completed && p.Date >= year && p.Date <= today),
                x => x.PatrolId, p => p.Id, (x, p) => new { x.Hours, p.Date })
            .GroupBy(_ => 1).Select(g => new VolunteerHours(
                g.Where(a => a.Date >= month).Sum(a => a.Hours), g.Where(a => a.Date >= quarter).Sum(a => a.Hours), g.Sum(a => a.Hours)))
            .FirstOrDefaultAsync(ct);
        return hours ?? new VolunteerHours(0, 0, 0);
    }

    private static (DateOnly Month, DateOnly Quarter, DateOnly Year) Periods(DateOnly today) =>
        (new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), new DateOnly(today.Year, 1, 1));

    /// <summary>Training person-hours this month, quarter and year, summed in PostgreSQL.</summary>
    private static async Task<VolunteerHours> HoursAsync(AppDbContext db, int associationId, DateOnly today, CancellationToken ct)
    {
        var (month, quarter, year) = Periods(today);
        var hours = await db.TrainingSessions.AsNoTracking().Where(t => t.AssociationId == associationId && t.HeldOn >= year && t.HeldOn <= today)
            .GroupBy(_ => 1).Select(g => new VolunteerHours(
                g.Where(t => t.HeldOn >= month).Sum(t => t.Hours * t.Attendance.Count),
                g.Where(t => t.HeldOn >= quarter).Sum(t => t.Hours * t.Attendance.Count),
                g.Sum(t => t.Hours * t.Attendance.Count)))
            .FirstOrDefaultAsync(ct);
        return hours ?? new VolunteerHours(0, 0, 0);
    }

    /// <summary>The association's report for a month (plan, patrols, members' hours, training), or null outside the user's scope.</summary>
    public async Task<AssociationMonthReport?> MonthReportAsync(int associationId, DateOnly month, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var association = await db.Associations.AsNoTracking().VisibleTo(scope).Where(a => a.Id == associationId)
            .Select(a => new { a.Id, a.Name, Department = a.Department!.Name }).FirstOrDefaultAsync(ct);
        if (association is null)
        {
            return null;
        }

        month = new DateOnly(month.Year, month.Month, 1);
        var next = month.AddMonths(1);
        var patrols = await db.Patrols.AsNoTracking().Where(p => p.AssociationId == associationId && p.Date >= month && p.Date < next)
            .OrderBy(p => p.StartsAt)
            .Select(p => new MonthPatrolLine(p.Id, p.Date, p.Status, p.Precinct!.Name,
                p.Participants.Count(x => x.VolunteerId != null && x.Present == true),
                p.Participants.Where(x => x.VolunteerId != null && x.Present == true).Sum(x => x.Hours), p.Incidents ?? 0, p.PersonsHandedOver ?? 0))
            .ToListAsync(ct);
        var members = await db.PatrolParticipants.AsNoTracking()
            .Where(x => x.Present == true && x.VolunteerId != null
                && db.Patrols.Any(p => p.Id == x.PatrolId && p.AssociationId == associationId && p.Status == PatrolStatus.Completed && p.Date >= month && p.Date < next))
            .GroupBy(x => new { x.VolunteerId, x.Volunteer!.FullName })
            .Select(g => new { g.Key.FullName, Patrols = g.Count(), Hours = g.Sum(x => x.Hours) })
            .OrderByDescending(m => m.Hours).ThenBy(m => m.FullName)
            .ToListAsync(ct);
        var trainings = await db.TrainingSessions.AsNoTracking().Where(t => t.AssociationId == associationId && t.HeldOn >= month && t.HeldOn < next)
            .OrderBy(t => t.HeldOn)
            .Select(t => new TrainingLine(t.Id, t.Topic, t.HeldOn, t.Hours, t.Attendance.Count, t.Attendance.Count(x => x.Passed)))
            .ToListAsync(ct);
        return new AssociationMonthReport(association.Id, association.Name, association.Department, await MonthReportAsync(db, associationId, month, ct),
            patrols, [.. members.Select(m => new MemberMonthLine(m.FullName, m.Patrols, m.Hours))], trainings);
    }

    private static async Task<MonthReport> MonthReportAsync(AppDbContext db, int associationId, DateOnly month, CancellationToken ct)
    {
        var next = month.AddMonths(1);
        var plan = await db.AssociationMonthPlans.AsNoTracking().FirstOrDefaultAsync(p => p.AssociationId == associationId && p.Month == month, ct);
        var done = await db.TrainingSessions.AsNoTracking().Where(t => t.AssociationId == associationId && t.HeldOn >= month && t.HeldOn < next)
            .GroupBy(_ => 1).Select(g => new { Events = g.Count(), Hours = g.Sum(t => t.Hours) }).FirstOrDefaultAsync(ct);
        var patrols = db.Patrols.Where(p => p.AssociationId == associationId && p.Status == PatrolStatus.Completed && p.Date >= month && p.Date < next);
        var donePatrols = await patrols.CountAsync(ct);
        var patrolHours = await db.PatrolParticipants.Where(x => x.VolunteerId != null && x.Present == true && patrols.Any(p => p.Id == x.PatrolId))
            .SumAsync(x => x.Hours, ct);
        return new MonthReport(month, plan?.PlannedPatrols ?? 0, plan?.PlannedEvents ?? 0, plan?.PlannedTrainingHours ?? 0, plan?.Notes,
            done?.Events ?? 0, done?.Hours ?? 0, donePatrols, patrolHours, plan?.Version ?? 0, plan is not null);
    }

    /// <summary>Saves the month's plan; coordinators plan their own associations, chiefs their department's.</summary>
    public async Task<SaveResult> SaveMonthPlanAsync(MonthPlanForm form, CancellationToken ct = default)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await EditableAssociationAsync(db, form.AssociationId, ct) is null)
        {
            return SaveResult.Missing;
        }

        var month = new DateOnly(form.Month.Year, form.Month.Month, 1);
        var plan = await db.AssociationMonthPlans.FirstOrDefaultAsync(p => p.AssociationId == form.AssociationId && p.Month == month, ct);
        if (plan is null)
        {
            plan = db.AssociationMonthPlans.Add(new AssociationMonthPlan { AssociationId = form.AssociationId, Month = month }).Entity;
        }
        else
        {
            db.Entry(plan).Property(p => p.Version).OriginalValue = form.Version;
        }

        plan.PlannedPatrols = form.PlannedPatrols;
        plan.PlannedEvents = form.PlannedEvents;
        plan.PlannedTrainingHours = form.PlannedTrainingHours;
        plan.Notes = Text.OrNull(form.Notes);
        return await SaveResult.SaveAsync(db, () => plan.Id, nameof(MonthPlanForm.Month), ct);
    }

    public async Task<AssociationForm?> GetFormAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var a = await db.Associations.AsNoTracking().Include(a => a.Precincts).Include(a => a.Coordinators).FirstOrDefaultAsync(a => a.Id == id, ct);
        return a is null || !MayManage(scope, a.DepartmentId) ? null : new AssociationForm
        {
            Id = a.Id,
            DepartmentId = a.DepartmentId,
            Kind = a.Kind,
            Name = a.Name,
            RegisterNumber = a.RegisterNumber,
            RegisteredOn = a.RegisteredOn?.ToDateTime(TimeOnly.MinValue),
            Status = a.Status,
            Phone = a.Phone,
            Email = a.Email,
            Address = a.Address,
            PrecinctIds = [.. a.Precincts.Select(p => p.Id)],
            CoordinatorIds = [.. a.Coordinators.Select(c => c.UserId)],
            Version = a.Version,
        };
    }

    /// <summary>Chiefs register and edit their department's associations, with the posts they serve and their coordinators.</summary>
    public async Task<SaveResult> SaveAsync(AssociationForm form, CancellationToken ct = default)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var scope = await currentUser.GetScopeAsync(ct);
        if (!MayManage(scope, form.DepartmentId))
        {
            return SaveResult.Missing;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var precincts = await db.Precincts.Where(p => form.PrecinctIds.Contains(p.Id) && p.DepartmentId == form.DepartmentId).ToListAsync(ct);
        if (precincts.Count != form.PrecinctIds.Count)
        {
            return SaveResult.Invalid(nameof(AssociationForm.PrecinctIds), "Validation.Required");
        }

        var coordinatorRole = await db.Roles.Where(r => r.Name == Roles.VolunteerCoordinator).Select(r => r.Id).FirstAsync(ct);
        if (await db.UserRoles.CountAsync(ur => form.CoordinatorIds.Contains(ur.UserId) && ur.RoleId == coordinatorRole, ct) != form.CoordinatorIds.Count)
        {
            return SaveResult.Invalid(nameof(AssociationForm.CoordinatorIds), "Validation.NotCoordinator");
        }

        Association association;
        if (form.Id == 0)
        {
            association = db.Associations.Add(new Association { Name = "" }).Entity;
        }
        else
        {
            var existing = await db.Associations.Include(a => a.Precincts).Include(a => a.Coordinators).FirstOrDefaultAsync(a => a.Id == form.Id, ct);
            if (existing is null || !MayManage(scope, existing.DepartmentId))
            {
                return SaveResult.Missing;
            }

            association = existing;
            db.Entry(association).Property(a => a.Version).OriginalValue = form.Version;
        }

        association.DepartmentId = form.DepartmentId;
        association.Kind = form.Kind;
        association.Name = form.Name.Trim();
        association.RegisterNumber = Text.OrNull(form.RegisterNumber);
        association.RegisteredOn = form.RegisteredOn is { } registered ? DateOnly.FromDateTime(registered) : null;
        association.Status = form.Status;
        association.Phone = Text.OrNull(form.Phone);
        association.Email = Text.OrNull(form.Email);
        association.Address = Text.OrNull(form.Address);
        association.Precincts.Clear();
        association.Precincts.AddRange(precincts);
        // A coordinator taken off the association loses it now, not when their sessions happen to end.
        await SecurityStamps.RenewAsync(db, [.. association.Coordinators.Where(c => !form.CoordinatorIds.Contains(c.UserId)).Select(c => c.UserId)], ct);
        association.Coordinators.RemoveAll(c => !form.CoordinatorIds.Contains(c.UserId));
        association.Coordinators.AddRange(form.CoordinatorIds.Where(id => association.Coordinators.All(c => c.UserId != id))
            .Select(id => new AssociationCoordinator { UserId = id }));
        return await SaveResult.SaveAsync(db, () => association.Id, nameof(AssociationForm.Name), ct);
    }

    /// <summary>Coordinator accounts a chief may attach to an association.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> CoordinatorOptionsAsync(CancellationToken ct = default)
    {
        // Names and e-mails of accounts: only for those who attach coordinators, never for officers or coordinators.
        var scope = await currentUser.GetScopeAsync(ct);
        if (!(scope.IsAdministrator || scope.IsChief))
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var role = await db.Roles.Where(r => r.Name == Roles.VolunteerCoordinator).Select(r => r.Id).FirstAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role))
            .OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync(ct);
        return [.. users.Select(u => (u.Id, $"{u.FullName} ({u.Email})"))];
    }

    private static bool MayManage(UserScope scope, int departmentId) => scope.CanEditDepartment(departmentId);

    /// <summary>Training sessions of the associations the user may see, newest first.</summary>
    public async Task<PageResult<TrainingRow>> TrainingsAsync(int page = 0, int pageSize = 25, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = db.Associations.VisibleTo(scope);
        var sessions = db.TrainingSessions.AsNoTracking().Where(t => visible.Any(a => a.Id == t.AssociationId));
        var total = await sessions.CountAsync(ct);
        var items = await sessions.OrderByDescending(t => t.HeldOn).ThenByDescending(t => t.Id).Skip(page * pageSize).Take(pageSize)
            .Select(t => new TrainingRow(t.Id, t.Topic, t.HeldOn, t.Hours, db.Associations.Where(a => a.Id == t.AssociationId).Select(a => a.Name).First(),
                t.InstructorOfficer == null ? null : t.InstructorOfficer.FullName, t.Attendance.Count, t.Attendance.Count(x => x.Passed)))
            .ToListAsync(ct);
        return new PageResult<TrainingRow>(items, total);
    }

    /// <summary>One session with its attendance, or null outside the user's scope.</summary>
    public async Task<TrainingDetails?> GetTrainingAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = db.Associations.VisibleTo(scope);
        var session = await db.TrainingSessions.AsNoTracking().Where(t => t.Id == id && visible.Any(a => a.Id == t.AssociationId))
            .Select(t => new TrainingDetails(t.Id, t.Topic, t.HeldOn, t.Hours, t.AssociationId,
                db.Associations.Where(a => a.Id == t.AssociationId).Select(a => a.Name).First(),
                t.InstructorOfficer == null ? null : t.InstructorOfficer.FullName, t.Notes,
                t.Attendance.OrderBy(x => x.Volunteer!.FullName).Select(x => new AttendanceLine(x.VolunteerId, x.Volunteer!.FullName, x.Passed)).ToList()))
            .FirstOrDefaultAsync(ct);
        if (session is null)
        {
            await audit.AccessDeniedIfExistsAsync(db.TrainingSessions, id, ct);
        }

        return session;
    }

    /// <summary>A volunteer's record: in full for coordinators, chiefs and administrators (the read is audited), masked for officers.</summary>
    public async Task<VolunteerDetails?> GetVolunteerAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = db.Associations.VisibleTo(scope);
        var found = await db.Volunteers.AsNoTracking().Where(v => v.Id == id && visible.Any(a => a.Id == v.AssociationId))
            .Select(v => new { Volunteer = v, Association = v.Association!.Name, v.Association.DepartmentId, v.Association.Department!.TimeZoneId })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            await audit.AccessDeniedIfExistsAsync(db.Volunteers, id, ct);
            return null;
        }

        var v = found.Volunteer;
        var full = !scope.IsOfficer;
        if (full)
        {
            await audit.WriteAsync(AuditActions.Read, null, nameof(Volunteer), id.ToString(CultureInfo.InvariantCulture), ct: ct);
        }

        var today = TodayIn(found.TimeZoneId);
        var trainings = await db.TrainingAttendance.AsNoTracking().Where(t => t.VolunteerId == id)
            .Join(db.TrainingSessions, t => t.TrainingSessionId, s => s.Id, (t, s) => new { s.Topic, s.HeldOn, t.Passed })
            .OrderByDescending(t => t.HeldOn).ToListAsync(ct);
        var rules = await db.TrainingTopicRules.AsNoTracking().ToListAsync(ct);
        var eligibility = Eligibility.Check(v, trainings.Where(t => t.Passed).Select(t => (t.Topic, t.HeldOn)), rules, today);
        var association = new Association { Id = v.AssociationId, DepartmentId = found.DepartmentId, Name = found.Association };
        return new VolunteerDetails(v.Id, v.AssociationId, found.Association, v.FullName, v.Phone, v.Status, full ? v.StatusReason : null,
            v.BadgeNumber, v.JoinedOn, v.LeftOn, full ? v.BirthDate : null, full ? v.Address : null, full ? v.DocumentNumber : null,
            full ? v.BackgroundCheckOn : null, full ? v.BackgroundCheckPassed : null, full ? v.ConsentOn : null, full,
            MayEdit(scope, association), eligibility, [.. trainings.Select(t => (t.Topic, t.HeldOn, t.Passed))], v.Version);
    }

    public async Task<VolunteerForm?> GetVolunteerFormAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var v = await db.Volunteers.AsNoTracking().Include(v => v.Association).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (v is null || !MayEdit(scope, v.Association!))
        {
            return null;
        }

        // The form carries the whole record (birth date, address, document number): audited like the full read.
        await audit.WriteAsync(AuditActions.Read, null, nameof(Volunteer), id.ToString(CultureInfo.InvariantCulture), new { form = true }, ct: ct);
        return new VolunteerForm
        {
            Id = v.Id,
            AssociationId = v.AssociationId,
            FullName = v.FullName,
            BirthDate = v.BirthDate.ToDateTime(TimeOnly.MinValue),
            Phone = v.Phone,
            Address = v.Address,
            DocumentNumber = v.DocumentNumber,
            BadgeNumber = v.BadgeNumber,
            JoinedOn = v.JoinedOn.ToDateTime(TimeOnly.MinValue),
            LeftOn = v.LeftOn?.ToDateTime(TimeOnly.MinValue),
            Status = v.Status,
            StatusReason = v.StatusReason,
            BackgroundCheckOn = v.BackgroundCheckOn?.ToDateTime(TimeOnly.MinValue),
            BackgroundCheckPassed = v.BackgroundCheckPassed,
            ConsentOn = v.ConsentOn?.ToDateTime(TimeOnly.MinValue),
            Version = v.Version,
        };
    }

    public async Task<SaveResult> SaveVolunteerAsync(VolunteerForm form, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await EditableAssociationAsync(db, form.AssociationId, ct) is not { } association)
        {
            return SaveResult.Missing;
        }

        var errors = form.Validate(TodayIn(association.Department!.TimeZoneId));
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        Volunteer volunteer;
        if (form.Id == 0)
        {
            volunteer = db.Volunteers.Add(new Volunteer { FullName = "" }).Entity;
        }
        else
        {
            var existing = await db.Volunteers.FirstOrDefaultAsync(v => v.Id == form.Id && v.AssociationId == form.AssociationId, ct);
            if (existing is null)
            {
                return SaveResult.Missing;
            }

            volunteer = existing;
            db.Entry(volunteer).Property(v => v.Version).OriginalValue = form.Version;
        }

        Apply(form, volunteer);
        return await SaveResult.SaveAsync(db, () => volunteer.Id, nameof(VolunteerForm.DocumentNumber), ct);
    }

    /// <summary>
    /// The roster for export: every member with eligibility today, and personal data only for the roles that keep
    /// the roster (coordinators, chiefs, administrators). The export is audited.
    /// </summary>
    public async Task<RosterExport?> RosterAsync(int associationId, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var association = await db.Associations.AsNoTracking().VisibleTo(scope).Include(a => a.Department)
            .FirstOrDefaultAsync(a => a.Id == associationId, ct);
        if (association is null)
        {
            return null;
        }

        var today = TodayIn(association.Department!.TimeZoneId);
        var members = await db.Volunteers.AsNoTracking().Where(v => v.AssociationId == associationId).OrderBy(v => v.FullName).ToListAsync(ct);
        var passed = await PassedTrainingsAsync(db, members.Select(m => m.Id), ct);
        var rules = await db.TrainingTopicRules.AsNoTracking().ToListAsync(ct);
        var full = !scope.IsOfficer;
        await audit.WriteAsync(AuditActions.Export, null, nameof(Association), associationId.ToString(CultureInfo.InvariantCulture),
            new { rows = members.Count, personal = full }, ct: ct);
        return new RosterExport(association.Name, full, today, [.. members.Select(m => new RosterRow(m.FullName, m.Phone, m.Status, m.BadgeNumber,
            m.JoinedOn, full ? m.BirthDate : null, full ? m.Address : null, full ? m.DocumentNumber : null,
            Eligibility.Check(m, passed.GetValueOrDefault(m.Id, []), rules, today)))]);
    }

    /// <summary>
    /// Imports members from a CSV or XLSX roster. Every row is checked first; a file with any bad row imports
    /// nothing and comes back with the reasons per row, so a coordinator fixes the file and tries again.
    /// </summary>
    public async Task<ImportReport> ImportMembersAsync(int associationId, string fileName, byte[] content, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await EditableAssociationAsync(db, associationId, ct) is not { } association)
        {
            return new ImportReport(0, [], "NotFound.Text");
        }

        IReadOnlyList<Dictionary<string, string?>>? cells;
        try
        {
            cells = MemberImport.Read(fileName, content);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ImportReport(0, [], "Import.Unreadable");
        }

        if (cells is null)
        {
            return new ImportReport(0, [], "Import.WrongType");
        }

        if (cells.Count == 0 || cells.Count > MemberImport.MaxRows)
        {
            return new ImportReport(0, [], cells.Count == 0 ? "Import.Empty" : "Import.TooMany");
        }

        var today = TodayIn(association.Department!.TimeZoneId);
        var rows = cells.Select((row, i) => MemberImport.Parse(i + 2, row, associationId, today)).ToList(); // row 1 is the header
        var documents = rows.Select(r => r.Member.DocumentNumber).OfType<string>().ToList();
        var taken = await db.Volunteers.Where(v => v.DocumentNumber != null && documents.Contains(v.DocumentNumber)).Select(v => v.DocumentNumber!).ToListAsync(ct);
        var twice = documents.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var rejected = rows.Select(r =>
            {
                var errors = new Dictionary<string, string>(r.Errors);
                if (r.Member.DocumentNumber is { } document && (taken.Contains(document) || twice.Contains(document)))
                {
                    errors.TryAdd(nameof(VolunteerForm.DocumentNumber), "Validation.AlreadyUsed");
                }

                return r with { Errors = errors };
            })
            .Where(r => r.Errors.Count > 0).ToList();
        if (rejected.Count > 0)
        {
            return new ImportReport(0, rejected, null);
        }

        db.Volunteers.AddRange(rows.Select(r => Apply(r.Member, new Volunteer { FullName = "" })));
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, [], null);
    }

    /// <summary>Records a training session with who attended and passed; attendees must be members of the association.</summary>
    public async Task<SaveResult> RecordTrainingAsync(TrainingForm form, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await EditableAssociationAsync(db, form.AssociationId, ct) is not { } association)
        {
            return SaveResult.Missing;
        }

        var errors = form.Validate(TodayIn(association.Department!.TimeZoneId));
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        var ids = form.Attendees.Keys.ToList();
        if (await db.Volunteers.CountAsync(v => ids.Contains(v.Id) && v.AssociationId == form.AssociationId, ct) != ids.Count)
        {
            return SaveResult.Invalid(nameof(TrainingForm.Attendees), "Validation.MemberOfAnotherAssociation");
        }

        var session = new TrainingSession
        {
            AssociationId = form.AssociationId,
            Topic = form.Topic,
            HeldOn = DateOnly.FromDateTime(form.HeldOn!.Value),
            Hours = form.Hours,
            InstructorOfficerId = form.InstructorOfficerId,
            Notes = Text.OrNull(form.Notes),
            Attendance = [.. form.Attendees.Select(a => new TrainingAttendance { VolunteerId = a.Key, Passed = a.Value })],
        };
        db.TrainingSessions.Add(session);
        return await SaveResult.SaveAsync(db, () => session.Id, null, ct);
    }

    private static async Task<Dictionary<int, List<(TrainingTopic, DateOnly)>>> PassedTrainingsAsync(AppDbContext db, IEnumerable<int> volunteerIds,
        CancellationToken ct)
    {
        var ids = volunteerIds.ToList();
        var rows = await db.TrainingAttendance.AsNoTracking().Where(t => ids.Contains(t.VolunteerId) && t.Passed)
            .Join(db.TrainingSessions, t => t.TrainingSessionId, s => s.Id, (t, s) => new { t.VolunteerId, s.Topic, s.HeldOn })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.VolunteerId).ToDictionary(g => g.Key, g => g.Select(r => (r.Topic, r.HeldOn)).ToList());
    }

    /// <summary>The association when the user may edit it, with its department (for "today" in its time zone).</summary>
    private async Task<Association?> EditableAssociationAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var association = await db.Associations.AsNoTracking().Include(a => a.Department).FirstOrDefaultAsync(a => a.Id == id, ct);
        return association is not null && MayEdit(scope, association) ? association : null;
    }

    /// <summary>Copies a checked member form onto a volunteer record (new or existing).</summary>
    private static Volunteer Apply(VolunteerForm form, Volunteer volunteer)
    {
        static DateOnly? Day(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;
        volunteer.AssociationId = form.AssociationId;
        volunteer.FullName = form.FullName.Trim();
        volunteer.BirthDate = DateOnly.FromDateTime(form.BirthDate!.Value);
        volunteer.Phone = Text.OrNull(form.Phone);
        volunteer.Address = Text.OrNull(form.Address);
        volunteer.DocumentNumber = Text.OrNull(form.DocumentNumber);
        volunteer.BadgeNumber = Text.OrNull(form.BadgeNumber);
        volunteer.JoinedOn = DateOnly.FromDateTime(form.JoinedOn!.Value);
        volunteer.LeftOn = Day(form.LeftOn);
        volunteer.Status = form.Status;
        volunteer.StatusReason = Text.OrNull(form.StatusReason);
        volunteer.BackgroundCheckOn = Day(form.BackgroundCheckOn);
        volunteer.BackgroundCheckPassed = form.BackgroundCheckPassed;
        volunteer.ConsentOn = Day(form.ConsentOn);
        return volunteer;
    }

    /// <summary>Coordinators edit their own associations, chiefs their department's, administrators all; officers read.</summary>
    private static bool MayEdit(UserScope scope, Association association) =>
        scope.IsAdministrator
        || (scope.IsChief && scope.DepartmentId == association.DepartmentId)
        || (scope.IsCoordinator && scope.AssociationIds.Contains(association.Id));

    private DateOnly TodayIn(string timeZoneId) => LocalTime.Date(clock.GetUtcNow(), timeZoneId);

}
