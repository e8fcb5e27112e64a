using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Features.Patrols;

/// <summary>A patrol in a list or calendar, with times in the department's zone.</summary>
public sealed record PatrolRow(int Id, DateOnly Date, TimeOnly Start, TimeOnly End, PatrolStatus Status, string Precinct, string? Association,
    string Beats, int Officers, int VolunteersConfirmed, int VolunteersInvited, int VolunteersDeclined = 0)
{
    /// <summary>Volunteers invited who have not answered yet: the gap a coordinator chases before the patrol.</summary>
    public int Unconfirmed => VolunteersInvited - VolunteersConfirmed - VolunteersDeclined;
}

public sealed record PatrolQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public PatrolStatus? Status { get; init; }
    public int? PrecinctId { get; init; }
    public int? AssociationId { get; init; }

    /// <summary>Only patrols the signed-in officer is on, or of the coordinator's associations.</summary>
    public bool Mine { get; init; }
}

public sealed record ParticipantLine(int Id, int? OfficerId, int? VolunteerId, string Name, string? Phone, ParticipantResponse Response,
    bool? Present, decimal Hours);

public sealed record OffenceLine(OffenceCategory Category, int Detected, int Prevented);

public sealed record PatrolDetails(
    int Id, DateOnly Date, TimeOnly Start, TimeOnly End, PatrolStatus Status, int PrecinctId, string Precinct, int? AssociationId,
    string? Association, IReadOnlyList<string> Beats, string? MeetingPoint, string? Route, string? Briefing, string? CancelReason,
    Guid? SeriesId, TimeOnly? ActualStart, TimeOnly? ActualEnd, int? Incidents, int? PersonsHandedOver, string? ReportNotes,
    IReadOnlyList<ParticipantLine> Participants, IReadOnlyList<OffenceLine> Offences, bool CanEdit, bool HasStarted, uint Version);

/// <summary>A plan for one patrol, or for a series when Until and weekdays are given.</summary>
public sealed class PatrolForm
{
    public const int MaxSeriesDays = 92;

    public int Id { get; set; }
    public int PrecinctId { get; set; }
    public int? AssociationId { get; set; }
    public DateTime? Date { get; set; }
    public DateTime? Until { get; set; }
    public HashSet<DayOfWeek> Weekdays { get; set; } = [];
    public TimeSpan? Start { get; set; } = new(19, 0, 0);
    public TimeSpan? End { get; set; } = new(23, 0, 0);
    public IReadOnlyCollection<int> BeatIds { get; set; } = [];
    public IReadOnlyCollection<int> OfficerIds { get; set; } = [];
    public IReadOnlyCollection<int> VolunteerIds { get; set; } = [];
    public string? MeetingPoint { get; set; }
    public string? Route { get; set; }
    public string? Briefing { get; set; }

    /// <summary>Create the occurrences without conflicts and leave out the others (after the user saw why).</summary>
    public bool SkipConflicting { get; set; }

    public uint Version { get; set; }

    public bool IsSeries => Id == 0 && Until is not null;

    public FieldErrors Validate() => new FieldErrors()
        .When(PrecinctId == 0, nameof(PrecinctId), "Validation.Required")
        .When(Date is null, nameof(Date), "Validation.Required")
        .When(Start is null, nameof(Start), "Validation.Required")
        .When(End is null, nameof(End), "Validation.Required")
        .When(OfficerIds.Count == 0, nameof(OfficerIds), "Patrol.NeedsOfficer")
        .When(VolunteerIds.Count > 0 && AssociationId is null, nameof(AssociationId), "Validation.Required")
        .When(Until is { } until && Date is { } from && (until < from || until > from.AddDays(MaxSeriesDays)), nameof(Until), "Patrol.SeriesRange")
        .When(Until is not null && Weekdays.Count == 0, nameof(Weekdays), "Validation.Required")
        .MaxLength(nameof(MeetingPoint), MeetingPoint, 300).MaxLength(nameof(Route), Route, 1000).MaxLength(nameof(Briefing), Briefing, 2000);
}

/// <summary>One occurrence of a plan and why it cannot be planned (empty when it can).</summary>
public sealed record OccurrenceCheck(DateOnly Date, IReadOnlyList<PatrolConflict> Conflicts);

/// <summary>
/// The outcome of planning: saved (Created occurrences, the first one's id), or refused with the form's field errors
/// or the conflicts of each occurrence; nothing is saved unless every occurrence is free or the user chose to skip
/// the conflicting ones.
/// </summary>
public sealed record PlanResult(SaveResult Save, IReadOnlyList<OccurrenceCheck> Occurrences, int Created)
{
    public bool HasConflicts => Occurrences.Any(o => o.Conflicts.Count > 0);
}

/// <summary>What happened on a patrol, filed after it started.</summary>
public sealed class PatrolReportForm
{
    public int PatrolId { get; set; }
    public TimeSpan? ActualStart { get; set; }
    public TimeSpan? ActualEnd { get; set; }
    public Dictionary<int, bool> Present { get; set; } = [];
    public int Incidents { get; set; }
    public int PersonsHandedOver { get; set; }
    public Dictionary<OffenceCategory, (int Detected, int Prevented)> Offences { get; set; } = [];
    public string? Notes { get; set; }
    public uint Version { get; set; }

    public FieldErrors Validate() => new FieldErrors()
        .When(ActualStart is null, nameof(ActualStart), "Validation.Required")
        .When(ActualEnd is null, nameof(ActualEnd), "Validation.Required")
        .When(Incidents is < 0 or > 1000, nameof(Incidents), "Validation.Range")
        .When(PersonsHandedOver is < 0 or > 1000, nameof(PersonsHandedOver), "Validation.Range")
        .When(Offences.Values.Any(o => o.Detected is < 0 or > 1000 || o.Prevented is < 0 or > 1000), nameof(Offences), "Validation.Range")
        .MaxLength(nameof(Notes), Notes, 4000);
}

/// <summary>
/// Choices for the plan form: what the user may plan for, who may take part, and the post's public holidays (for the
/// preview of a series' dates).
/// </summary>
public sealed record PlanOptions(IReadOnlyList<Option> Precincts, IReadOnlyList<Option> Beats, IReadOnlyList<Option> Officers,
    IReadOnlyList<Option> Associations, IReadOnlyList<VolunteerOption> Volunteers, IReadOnlyDictionary<DateOnly, string> Holidays);

/// <summary>A member the planner may invite, and whether (and why not) they may patrol on the patrol's date.</summary>
public sealed record VolunteerOption(int Id, string Name, EligibilityResult Eligibility);

public sealed record CoverageRow(int BeatId, string Beat, string Precinct, DateOnly? LastPatrol);

public sealed record FeedLine(int Id, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>Where and what citizens reported lately on a post: counts by category and beat, nothing about who reported.</summary>
public sealed record HotSpots(int Days, IReadOnlyList<(AppealCategory Category, int Count)> Categories, IReadOnlyList<(string Beat, int Count)> Beats);

/// <summary>A month of an association's (or the user's) completed patrols: how many, what they met, volunteers' hours.</summary>
public sealed record MonthOutcome(DateOnly Month, int Patrols, int Incidents, int HandedOver, decimal VolunteerHours);
