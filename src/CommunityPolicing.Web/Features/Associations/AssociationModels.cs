using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Features.Associations;

public sealed record AssociationRow(int Id, string Name, AssociationKind Kind, AssociationStatus Status, string Department,
    int Members, int Active, int Candidates);

public sealed record MemberLine(int Id, string FullName, string? Phone, VolunteerStatus Status, EligibilityResult Eligibility, decimal PatrolHoursThisMonth);

public sealed record TrainingLine(int Id, TrainingTopic Topic, DateOnly HeldOn, decimal Hours, int Attendees, int Passed);

public sealed record AssociationDetails(
    int Id, string Name, AssociationKind Kind, AssociationStatus Status, string Department, string? RegisterNumber, DateOnly? RegisteredOn,
    string? Phone, string? Email, string? Address, IReadOnlyList<string> Precincts, IReadOnlyList<string> Coordinators, bool CanEdit,
    bool CanManage, DateOnly Today, IReadOnlyList<MemberLine> Members, IReadOnlyList<TrainingLine> Trainings, VolunteerHours Hours,
    VolunteerHours PatrolHours, MonthReport ThisMonth);

/// <summary>
/// A volunteer as the user may see them. Document number, address and birth date are null for roles that must
/// not see them (district officers).
/// </summary>
public sealed record VolunteerDetails(
    int Id, int AssociationId, string Association, string FullName, string? Phone, VolunteerStatus Status, string? StatusReason,
    string? BadgeNumber, DateOnly JoinedOn, DateOnly? LeftOn, DateOnly? BirthDate, string? Address, string? DocumentNumber,
    DateOnly? BackgroundCheckOn, bool? BackgroundCheckPassed, DateOnly? ConsentOn, bool FullRecord, bool CanEdit,
    EligibilityResult Eligibility, IReadOnlyList<(TrainingTopic Topic, DateOnly HeldOn, bool Passed)> Trainings, uint Version);

public sealed class VolunteerForm
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public string FullName { get; set; } = "";
    public DateTime? BirthDate { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? DocumentNumber { get; set; }
    public string? BadgeNumber { get; set; }
    public DateTime? JoinedOn { get; set; } // the page gives the department's today
    public DateTime? LeftOn { get; set; }
    public VolunteerStatus Status { get; set; } = VolunteerStatus.Candidate;
    public string? StatusReason { get; set; }
    public DateTime? BackgroundCheckOn { get; set; }
    public bool? BackgroundCheckPassed { get; set; }
    public DateTime? ConsentOn { get; set; }
    public uint Version { get; set; }

    public FieldErrors Validate(DateOnly today) => new FieldErrors()
        .Required(nameof(FullName), FullName).MaxLength(nameof(FullName), FullName, 200)
        .When(BirthDate is null, nameof(BirthDate), "Validation.Required")
        .When(BirthDate is { } born && (DateOnly.FromDateTime(born) > today.AddYears(-14) || DateOnly.FromDateTime(born) < today.AddYears(-100)),
            nameof(BirthDate), "Validation.BirthDate")
        .When(JoinedOn is null, nameof(JoinedOn), "Validation.Required")
        .When(Phone is { Length: > 0 } && !PhoneNumber.IsPlausible(Phone), nameof(Phone), "Validation.Phone")
        .MaxLength(nameof(Address), Address, 300).MaxLength(nameof(DocumentNumber), DocumentNumber, 30).MaxLength(nameof(BadgeNumber), BadgeNumber, 30)
        .When(Status is VolunteerStatus.Suspended or VolunteerStatus.Left && string.IsNullOrWhiteSpace(StatusReason), nameof(StatusReason), "Validation.ReasonRequired")
        .MaxLength(nameof(StatusReason), StatusReason, 500)
        .When(Status == VolunteerStatus.Left && LeftOn is null, nameof(LeftOn), "Validation.Required")
        .When(BackgroundCheckPassed is not null && BackgroundCheckOn is null, nameof(BackgroundCheckOn), "Validation.Required")
        .When(ConsentOn is { } consent && DateOnly.FromDateTime(consent) > today, nameof(ConsentOn), "Validation.NotInFuture");
}

public sealed class TrainingForm
{
    public int AssociationId { get; set; }
    public TrainingTopic Topic { get; set; } = TrainingTopic.FirstAid;
    public DateTime? HeldOn { get; set; } // the page gives the department's today
    public decimal Hours { get; set; } = 4;
    public int? InstructorOfficerId { get; set; }
    public string? Notes { get; set; }
    public Dictionary<int, bool> Attendees { get; set; } = [];

    public FieldErrors Validate(DateOnly today) => new FieldErrors()
        .When(HeldOn is null, nameof(HeldOn), "Validation.Required")
        .When(HeldOn is { } held && DateOnly.FromDateTime(held) > today, nameof(HeldOn), "Validation.NotInFuture")
        .When(Hours is <= 0 or > 80, nameof(Hours), "Validation.Range")
        .When(Attendees.Count == 0, nameof(Attendees), "Validation.Required")
        .MaxLength(nameof(Notes), Notes, 2000);
}

public sealed record RosterRow(string FullName, string? Phone, VolunteerStatus Status, string? BadgeNumber, DateOnly JoinedOn,
    DateOnly? BirthDate, string? Address, string? DocumentNumber, EligibilityResult Eligibility);

public sealed record RosterExport(string Association, bool IncludesPersonalData, DateOnly Today, IReadOnlyList<RosterRow> Rows);

public sealed record TrainingRow(int Id, TrainingTopic Topic, DateOnly HeldOn, decimal Hours, string Association, string? Instructor, int Attendees, int Passed);

public sealed record AttendanceLine(int VolunteerId, string FullName, bool Passed);

public sealed record TrainingDetails(int Id, TrainingTopic Topic, DateOnly HeldOn, decimal Hours, int AssociationId, string Association,
    string? Instructor, string? Notes, IReadOnlyList<AttendanceLine> Attendance);

public sealed class AssociationForm
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public AssociationKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? RegisterNumber { get; set; }
    public DateTime? RegisteredOn { get; set; }
    public AssociationStatus Status { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public IReadOnlyCollection<int> PrecinctIds { get; set; } = [];
    public IReadOnlyCollection<string> CoordinatorIds { get; set; } = [];
    public uint Version { get; set; }

    public FieldErrors Validate() => new FieldErrors()
        .When(DepartmentId <= 0, nameof(DepartmentId), "Validation.Required")
        .Required(nameof(Name), Name).MaxLength(nameof(Name), Name, 200)
        .MaxLength(nameof(RegisterNumber), RegisterNumber, 50).MaxLength(nameof(Address), Address, 300)
        .When(Phone is { Length: > 0 } && !PhoneNumber.IsPlausible(Phone), nameof(Phone), "Validation.Phone")
        .When(Email is { Length: > 0 } && !EmailAddress.IsValid(Email), nameof(Email), "Validation.Email")
        .When(PrecinctIds.Count == 0, nameof(PrecinctIds), "Validation.Required");
}

/// <summary>Person-hours (of training, or of joint patrols) in the current month, quarter and year to date.</summary>
public sealed record VolunteerHours(decimal Month, decimal Quarter, decimal Year);

/// <summary>A month's plan against what was done.</summary>
public sealed record MonthReport(DateOnly Month, int PlannedPatrols, int PlannedEvents, decimal PlannedTrainingHours, string? Notes,
    int DoneEvents, decimal DoneTrainingHours, int DonePatrols, decimal DonePatrolHours, uint Version, bool Planned);

/// <summary>The printable month report: plan against done, the month's patrols and each member's share.</summary>
public sealed record AssociationMonthReport(int Id, string Name, string Department, MonthReport Report, IReadOnlyList<MonthPatrolLine> Patrols,
    IReadOnlyList<MemberMonthLine> Members, IReadOnlyList<TrainingLine> Trainings);

public sealed record MonthPatrolLine(int Id, DateOnly Date, PatrolStatus Status, string Precinct, int Present, decimal Hours, int Incidents, int HandedOver);

public sealed record MemberMonthLine(string FullName, int Patrols, decimal Hours);

/// <summary>Each member's patrol hours for the hours export.</summary>
public sealed record HoursExport(string Association, DateOnly Today, IReadOnlyList<VolunteerPatrolHours> Rows);

/// <summary>Patrol hours of one volunteer in the month, quarter and year to date.</summary>
public sealed record VolunteerPatrolHours(int VolunteerId, string FullName, VolunteerStatus Status, decimal Month, decimal Quarter, decimal Year);

public sealed class MonthPlanForm
{
    public int AssociationId { get; set; }
    public DateOnly Month { get; set; }
    public int PlannedPatrols { get; set; }
    public int PlannedEvents { get; set; }
    public decimal PlannedTrainingHours { get; set; }
    public string? Notes { get; set; }
    public uint Version { get; set; }

    public FieldErrors Validate() => new FieldErrors()
        .When(PlannedPatrols is < 0 or > 1000, nameof(PlannedPatrols), "Validation.Range")
        .When(PlannedEvents is < 0 or > 1000, nameof(PlannedEvents), "Validation.Range")
        .When(PlannedTrainingHours is < 0 or > 10000, nameof(PlannedTrainingHours), "Validation.Range")
        .MaxLength(nameof(Notes), Notes, 4000);
}
