namespace CommunityPolicing.Web.Domain;

public enum AssociationKind
{
    PeoplesGuard,
    InteractionGroup,
    NeighbourhoodWatch,
    YouthSquad,
    Other,
}

public enum AssociationStatus
{
    Active,
    Suspended,
    Dissolved,
}

/// <summary>A public law-enforcement association (народная дружина, group of police–public interaction, ...).</summary>
public sealed class Association
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public AssociationKind Kind { get; set; }
    public required string Name { get; set; }
    public string? RegisterNumber { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public AssociationStatus Status { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public uint Version { get; set; }
    public List<Precinct> Precincts { get; set; } = [];
    public List<AssociationCoordinator> Coordinators { get; set; } = [];
    public List<Volunteer> Members { get; set; } = [];
}

/// <summary>A user who keeps an association's roster: the coordinator's scope.</summary>
public sealed class AssociationCoordinator
{
    public int AssociationId { get; set; }
    public required string UserId { get; set; }
}

public enum VolunteerStatus
{
    Candidate,
    Active,
    Suspended,
    Left,
}

/// <summary>A member of an association (дружинник). Document number, address and birth date are personal data.</summary>
public sealed class Volunteer
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public Association? Association { get; set; }
    [Personal]
    public required string FullName { get; set; }
    [Personal]
    public DateOnly BirthDate { get; set; }
    [Personal]
    public string? Phone { get; set; }
    [Personal]
    public string? Address { get; set; }
    [Personal]
    public string? DocumentNumber { get; set; }
    public string? BadgeNumber { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public VolunteerStatus Status { get; set; }
    [Personal]
    public string? StatusReason { get; set; }
    public DateOnly? BackgroundCheckOn { get; set; }
    public bool? BackgroundCheckPassed { get; set; }
    public DateOnly? ConsentOn { get; set; }
    public uint Version { get; set; }
}

public enum TrainingTopic
{
    LegalBasics,
    FirstAid,
    LawfulForce,
    PatrolTactics,
    Other,
}

/// <summary>How long a passed training counts, and whether patrolling needs it (admin-editable).</summary>
public sealed class TrainingTopicRule
{
    public TrainingTopic Topic { get; set; }
    public int? ValidityMonths { get; set; }
    public bool RequiredForPatrol { get; set; }

    public static readonly TrainingTopicRule[] Defaults =
    [
        new() { Topic = TrainingTopic.LegalBasics, ValidityMonths = 24, RequiredForPatrol = true },
        new() { Topic = TrainingTopic.FirstAid, ValidityMonths = 12, RequiredForPatrol = true },
        new() { Topic = TrainingTopic.LawfulForce, ValidityMonths = 12, RequiredForPatrol = true },
        new() { Topic = TrainingTopic.PatrolTactics, ValidityMonths = 24, RequiredForPatrol = false },
        new() { Topic = TrainingTopic.Other, ValidityMonths = null, RequiredForPatrol = false },
    ];
}

public sealed class TrainingSession
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public TrainingTopic Topic { get; set; }
    public DateOnly HeldOn { get; set; }
    public decimal Hours { get; set; }
    public int? InstructorOfficerId { get; set; }
    public Officer? InstructorOfficer { get; set; }
    public string? Notes { get; set; }
    public uint Version { get; set; }
    public List<TrainingAttendance> Attendance { get; set; } = [];
}

public sealed class TrainingAttendance
{
    public int Id { get; set; }
    public int TrainingSessionId { get; set; }
    public int VolunteerId { get; set; }
    public Volunteer? Volunteer { get; set; }
    public bool Passed { get; set; }
}

/// <summary>
/// An association's plan for one month ("methodical help in planning and accounting for their work"): what it
/// means to do; what it did is counted from the records (training now, joint patrols when they are recorded).
/// </summary>
public sealed class AssociationMonthPlan
{
    public int Id { get; set; }
    public int AssociationId { get; set; }

    /// <summary>The first day of the month planned.</summary>
    public DateOnly Month { get; set; }

    public int PlannedPatrols { get; set; }
    public int PlannedEvents { get; set; }
    public decimal PlannedTrainingHours { get; set; }
    public string? Notes { get; set; }
    public uint Version { get; set; }
}
