namespace CommunityPolicing.Web.Domain;

public enum BeatPlaceKind
{
    School,
    College,
    Bar,
    Market,
    GatheringPlace,
    ProblemAddress,
    Other,
}

/// <summary>A place on a beat the officer keeps an eye on: facilities where people gather, and problem addresses.</summary>
public sealed class BeatPlace
{
    public int Id { get; set; }
    public int BeatId { get; set; }
    public BeatPlaceKind Kind { get; set; }
    public required string Name { get; set; }
    [Personal]
    public string? Address { get; set; }
    [Personal]
    public string? Notes { get; set; }
}

/// <summary>An active resident or public council member the officer works with (personal data: police only).</summary>
public sealed class BeatContact
{
    public int Id { get; set; }
    public int BeatId { get; set; }
    [Personal]
    public required string FullName { get; set; }
    public required string Role { get; set; }
    [Personal]
    public string? Phone { get; set; }
    [Personal]
    public string? Notes { get; set; }
}

public enum LogEntryKind
{
    DoorToDoor,
    Reception,
    ResidentsMeeting,
    RecordCheck,
    Other,
}

/// <summary>One entry of a district officer's log of beat work, typed in on a phone.</summary>
public sealed class LogEntry
{
    public long Id { get; set; }
    public int OfficerId { get; set; }
    public Officer? Officer { get; set; }
    public int? BeatId { get; set; }
    public Beat? Beat { get; set; }
    public LogEntryKind Kind { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The department's local date of At: the day the work counts for.</summary>
    public DateOnly Date { get; set; }

    [Personal]
    public string? Place { get; set; }

    /// <summary>Door-to-door: households visited at this place, towards the tour of the whole beat.</summary>
    public int? Households { get; set; }

    [Personal]
    public string? Note { get; set; }

    /// <summary>The appeal this work was done for, if any (a visit to check an applicant's report).</summary>
    public long? AppealId { get; set; }

    /// <summary>When the officer wrote it: they may correct it for <see cref="CorrectionWindow"/> after that.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CorrectedAt { get; set; }

    /// <summary>A log is a record: its author corrects a slip the same day, not last month's work.</summary>
    public static readonly TimeSpan CorrectionWindow = TimeSpan.FromDays(1);

    public bool CanBeCorrected(DateTimeOffset now) => now - CreatedAt <= CorrectionWindow;
}

/// <summary>
/// The door-to-door tour of the whole beat a newly appointed officer completes within a month (KZ rule): households
/// visited since appointment against the beat's households.
/// </summary>
public sealed record DoorToDoorTour(DateOnly AssignedOn, DateOnly DueOn, int Households, int Visited, bool Overdue)
{
    public const int Months = 1;

    public bool Complete => Households > 0 && Visited >= Households;

    public int Percent => Households == 0 ? 0 : Math.Min(100, Visited * 100 / Households);

    public static DoorToDoorTour Of(DateOnly assignedOn, int households, int visited, DateOnly today)
    {
        var due = assignedOn.AddMonths(Months);
        return new DoorToDoorTour(assignedOn, due, households, visited, today > due && visited < households);
    }
}

public enum PreventionType
{
    SchoolLecture,
    ResidentsMeeting,
    JuvenileRaid,
    DomesticViolencePrevention,
    DoorToDoorTour,
    MediaPublication,
    Other,
}

/// <summary>A prevention activity of a post's quarterly plan: planned for a date, done (or not) with its outcome.</summary>
public sealed class PreventionActivity
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public int PrecinctId { get; set; }
    public Precinct? Precinct { get; set; }
    public int? BeatId { get; set; }
    public Beat? Beat { get; set; }
    public PreventionType Type { get; set; }
    public required string Title { get; set; }
    public DateOnly PlannedOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public int? ResponsibleOfficerId { get; set; }
    public Officer? ResponsibleOfficer { get; set; }

    /// <summary>Who takes part: officers, juvenile-affairs inspectors, volunteers, partner agencies.</summary>
    public string? Participants { get; set; }

    public string? TargetGroup { get; set; }
    public int? Attendance { get; set; }
    public string? Outcome { get; set; }
    public uint Version { get; set; }
}

/// <summary>A quarter's plan against what was done by today.</summary>
public sealed record PlanProgress(int Planned, int Done, int DoneLate, int Overdue, int Upcoming)
{
    public int Percent => Planned == 0 ? 0 : Done * 100 / Planned;
}

public static class PreventionPlan
{
    /// <summary>The first day of the quarter a date falls in.</summary>
    public static DateOnly QuarterOf(DateOnly date) => new(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);

    /// <summary>
    /// Planned (in the quarter), done (on any date), done late (after the planned date), overdue (planned before
    /// today and not done) and upcoming (planned from today on, not done).
    /// </summary>
    public static PlanProgress Progress(IEnumerable<(DateOnly PlannedOn, DateOnly? DoneOn)> items, DateOnly today)
    {
        var list = items.ToList();
        return new PlanProgress(list.Count, list.Count(i => i.DoneOn is not null), list.Count(i => i.DoneOn > i.PlannedOn),
            list.Count(i => i.DoneOn is null && i.PlannedOn < today), list.Count(i => i.DoneOn is null && i.PlannedOn >= today));
    }
}

public enum RecordCategory
{
    JuvenileAtRisk,
    DomesticViolence,
    AdministrativeSupervision,
    AlcoholOrDrugs,
    Other,
}

/// <summary>
/// A person on preventive record: the most sensitive data in the app. Seen only by the responsible post's officers,
/// juvenile-affairs inspectors (juveniles) and the chief; every read is audited.
/// </summary>
public sealed class PreventiveRecord
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public int PrecinctId { get; set; }
    public Precinct? Precinct { get; set; }
    public int? BeatId { get; set; }
    [Personal]
    public RecordCategory Category { get; set; }
    [Personal]
    public required string FullName { get; set; }
    [Personal]
    public DateOnly BirthDate { get; set; }
    [Personal]
    public string? Address { get; set; }
    [Personal]
    public required string Grounds { get; set; }
    public DateOnly StartedOn { get; set; }
    public int CheckEveryDays { get; set; }
    public DateOnly? RemovedOn { get; set; }
    [Personal]
    public string? RemovalReason { get; set; }
    public uint Version { get; set; }
    public List<RecordCheck> Checks { get; set; } = [];
}

/// <summary>A check visit to a person on record.</summary>
public sealed class RecordCheck
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public DateOnly CheckedOn { get; set; }
    public int? OfficerId { get; set; }
    public Officer? Officer { get; set; }
    [Personal]
    public string? Note { get; set; }
}

public static class RecordChecks
{
    /// <summary>Days before the due date from which a check shows as coming up.</summary>
    public const int WarningDays = 3;

    /// <summary>The next check falls a period after the last check, or after the start when there was none; none once removed.</summary>
    public static DateOnly? NextDue(DateOnly startedOn, int everyDays, DateOnly? lastCheck, DateOnly? removedOn) =>
        removedOn is not null ? null : (lastCheck is { } last && last > startedOn ? last : startedOn).AddDays(everyDays);

    public static bool IsDue(DateOnly? nextDue, DateOnly today) => nextDue is { } due && due <= today;
}

/// <summary>A joint meeting of police and associations on the state of public order, with its minutes.</summary>
public sealed class JointMeeting
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public int PrecinctId { get; set; }
    public Precinct? Precinct { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public string? Attendees { get; set; }
    public required string Minutes { get; set; }
    public List<AgreedAction> Actions { get; set; } = [];
}

/// <summary>An action agreed at a joint meeting, with an owner and a due date, tracked to done.</summary>
public sealed class AgreedAction
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string Text { get; set; }
    public required string Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}

/// <summary>What the police ask the associations serving a post to watch for; all of them, or one.</summary>
public sealed class Briefing
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public int PrecinctId { get; set; }
    public Precinct? Precinct { get; set; }
    public int? AssociationId { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public DateOnly ValidUntil { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
