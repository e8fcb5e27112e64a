namespace CommunityPolicing.Web.Domain;

public enum CalendarDayKind
{
    /// <summary>A public holiday or a day off moved from a holiday on a weekend.</summary>
    DayOff,

    /// <summary>A weekend day made a working day by a transfer decree.</summary>
    WorkingDay,
}

/// <summary>An exception to the Monday–Friday week in one jurisdiction: data per year, edited by administrators.</summary>
public sealed class CalendarDay
{
    public int Id { get; set; }
    public Jurisdiction Jurisdiction { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// The law's numbers for answering appeals in one jurisdiction, kept as data (see shared/domain.md):
/// KZ 15 working days, extension up to 2 months in total; RU 30 days, one extension up to 30 days; TJ 30 days.
/// </summary>
public sealed record DeadlineRule(
    Jurisdiction Jurisdiction,
    int AnswerDays,
    bool WorkingDays,
    int MaxExtensions,
    int? MaxExtensionDays,
    int? MaxTotalMonths,
    int RedirectDays)
{
    public static readonly IReadOnlyDictionary<Jurisdiction, DeadlineRule> Defaults = new Dictionary<Jurisdiction, DeadlineRule>
    {
        [Jurisdiction.Kazakhstan] = new(Jurisdiction.Kazakhstan, 15, WorkingDays: true, MaxExtensions: 3, MaxExtensionDays: null, MaxTotalMonths: 2, RedirectDays: 3),
        [Jurisdiction.Russia] = new(Jurisdiction.Russia, 30, WorkingDays: false, MaxExtensions: 1, MaxExtensionDays: 30, MaxTotalMonths: null, RedirectDays: 7),
        [Jurisdiction.Tajikistan] = new(Jurisdiction.Tajikistan, 30, WorkingDays: false, MaxExtensions: 1, MaxExtensionDays: 30, MaxTotalMonths: null, RedirectDays: 5),
    };
}

/// <summary>Working days of a jurisdiction: Monday–Friday, minus days off, plus transferred working days.</summary>
public sealed class WorkCalendar(IEnumerable<CalendarDay> exceptions)
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions = exceptions.ToDictionary(d => d.Date, d => d.Kind);

    public static readonly WorkCalendar Weekends = new([]);

    public bool IsWorkingDay(DateOnly date) => _exceptions.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.WorkingDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }

    public DateOnly NextWorkingDayFrom(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}

/// <summary>Due dates and extensions of appeals, from the jurisdiction's rule and work calendar.</summary>
public static class DeadlineCalculator
{
    /// <summary>
    /// The answer is due the given number of working days after the registration date (KZ), or calendar days
    /// after it, moved to the next working day when that day is off (RU, TJ).
    /// </summary>
    public static DateOnly DueDate(DeadlineRule rule, WorkCalendar calendar, DateOnly registeredOn) =>
        rule.WorkingDays
            ? calendar.AddWorkingDays(registeredOn, rule.AnswerDays)
            : calendar.NextWorkingDayFrom(registeredOn.AddDays(rule.AnswerDays));

    /// <summary>The last day a redirect to the competent body may be made.</summary>
    public static DateOnly RedirectBy(DeadlineRule rule, WorkCalendar calendar, DateOnly registeredOn) =>
        rule.WorkingDays
            ? calendar.AddWorkingDays(registeredOn, rule.RedirectDays)
            : registeredOn.AddDays(rule.RedirectDays);

    /// <summary>The latest due date an extension may set, or null when no further extension is allowed.</summary>
    public static DateOnly? LatestExtension(DeadlineRule rule, DateOnly registeredOn, DateOnly originalDue, DateOnly currentDue, int extensions)
    {
        if (extensions >= rule.MaxExtensions)
        {
            return null;
        }

        var latest = rule.MaxTotalMonths is { } months ? registeredOn.AddMonths(months) : originalDue.AddDays(rule.MaxExtensionDays ?? 0);
        return latest > currentDue ? latest : null;
    }

    /// <summary>Null when the extension is lawful, else the resource key of the reason it is not.</summary>
    public static string? CheckExtension(DeadlineRule rule, DateOnly registeredOn, DateOnly originalDue, DateOnly currentDue,
        int extensions, DateOnly newDue, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Appeal.ExtensionReasonRequired";
        }

        var latest = LatestExtension(rule, registeredOn, originalDue, currentDue, extensions);
        return latest is null ? "Appeal.NoMoreExtensions"
            : newDue <= currentDue ? "Appeal.ExtensionNotLater"
            : newDue > latest ? "Appeal.ExtensionTooLong"
            : null;
    }

    /// <summary>Overdue: not answered (nor redirected or closed) and the due date has passed.</summary>
    public static bool IsOverdue(AppealStatus status, DateOnly due, DateOnly today) =>
        AppealWorkflow.IsOpen(status) && due < today;

    /// <summary>Due within 3 days (today included) and still open: highlighted everywhere.</summary>
    public static bool IsDueSoon(AppealStatus status, DateOnly due, DateOnly today) =>
        AppealWorkflow.IsOpen(status) && due >= today && due <= today.AddDays(3);
}
