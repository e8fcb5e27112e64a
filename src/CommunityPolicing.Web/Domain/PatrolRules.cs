namespace CommunityPolicing.Web.Domain;

/// <summary>Scheduling limits (configuration section "Patrols").</summary>
public sealed class PatrolLimits
{
    public double MaxShiftHours { get; set; } = 8;
    public double MinRestHours { get; set; } = 8;
    public double MonthlyCapHours { get; set; } = 40;

    /// <summary>A beat with no patrol in this many days shows on the coverage list.</summary>
    public int CoverageDays { get; set; } = 14;
}

/// <summary>A span of time someone is on duty; touching shifts (one ends when the next starts) do not overlap.</summary>
public readonly record struct Shift(DateTimeOffset Start, DateTimeOffset End)
{
    public double Hours => (End - Start).TotalHours;

    public bool Overlaps(Shift other) => Start < other.End && other.Start < End;

    /// <summary>
    /// The shift of a patrol on a local date from a local start to a local end; an end at or before the start is on
    /// the next day (19:00–01:00 crosses midnight).
    /// </summary>
    public static Shift Local(DateOnly date, TimeOnly start, TimeOnly end, TimeZoneInfo zone)
    {
        var from = date.ToDateTime(start);
        var to = (end > start ? date : date.AddDays(1)).ToDateTime(end);
        return new Shift(Instant(from, zone), Instant(to, zone));
    }

    // A local time skipped by a daylight-saving jump is taken as the hour after it.
    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>A patrol someone is already booked on: its shift (actual times once reported) and its local date.</summary>
public sealed record BookedShift(int PatrolId, Shift Shift, DateOnly Date);

/// <summary>Someone proposed for a patrol: booked shifts around it and, for volunteers, eligibility on its date.</summary>
public sealed record Candidate(string Name, IReadOnlyList<BookedShift> Booked, EligibilityResult? Eligibility = null)
{
    public bool IsVolunteer => Eligibility is not null;
}

/// <summary>Why a patrol cannot be planned: a resource key with who, the other patrol and a figure where it helps.</summary>
public sealed record PatrolConflict(string Key, string? Who = null, int? OtherPatrolId = null, double? Hours = null, EligibilityReason? Reason = null);

/// <summary>
/// The conflict rules of joint patrol planning: shift length, double booking, rest between shifts, volunteers'
/// eligibility on the day and their monthly hours cap. A volunteer's month is the calendar month of the patrol's
/// local date, so a shift from 31 Oct 22:00 to 1 Nov 02:00 counts for October.
/// </summary>
public static class PatrolRules
{
    public static IReadOnlyList<PatrolConflict> Check(Shift shift, DateOnly date, IReadOnlyList<Candidate> people, PatrolLimits limits)
    {
        var conflicts = new List<PatrolConflict>();
        if (shift.End <= shift.Start)
        {
            conflicts.Add(new PatrolConflict("Conflict.EndBeforeStart"));
            return conflicts;
        }

        if (shift.Hours > limits.MaxShiftHours)
        {
            conflicts.Add(new PatrolConflict("Conflict.TooLong", Hours: limits.MaxShiftHours));
        }

        var minRest = TimeSpan.FromHours(limits.MinRestHours);
        foreach (var person in people)
        {
            foreach (var booked in person.Booked)
            {
                if (booked.Shift.Overlaps(shift))
                {
                    conflicts.Add(new PatrolConflict("Conflict.DoubleBooked", person.Name, booked.PatrolId));
                }
                else if (Gap(booked.Shift, shift) < minRest)
                {
                    conflicts.Add(new PatrolConflict("Conflict.Rest", person.Name, booked.PatrolId, limits.MinRestHours));
                }
            }

            if (person.Eligibility is { Eligible: false } eligibility)
            {
                conflicts.AddRange(eligibility.Reasons.Select(r => new PatrolConflict("Conflict.NotEligible", person.Name, Reason: r)));
            }

            if (person.IsVolunteer)
            {
                var month = person.Booked.Where(b => b.Date.Year == date.Year && b.Date.Month == date.Month).Sum(b => b.Shift.Hours);
                if (month + shift.Hours > limits.MonthlyCapHours + 1e-9)
                {
                    conflicts.Add(new PatrolConflict("Conflict.MonthlyCap", person.Name, Hours: limits.MonthlyCapHours));
                }
            }
        }

        return conflicts;
    }

    private static TimeSpan Gap(Shift a, Shift b) => a.End <= b.Start ? b.Start - a.End : a.Start - b.End;
}

/// <summary>The dates of a recurring plan: every chosen weekday from the first date to the last, inclusive.</summary>
public static class PatrolRecurrence
{
    public const int MaxOccurrences = 62;

    public static IReadOnlyList<DateOnly> Dates(DateOnly from, DateOnly to, IReadOnlyCollection<DayOfWeek> days)
    {
        var dates = new List<DateOnly>();
        for (var day = from; day <= to && dates.Count <= MaxOccurrences; day = day.AddDays(1))
        {
            if (days.Count == 0 ? day == from : days.Contains(day.DayOfWeek))
            {
                dates.Add(day);
            }
        }

        return dates;
    }
}

/// <summary>The patrol's life: planned → confirmed → in progress → completed, or cancelled before it is completed.</summary>
public static class PatrolWorkflow
{
    public static bool CanMove(PatrolStatus from, PatrolStatus to) => (from, to) switch
    {
        (PatrolStatus.Planned, PatrolStatus.Confirmed) => true,
        (PatrolStatus.Planned or PatrolStatus.Confirmed, PatrolStatus.InProgress) => true,
        (PatrolStatus.Planned or PatrolStatus.Confirmed or PatrolStatus.InProgress, PatrolStatus.Completed) => true,
        (PatrolStatus.Planned or PatrolStatus.Confirmed or PatrolStatus.InProgress, PatrolStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>Hours a present participant is credited: the actual duration, to a tenth of an hour.</summary>
    public static decimal Hours(DateTimeOffset start, DateTimeOffset end) =>
        end <= start ? 0 : Math.Round((decimal)(end - start).TotalHours, 1, MidpointRounding.AwayFromZero);
}
