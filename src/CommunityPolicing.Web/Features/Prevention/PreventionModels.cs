using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Features.Prevention;

public sealed record ActivityRow(int Id, PreventionType Type, string Title, DateOnly PlannedOn, DateOnly? DoneOn, string Precinct, string? Beat,
    string? Responsible, int? Attendance, string? Outcome, bool Overdue, uint Version);

/// <summary>A post's (or the department's) quarter: the activities and the plan's progress.</summary>
public sealed record QuarterPlan(DateOnly Quarter, DateOnly Today, PlanProgress Progress, IReadOnlyList<ActivityRow> Activities, bool CanEdit);

public sealed class ActivityForm
{
    public int Id { get; set; }
    public int PrecinctId { get; set; }
    public int? BeatId { get; set; }
    public PreventionType Type { get; set; } = PreventionType.SchoolLecture;
    public string Title { get; set; } = "";
    public DateTime? PlannedOn { get; set; }
    public int? ResponsibleOfficerId { get; set; }
    public string? Participants { get; set; }
    public string? TargetGroup { get; set; }
    public uint Version { get; set; }

    public FieldErrors Validate() => new FieldErrors()
        .When(PrecinctId == 0, nameof(PrecinctId), "Validation.Required")
        .Required(nameof(Title), Title).MaxLength(nameof(Title), Title, 300)
        .When(PlannedOn is null, nameof(PlannedOn), "Validation.Required")
        .MaxLength(nameof(Participants), Participants, 1000).MaxLength(nameof(TargetGroup), TargetGroup, 300);
}

/// <summary>Marks an activity done: when, how many came, what came of it.</summary>
public sealed class DoneForm
{
    public int Id { get; set; }
    public DateTime? DoneOn { get; set; }
    public int? Attendance { get; set; }
    public string? Outcome { get; set; }
    public uint Version { get; set; }

    public FieldErrors Validate(DateOnly today) => new FieldErrors()
        .When(DoneOn is null, nameof(DoneOn), "Validation.Required")
        .When(DoneOn is { } done && DateOnly.FromDateTime(done) > today, nameof(DoneOn), "Validation.NotInFuture")
        .When(Attendance is < 0 or > 100000, nameof(Attendance), "Validation.Range")
        .MaxLength(nameof(Outcome), Outcome, 2000);
}

public sealed record RecordRow(int Id, RecordCategory Category, string FullName, string Precinct, DateOnly StartedOn, DateOnly? LastCheck,
    DateOnly? NextDue, bool Due, DateOnly? RemovedOn);

public sealed record RecordDetails(int Id, RecordCategory Category, string FullName, DateOnly BirthDate, string? Address, string Grounds, string Precinct,
    DateOnly StartedOn, int CheckEveryDays, DateOnly? NextDue, bool Due, DateOnly? RemovedOn, string? RemovalReason,
    IReadOnlyList<(DateOnly CheckedOn, string? Officer, string? Note)> Checks, uint Version);

public sealed class RecordForm
{
    public int PrecinctId { get; set; }
    public RecordCategory Category { get; set; } = RecordCategory.DomesticViolence;
    public string FullName { get; set; } = "";
    public DateTime? BirthDate { get; set; }
    public string? Address { get; set; }
    public string Grounds { get; set; } = "";
    public DateTime? StartedOn { get; set; } // the page gives the department's today
    public int CheckEveryDays { get; set; } = 30;

    public FieldErrors Validate(DateOnly today) => new FieldErrors()
        .When(PrecinctId == 0, nameof(PrecinctId), "Validation.Required")
        .Required(nameof(FullName), FullName).MaxLength(nameof(FullName), FullName, 200)
        .When(BirthDate is null, nameof(BirthDate), "Validation.Required")
        .When(BirthDate is { } born && (DateOnly.FromDateTime(born) > today || DateOnly.FromDateTime(born) < today.AddYears(-110)), nameof(BirthDate), "Validation.BirthDate")
        .Required(nameof(Grounds), Grounds).MaxLength(nameof(Grounds), Grounds, 2000).MaxLength(nameof(Address), Address, 300)
        .When(StartedOn is null, nameof(StartedOn), "Validation.Required")
        .When(StartedOn is { } started && DateOnly.FromDateTime(started) > today, nameof(StartedOn), "Validation.NotInFuture")
        .When(CheckEveryDays is < 1 or > 366, nameof(CheckEveryDays), "Validation.Range");
}
