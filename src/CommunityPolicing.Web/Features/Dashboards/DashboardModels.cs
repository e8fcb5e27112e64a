using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Features.Dashboards;

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
    Custom,
}

/// <summary>A reporting period of local dates, inclusive, and the one before it for comparison.</summary>
public sealed record Period(PeriodKind Kind, DateOnly From, DateOnly To)
{
    /// <summary>The month, quarter or year containing the date.</summary>
    public static Period Of(PeriodKind kind, DateOnly date) => kind switch
    {
        PeriodKind.Month => new(kind, new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
        PeriodKind.Quarter => new(kind, PreventionPlan.QuarterOf(date), PreventionPlan.QuarterOf(date).AddMonths(3).AddDays(-1)),
        PeriodKind.Year => new(kind, new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31)),
        _ => new(kind, date, date),
    };

    /// <summary>The previous calendar month, quarter or year; for a custom range, the same number of days just before it.</summary>
    public Period Previous => Kind switch
    {
        PeriodKind.Month => Of(Kind, From.AddMonths(-1)),
        PeriodKind.Quarter => Of(Kind, From.AddMonths(-3)),
        PeriodKind.Year => Of(Kind, From.AddYears(-1)),
        _ => new(Kind, From.AddDays(-(To.DayNumber - From.DayNumber + 1)), From.AddDays(-1)),
    };

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Dates a report can be asked for (a typed or forged date outside them is refused, not computed).</summary>
    public static bool Reasonable(DateOnly date) => date.Year is >= 1900 and <= 9998;
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

/// <summary>The chief's department at a glance for a period, with the previous period's appeal totals for comparison.</summary>
public sealed record ChiefDashboard(
    string Department, Period Period, DateOnly Today, AppealFigures Appeals, AppealFigures PreviousAppeals, IReadOnlyList<AppealFigures> ByPrecinct,
    IReadOnlyList<MonthCount> Trend, IReadOnlyList<CategoryCount> Categories, Precincts.RegistrySummary Staffing,
    IReadOnlyList<(PrecinctStatus Status, int Count)> PostsByStatus, IReadOnlyList<EquipmentFigure> Equipment, IReadOnlyList<BeatPatrolHours> PatrolHours,
    int BeatsWithoutPatrols, PlanProgress Prevention);

/// <summary>What the administrator watches: accounts, the audit trail's last day, the database.</summary>
public sealed record SystemHealth(string Postgres, long DatabaseBytes, int Users, int LockedOut, int Audited24h, int FailedSignIns24h, int Denied24h,
    IReadOnlyList<(string Role, int Count)> UsersByRole);

/// <summary>The district officer's day: own appeals by due date, next patrols, the quarter's plan, checks due, own beats.</summary>
public sealed record OfficerDashboard(
    DateOnly Today, Appeals.AppealListPage Overdue, Appeals.AppealListPage DueSoon, IReadOnlyList<Patrols.PatrolRow> Patrols, int AwaitingReport,
    PlanProgress Plan, PageResult<Prevention.RecordRow> Checks, IReadOnlyList<BeatWork.MyBeat> Beats);
