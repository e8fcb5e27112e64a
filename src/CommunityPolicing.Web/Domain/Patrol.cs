namespace CommunityPolicing.Web.Domain;

public enum PatrolStatus
{
    Planned,
    Confirmed,
    InProgress,
    Completed,
    Cancelled,
}

/// <summary>A volunteer's answer to the invitation; officers are assigned and count as confirmed.</summary>
public enum ParticipantResponse
{
    Invited,
    Confirmed,
    Declined,
    NoShow,
}

public enum OffenceCategory
{
    PublicDrinking,
    Hooliganism,
    Theft,
    Traffic,
    DomesticConflict,
    JuvenileOffence,
    Drugs,
    Other,
}

/// <summary>
/// A joint patrol: at least one police officer with volunteers of an association on a beat or route. Times are
/// instants (UTC); Date is the department's local date of the start, the day the patrol counts towards.
/// </summary>
public sealed class Patrol
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int PrecinctId { get; set; }
    public Precinct? Precinct { get; set; }
    public int? AssociationId { get; set; }
    public Association? Association { get; set; }
    public DateOnly Date { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? MeetingPoint { get; set; }
    public string? Route { get; set; }

    /// <summary>Focus areas for the patrol, e.g. hot spots from recent appeals.</summary>
    public string? Briefing { get; set; }

    public PatrolStatus Status { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>Occurrences created by one recurring plan share this id.</summary>
    public Guid? SeriesId { get; set; }

    public DateTimeOffset? ActualStart { get; set; }
    public DateTimeOffset? ActualEnd { get; set; }
    public int? Incidents { get; set; }
    public int? PersonsHandedOver { get; set; }
    public string? ReportNotes { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public uint Version { get; set; }

    public List<Beat> Beats { get; set; } = [];
    public List<PatrolParticipant> Participants { get; set; } = [];
    public List<PatrolOffence> Offences { get; set; } = [];
}

/// <summary>An officer or a volunteer on a patrol (exactly one of the two), with attendance and hours once reported.</summary>
public sealed class PatrolParticipant
{
    public int Id { get; set; }
    public int PatrolId { get; set; }
    public int? OfficerId { get; set; }
    public Officer? Officer { get; set; }
    public int? VolunteerId { get; set; }
    public Volunteer? Volunteer { get; set; }
    public ParticipantResponse Response { get; set; }
    public bool? Present { get; set; }
    public decimal Hours { get; set; }
}

/// <summary>Offences detected or prevented on a patrol, counted by category.</summary>
public sealed class PatrolOffence
{
    public int Id { get; set; }
    public int PatrolId { get; set; }
    public OffenceCategory Category { get; set; }
    public int Detected { get; set; }
    public int Prevented { get; set; }
}

/// <summary>
/// A secret link to a calendar feed of an association's or an officer's patrols. Only the SHA-256 of the token is
/// stored: the link is shown once, and revoking it stops the feed.
/// </summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }
    public required byte[] TokenHash { get; set; }
    public int? AssociationId { get; set; }
    public int? OfficerId { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public enum NotificationKind
{
    PatrolTomorrow,
    PatrolSoon,

    /// <summary>To the officer an appeal was routed or assigned to.</summary>
    AppealAssigned,

    /// <summary>To the department's chiefs: a new appeal that found no officer (no beat, or a complaint about one).</summary>
    AppealUnrouted,

    /// <summary>To the department's chiefs: an applicant rated the answer 1 or 2.</summary>
    AppealLowRating,
}

/// <summary>
/// An in-app message to one user, about a patrol or an appeal; (user, patrol, kind) is unique so a patrol reminder is
/// sent once, while an appeal assigned twice tells its officer twice.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public int? PatrolId { get; set; }
    public long? AppealId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset? EmailedAt { get; set; }
}
