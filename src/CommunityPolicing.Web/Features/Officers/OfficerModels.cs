using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Features.Officers;

public sealed record OfficerListQuery(
    string? Search = null,
    OfficerPosition? Position = null,
    int? PrecinctId = null,
    string? SortBy = null,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);

public sealed record OfficerRow(
    int Id, string FullName, string Rank, string BadgeNumber, OfficerPosition Position,
    int PrecinctId, string PrecinctNumber, string Department, int Beats, bool LivesOnBeat, Jurisdiction Jurisdiction);

public sealed record OfficerDetails(
    int Id, string FullName, string Rank, string BadgeNumber, OfficerPosition Position, bool LivesOnBeat, string? Phone,
    int PrecinctId, string PrecinctNumber, string PrecinctName, string Department, string? UserName, bool CanEdit,
    IReadOnlyList<Option> Beats, Jurisdiction Jurisdiction);

public sealed class OfficerForm
{
    public int Id { get; set; }
    public int PrecinctId { get; set; }
    public string FullName { get; set; } = "";
    public string Rank { get; set; } = "";
    public string BadgeNumber { get; set; } = "";
    public OfficerPosition Position { get; set; }
    public bool LivesOnBeat { get; set; }
    public string? Phone { get; set; }
    public IReadOnlyCollection<int> BeatIds { get; set; } = [];
    public uint Version { get; set; }

    public FieldErrors Validate() => new FieldErrors()
        .When(PrecinctId <= 0, nameof(PrecinctId), "Validation.Required")
        .Required(nameof(FullName), FullName).MaxLength(nameof(FullName), FullName, 200)
        .Required(nameof(Rank), Rank).MaxLength(nameof(Rank), Rank, 100)
        .Required(nameof(BadgeNumber), BadgeNumber).MaxLength(nameof(BadgeNumber), BadgeNumber, 30)
        .MaxLength(nameof(Phone), Phone, 30)
        .When(Phone is { Length: > 0 } && !PhoneNumber.IsPlausible(Phone), nameof(Phone), "Validation.Phone");
}
