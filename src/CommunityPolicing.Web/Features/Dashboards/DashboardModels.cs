using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Features.Dashboards;

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
    Custom,
}

/// <summary>
/// A reporting period of local dates, inclusive, and the one before it for comparison. Any dates the calendar has
/// are safe (a typed or forged 0001-01-01 or 9999-12-31 included): nothing here steps past DateOnly's limits.
/// </summary>
public sealed record Period(PeriodKind Kind, DateOnly From, DateOnly To)
{
    /// <summary>The month, quarter or year containing the date.</summary>
    public static Period Of(PeriodKind kind, DateOnly date) => kind switch
    {
        PeriodKind.Month => new(kind, new DateOnly(date.Year, date.Month, 1), EndOfMonth(date.Year, date.Month)),
        PeriodKind.Quarter => new(kind, PreventionPlan.QuarterOf(date), EndOfMonth(date.Year, PreventionPlan.QuarterOf(date).Month + 2)),
        PeriodKind.Year => new(kind, new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31)),
        _ => new(kind, date, date),
    };

    /// <summary>
    /// The calendar month, quarter or year before (the one holding the day before From); for a custom range, the same
    /// number of days just before it. Cut off at the calendar's first day, which is its own predecessor.
    /// </summary>
    public Period Previous => Kind switch
    {
        PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Year => Of(Kind, Back(From, 1)),
        _ => new(Kind, Back(From, Days), Back(From, 1)),
    };

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// What this period is fairly compared with on <paramref name="today"/>: while it is still running, only as many
    /// days of the period before as have passed of this one (a month two days old against the first two days of the
    /// month before, not against a whole month); once it is over, the whole period before.
    /// </summary>
    public Period ComparedOn(DateOnly today)
    {
        var previous = Previous;
        if (today < From || today >= To)
        {
            return previous;
        }

        var elapsed = today.DayNumber - From.DayNumber + 1;
        return previous with { To = DateOnly.FromDayNumber(Math.Min(previous.To.DayNumber, previous.From.DayNumber + elapsed - 1)) };
    }

    /// <summary>True when the comparison is cut to the days that have passed (<see cref="ComparedOn"/>).</summary>
    public bool IsPartialOn(DateOnly today) => ComparedOn(today) != Previous;

    // Without AddMonths(1).AddDays(-1), which overflows in December 9999.
    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static DateOnly Back(DateOnly date, int days) => DateOnly.FromDayNumber(Math.Max(DateOnly.MinValue.DayNumber, date.DayNumber - days));
}

/// <summary>Appeal figures of one area (a post, a beat, or the whole department when Key is null), all counted in PostgreSQL.</summary>
public sealed record AppealFigures(int? Key, string Name, int Received, int Answered, int AnsweredOnTime, int Overdue, double? MedianDays,
    decimal? Satisfaction, int[] Ratings, int Complaints)
{
    public double? OnTimePercent => Answered == 0 ? null : AnsweredOnTime * 100.0 / Answered;
}

public sealed record MonthCount(DateOnly Month, int Received, int Answered);

public sealed record CategoryCount(AppealCategory Category, int Count);

public sealed record BeatPatrolHours(int BeatId, string Beat, string Precinct, double Hours, double HoursPerWeek);

public sealed record EquipmentFigure(EquipmentKind Kind, int Planned, int Installed);

/// <summary>
/// The chief's department at a glance for a period, with the appeal totals of the period it is compared with
/// (<see cref="Period.ComparedOn"/>) for comparison.
/// </summary>
public sealed record ChiefDashboard(
    string Department, Period Period, DateOnly Today, AppealFigures Appeals, AppealFigures PreviousAppeals, IReadOnlyList<AppealFigures> ByPrecinct,
    IReadOnlyList<MonthCount> Trend, IReadOnlyList<CategoryCount> Categories, Precincts.RegistrySummary Staffing,
    IReadOnlyList<(PrecinctStatus Status, int Count)> PostsByStatus, IReadOnlyList<EquipmentFigure> Equipment, IReadOnlyList<BeatPatrolHours> PatrolHours,
    int BeatsWithoutPatrols, PlanProgress Prevention);

/// <summary>Settings (section "Dashboards"): how long a chief's figures are reused, in seconds; 0 computes them on every call.</summary>
public sealed class DashboardOptions
{
    public int CacheSeconds { get; set; } = 60;
}

/// <summary>What the administrator watches: accounts, the audit trail's last day, the database.</summary>
public sealed record SystemHealth(string Postgres, long DatabaseBytes, int Users, int LockedOut, int Audited24h, int FailedSignIns24h, int Denied24h,
    IReadOnlyList<(string Role, int Count)> UsersByRole);

/// <summary>The district officer's day: own appeals by due date, next patrols, the quarter's plan, checks due, own beats.</summary>
public sealed record OfficerDashboard(
    DateOnly Today, Appeals.AppealListPage Overdue, Appeals.AppealListPage DueSoon, IReadOnlyList<Patrols.PatrolRow> Patrols, int AwaitingReport,
    PlanProgress Plan, PageResult<Prevention.RecordRow> Checks, IReadOnlyList<BeatWork.MyBeat> Beats,
    IReadOnlyList<Notifications.NewAppeal> NewForYou);
