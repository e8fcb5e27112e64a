using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Features.Analysis;

/// <summary>
/// The state of public order on a post for a period, for the joint meeting of police and associations: every figure
/// a count or a sum computed in PostgreSQL. Persons on record are counted for the police only (null for others).
/// </summary>
public sealed record OrderSummary(
    string Precinct, string Department, DateOnly From, DateOnly To, int Appeals, IReadOnlyList<(AppealCategory Category, int Count)> AppealsByCategory,
    IReadOnlyList<(string Beat, int Count)> AppealsByBeat, int Patrols, decimal VolunteerHours, int Incidents, int HandedOver,
    IReadOnlyList<(OffenceCategory Category, int Detected, int Prevented)> Offences, int PreventionPlanned, int PreventionDone,
    IReadOnlyList<(PreventionType Type, int Done)> PreventionByType, IReadOnlyList<(RecordCategory Category, int Count)>? OnRecord);

public sealed record MeetingLine(int Id, DateOnly HeldOn, DateOnly PeriodFrom, DateOnly PeriodTo, string? Attendees, string Minutes,
    IReadOnlyList<ActionLine> Actions);

public sealed record ActionLine(int Id, string Text, string Owner, DateOnly DueOn, DateOnly? DoneOn, bool Overdue);

public sealed record BriefingLine(int Id, string Precinct, string? Association, string Title, string Text, DateOnly ValidUntil, string Author,
    DateTimeOffset CreatedAt);

public sealed class MeetingForm
{
    public int PrecinctId { get; set; }
    public DateTime? HeldOn { get; set; } // the page gives the department's today
    public DateTime? PeriodFrom { get; set; }
    public DateTime? PeriodTo { get; set; }
    public string? Attendees { get; set; }
    public string Minutes { get; set; } = "";
    public List<ActionForm> Actions { get; set; } = [new()];

    public FieldErrors Validate() => new FieldErrors()
        .When(PrecinctId == 0, nameof(PrecinctId), "Validation.Required")
        .When(HeldOn is null, nameof(HeldOn), "Validation.Required")
        .When(PeriodFrom is null || PeriodTo is null || PeriodTo < PeriodFrom, nameof(PeriodTo), "Validation.Range")
        .Required(nameof(Minutes), Minutes).MaxLength(nameof(Minutes), Minutes, 8000).MaxLength(nameof(Attendees), Attendees, 2000)
        .When(Actions.Any(a => !a.IsEmpty && (string.IsNullOrWhiteSpace(a.Text) || string.IsNullOrWhiteSpace(a.Owner) || a.DueOn is null)),
            nameof(Actions), "Analysis.ActionIncomplete")
        .When(Actions.Any(a => a.Text?.Length > 1000 || a.Owner?.Length > 200), nameof(Actions), "Validation.TooLong")
        .When(Actions.Any(a => Features.Text.IsUnstorable(a.Text) || Features.Text.IsUnstorable(a.Owner)), nameof(Actions), "Validation.Characters");
}

public sealed class ActionForm
{
    public string? Text { get; set; }
    public string? Owner { get; set; }
    public DateTime? DueOn { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Owner) && DueOn is null;
}

public sealed class BriefingForm
{
    public int PrecinctId { get; set; }
    public int? AssociationId { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime? ValidUntil { get; set; } // the page offers a month from the department's today

    public FieldErrors Validate(DateOnly today) => new FieldErrors()
        .When(PrecinctId == 0, nameof(PrecinctId), "Validation.Required")
        .Required(nameof(Title), Title).MaxLength(nameof(Title), Title, 200)
        .Required(nameof(Text), Text).MaxLength(nameof(Text), Text, 4000)
        .When(ValidUntil is null || DateOnly.FromDateTime(ValidUntil.Value) < today, nameof(ValidUntil), "Validation.Range");
}
