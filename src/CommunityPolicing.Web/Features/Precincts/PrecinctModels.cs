using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Features.Precincts;

public sealed record PrecinctListQuery(
    string? Search = null,
    PrecinctStatus? Status = null,
    int? DepartmentId = null,
    string? SortBy = null,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);

public sealed record PrecinctRow(
    int Id, string Number, string Name, string Department, PrecinctKind Kind, PrecinctStatus Status,
    int Beats, int VacantBeats, int Authorised, int Filled)
{
    public Staffing Staffing => new(Authorised, Filled);
}

public sealed record EquipmentLine(int Id, EquipmentKind Kind, int Planned, int Installed, uint Version);

public sealed record BeatLine(int Id, string Name, int Population, int Households, int? OfficerId, string? OfficerName, bool HasBoundary);

public sealed record OfficerLine(int Id, string FullName, string Rank, OfficerPosition Position, bool LivesOnBeat, int Beats);

/// <summary>The post's passport: everything the chief looks at on a visit.</summary>
public sealed record PrecinctPassport(
    int Id, int DepartmentId, string Department, string Number, string Name, string Address,
    double? Latitude, double? Longitude, PrecinctKind Kind, PrecinctStatus Status,
    DateOnly? PlannedOn, DateOnly? ConstructionStartedOn, DateOnly? OpenedOn, DateOnly? ClosedOn,
    bool RoundTheClock, string? ReceptionHours, Staffing Staffing, bool CanEdit,
    IReadOnlyList<EquipmentLine> Equipment, IReadOnlyList<BeatLine> Beats, IReadOnlyList<OfficerLine> Officers, Jurisdiction Jurisdiction);

/// <summary>What the create/edit dialog edits. Version is the row version the user started from.</summary>
public sealed class PrecinctForm
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public string Number { get; set; } = "";
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public PrecinctKind Kind { get; set; }
    public PrecinctStatus Status { get; set; } = PrecinctStatus.Planned;
    public DateTime? PlannedOn { get; set; }
    public DateTime? ConstructionStartedOn { get; set; }
    public DateTime? OpenedOn { get; set; }
    public DateTime? ClosedOn { get; set; }
    public bool RoundTheClock { get; set; }
    public string? ReceptionHours { get; set; }
    public int AuthorisedPosts { get; set; }
    public uint Version { get; set; }

    public FieldErrors Validate() => new FieldErrors()
        .When(DepartmentId <= 0, nameof(DepartmentId), "Validation.Required")
        .Required(nameof(Number), Number).MaxLength(nameof(Number), Number, 20)
        .Required(nameof(Name), Name).MaxLength(nameof(Name), Name, 200)
        .Required(nameof(Address), Address).MaxLength(nameof(Address), Address, 300)
        .MaxLength(nameof(ReceptionHours), ReceptionHours, 200)
        .When(Latitude is < -90 or > 90, nameof(Latitude), "Validation.Latitude")
        .When(Longitude is < -180 or > 180, nameof(Longitude), "Validation.Longitude")
        .When(Latitude.HasValue != Longitude.HasValue, Latitude.HasValue ? nameof(Longitude) : nameof(Latitude), "Validation.CoordinatesPair")
        .When(AuthorisedPosts is < 0 or > 500, nameof(AuthorisedPosts), "Validation.Range")
        .When(Status == PrecinctStatus.Operating && OpenedOn is null, nameof(OpenedOn), "Validation.OpenedOnRequired")
        .When(Status == PrecinctStatus.Closed && ClosedOn is null, nameof(ClosedOn), "Validation.ClosedOnRequired")
        .When(OpenedOn is not null && ClosedOn is not null && ClosedOn < OpenedOn, nameof(ClosedOn), "Validation.ClosedBeforeOpened")
        .When(Status is PrecinctStatus.Planned or PrecinctStatus.UnderConstruction && OpenedOn is not null, nameof(OpenedOn), "Validation.NotOpenYet");
}

public sealed class BeatForm
{
    public int Id { get; set; }
    public int PrecinctId { get; set; }
    public string Name { get; set; } = "";
    public int Population { get; set; }
    public int Households { get; set; }
    public string? Description { get; set; }
    public string? BoundaryGeoJson { get; set; }
    public int? OfficerId { get; set; }
    public uint Version { get; set; }

    public FieldErrors Validate() => new FieldErrors()
        .Required(nameof(Name), Name).MaxLength(nameof(Name), Name, 200)
        .MaxLength(nameof(Description), Description, 2000)
        .When(Population is < 0 or > 10_000_000, nameof(Population), "Validation.Range")
        .When(Households is < 0 or > 10_000_000, nameof(Households), "Validation.Range")
        .When(!BeatBoundary.IsValid(BoundaryGeoJson), nameof(BoundaryGeoJson), "Validation.GeoJson");
}

public sealed record BeatDetails(
    int Id, int PrecinctId, string PrecinctNumber, string PrecinctName, string Department, string Name,
    int Population, int Households, string? Description, string? BoundaryGeoJson,
    int? OfficerId, string? OfficerName, string? OfficerRank, string? OfficerPhone, bool CanEdit, uint Version);
