using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Precincts;
using CommunityPolicing.Web.Features.Prevention;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CommunityPolicing.Web.Features.Dashboards;

/// <summary>
/// The chief's dashboard: every figure aggregated in PostgreSQL (FILTER, ROLLUP, percentile_cont) for the chief's
/// department, by post or by beat, so a department total and the rows under it always add up.
/// </summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> factory, CurrentUser currentUser, PrecinctService precincts,
    IMemoryCache cache, IOptions<DashboardOptions> options, TimeProvider clock)
{
    private sealed record AreaRow(int Key, bool Total, int Received, int Answered, int AnsweredOnTime, int Overdue, double? MedianDays,
        decimal? Satisfaction, int R1, int R2, int R3, int R4, int R5, int Complaints);

    /// <summary>The chief's department for a period; null for anyone else.</summary>
    public async Task<ChiefDashboard?> ChiefAsync(Period period, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        if (!scope.IsChief || scope.DepartmentId is not int departmentId)
        {
            return null;
        }

        // Kept per department and period for a short while: the prerendered page and the live one each ask for the same
        // figures, and a station's chiefs and duty officers open the page at the start of a shift (docs/performance.md).
        return options.Value.CacheSeconds <= 0
            ? await ChiefFiguresAsync(departmentId, period, ct)
            : await cache.GetOrCreateAsync((typeof(ChiefDashboard), departmentId, period), entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.CacheSeconds);
                return ChiefFiguresAsync(departmentId, period, ct);
            });
    }

    private async Task<ChiefDashboard> ChiefFiguresAsync(int departmentId, Period period, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var department = await db.Departments.AsNoTracking().FirstAsync(d => d.Id == departmentId, ct);
        var today = await currentUser.TodayAsync(ct);
        var byPrecinct = await AppealFiguresAsync(db, department, null, period, today, ct);
        var previous = Figures((await AreaRowsAsync(db, department, null, period.ComparedOn(today), today, ct)).Single(r => r.Total), department.Name);
        var (from, to) = Instants(department.TimeZoneId, period);

        var trendSince = Instants(department.TimeZoneId, new Period(PeriodKind.Custom, new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today)).From;
        var trend = await db.Database.SqlQuery<MonthCount>($"""
            SELECT date_trunc('month', a.registered_at AT TIME ZONE {department.TimeZoneId})::date AS "month", count(*)::int AS "received",
                   count(*) FILTER (WHERE a.answered_at IS NOT NULL)::int AS "answered"
            FROM appeals a WHERE a.department_id = {departmentId} AND a.registered_at >= {trendSince}
            GROUP BY 1 ORDER BY 1
            """).ToListAsync(ct);
        var categories = await db.Appeals.AsNoTracking().Where(a => a.DepartmentId == departmentId && a.RegisteredAt >= from && a.RegisteredAt < to)
            .GroupBy(a => a.CategoryId).Select(g => new { g.Key, Count = g.Count() })
            .Join(db.AppealCategories, g => g.Key, c => c.Id, (g, c) => new { Category = c, g.Count }).ToListAsync(ct);

        var posts = await db.Precincts.AsNoTracking().Where(p => p.DepartmentId == departmentId).GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var equipment = await db.EquipmentItems.AsNoTracking().Where(e => db.Precincts.Any(p => p.Id == e.PrecinctId && p.DepartmentId == departmentId))
            .GroupBy(e => e.Kind).Select(g => new EquipmentFigure(g.Key, g.Sum(e => e.Planned), g.Sum(e => e.Installed))).ToListAsync(ct);

        var weeks = Math.Max(1, period.Days / 7.0);
        // The department's completed patrols of the period first (a few hundred), then every beat with its hours.
        var hours = await db.Database.SqlQuery<BeatHoursRow>($"""
            WITH done AS (
                SELECT pb.beats_id, sum(extract(epoch FROM coalesce(p.actual_end, p.ends_at) - coalesce(p.actual_start, p.starts_at)) / 3600.0) AS hours
                FROM patrols p JOIN patrol_beats pb ON pb.patrol_id = p.id
                WHERE p.department_id = {departmentId} AND p.status = 'Completed' AND p.date >= {period.From} AND p.date <= {period.To}
                GROUP BY pb.beats_id)
            SELECT b.id AS "beat_id", b.name AS "beat", pr.name AS "precinct", coalesce(d.hours, 0)::float8 AS "hours"
            FROM beats b
            JOIN precincts pr ON pr.id = b.precinct_id
            LEFT JOIN done d ON d.beats_id = b.id
            WHERE pr.department_id = {departmentId}
            ORDER BY 4 DESC, pr.name, b.name
            """).ToListAsync(ct);
        var prevention = await db.PreventionActivities.AsNoTracking()
            .Where(a => a.DepartmentId == departmentId && a.PlannedOn >= period.From && a.PlannedOn <= period.To).ProgressAsync(today, ct);

        return new ChiefDashboard(department.Name, period, today, byPrecinct.First(f => f.Key is null), previous, [.. byPrecinct.Where(f => f.Key is not null)],
            trend, [.. categories.OrderByDescending(c => c.Count).Select(c => new CategoryCount(c.Category, c.Count))], await precincts.SummaryAsync(ct),
            [.. posts.OrderBy(p => p.Key).Select(p => (p.Key, p.Count))], equipment,
            [.. hours.Select(h => new BeatPatrolHours(h.BeatId, h.Beat, h.Precinct, h.Hours, h.Hours / weeks))], hours.Count(h => h.Hours == 0),
            prevention);
    }

    /// <summary>Accounts, the last day of the audit trail and the database, for administrators; null for anyone else.</summary>
    public async Task<SystemHealth?> AdminAsync(CancellationToken ct = default)
    {
        if (!(await currentUser.GetScopeAsync(ct)).IsAdministrator)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var since = now.AddDays(-1);
        var postgres = await db.Database.SqlQuery<string>($"SELECT current_setting('server_version') AS \"Value\"").FirstAsync(ct);
        var size = await db.Database.SqlQuery<long>($"SELECT pg_database_size(current_database()) AS \"Value\"").FirstAsync(ct);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.At >= since).GroupBy(_ => 1).Select(g => new
        {
            All = g.Count(),
            Failed = g.Count(a => a.Action == AuditActions.SignInFailed),
            Denied = g.Count(a => a.Action == AuditActions.AccessDenied),
        }).FirstOrDefaultAsync(ct);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).GroupBy(r => r)
            .Select(g => new { Role = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new SystemHealth(postgres, size, await db.Users.CountAsync(ct), await db.Users.CountAsync(u => u.LockoutEnd > now, ct),
            audit?.All ?? 0, audit?.Failed ?? 0, audit?.Denied ?? 0, [.. roles.OrderBy(r => r.Role).Select(r => (r.Role, r.Count))]);
    }

    /// <summary>A post's appeal figures by beat (drill-down from the department), with the post's total first.</summary>
    public async Task<IReadOnlyList<AppealFigures>> ByBeatAsync(int precinctId, Period period, CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == scope.DepartmentId && d.Precincts.Any(p => p.Id == precinctId), ct);
        if (!scope.IsChief || department is null)
        {
            return [];
        }

        return await AppealFiguresAsync(db, department, precinctId, period, await currentUser.TodayAsync(ct), ct);
    }

    private sealed record BeatHoursRow(int BeatId, string Beat, string Precinct, double Hours);

    /// <summary>
    /// Appeal figures by post (or by beat of one post) with the total as the ROLLUP row. Received and complaints count
    /// appeals registered in the period; answered, on time and the median count answers given in it; satisfaction
    /// counts ratings given in it; overdue is today's open appeals past their due date.
    /// </summary>
    private static async Task<List<AppealFigures>> AppealFiguresAsync(AppDbContext db, Department department, int? precinctId, Period period, DateOnly today,
        CancellationToken ct)
    {
        var rows = await AreaRowsAsync(db, department, precinctId, period, today, ct);
        var names = precinctId is null
            ? await db.Precincts.AsNoTracking().Where(p => p.DepartmentId == department.Id).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct)
            : await db.Beats.AsNoTracking().Where(b => b.PrecinctId == precinctId).Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var totalName = precinctId is { } p ? await db.Precincts.Where(x => x.Id == p).Select(x => x.Name).FirstAsync(ct) : department.Name;
        return [.. rows.OrderBy(r => !r.Total).ThenByDescending(r => r.Received).Select(r => Figures(r, r.Total ? totalName : names.GetValueOrDefault(r.Key, "—")))];
    }

    private static async Task<List<AreaRow>> AreaRowsAsync(AppDbContext db, Department department, int? precinctId, Period period, DateOnly today,
        CancellationToken ct)
    {
        var (from, to) = Instants(department.TimeZoneId, period);
        var zone = department.TimeZoneId;
        return precinctId is null
            ? await db.Database.SqlQuery<AreaRow>(AreaSql("a.precinct_id", department.Id, null, from, to, zone, today)).ToListAsync(ct)
            : await db.Database.SqlQuery<AreaRow>(AreaSql("a.beat_id", department.Id, precinctId, from, to, zone, today)).ToListAsync(ct);
    }

    private static AppealFigures Figures(AreaRow r, string name) => new(r.Total ? null : r.Key, name,
        r.Received, r.Answered, r.AnsweredOnTime, r.Overdue, r.MedianDays, r.Satisfaction is { } s ? Math.Round(s, 2) : null,
        [r.R1, r.R2, r.R3, r.R4, r.R5], r.Complaints);

    /// <summary>The open statuses (<see cref="AppealWorkflow.Open"/>) as SQL: the enum's names, as stored.</summary>
    private static readonly string OpenSql = $"({string.Join(", ", AppealWorkflow.Open.Select(s => $"'{s}'"))})";

    // The grouping column is one of two constants above, never user input; every value is a parameter.
    private static FormattableString AreaSql(string column, int departmentId, int? precinctId, DateTimeOffset from, DateTimeOffset to, string zone, DateOnly today) =>
        System.Runtime.CompilerServices.FormattableStringFactory.Create($$"""
            SELECT coalesce({{column}}, 0) AS "key", GROUPING({{column}}) = 1 AS "total",
              count(*) FILTER (WHERE a.registered_at >= {0} AND a.registered_at < {1})::int AS "received",
              count(*) FILTER (WHERE a.answered_at >= {0} AND a.answered_at < {1})::int AS "answered",
              count(*) FILTER (WHERE a.answered_at >= {0} AND a.answered_at < {1} AND (a.answered_at AT TIME ZONE {2})::date <= a.due_date)::int AS "answered_on_time",
              count(*) FILTER (WHERE a.status IN {{OpenSql}} AND a.due_date < {3})::int AS "overdue",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.answered_at - a.registered_at) / 86400.0)
                FILTER (WHERE a.answered_at >= {0} AND a.answered_at < {1}) AS "median_days",
              avg(a.rating) FILTER (WHERE a.rated_at >= {0} AND a.rated_at < {1}) AS "satisfaction",
              count(*) FILTER (WHERE a.rated_at >= {0} AND a.rated_at < {1} AND a.rating = 1)::int AS "r1",
              count(*) FILTER (WHERE a.rated_at >= {0} AND a.rated_at < {1} AND a.rating = 2)::int AS "r2",
              count(*) FILTER (WHERE a.rated_at >= {0} AND a.rated_at < {1} AND a.rating = 3)::int AS "r3",
              count(*) FILTER (WHERE a.rated_at >= {0} AND a.rated_at < {1} AND a.rating = 4)::int AS "r4",
              count(*) FILTER (WHERE a.rated_at >= {0} AND a.rated_at < {1} AND a.rating = 5)::int AS "r5",
              count(*) FILTER (WHERE a.registered_at >= {0} AND a.registered_at < {1} AND c.is_complaint_about_officer)::int AS "complaints"
            FROM appeals a JOIN appeal_categories c ON c.id = a.category_id
            WHERE a.department_id = {4} AND ({5}::int IS NULL OR a.precinct_id = {5})
            GROUP BY ROLLUP ({{column}})
            """, from, to, zone, today, departmentId, precinctId);

    private static (DateTimeOffset From, DateTimeOffset To) Instants(string timeZoneId, Period period) => LocalTime.Range(timeZoneId, period.From, period.To);
}
