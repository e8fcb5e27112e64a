namespace CommunityPolicing.Web.Domain;

public enum PrecinctKind
{
    Stationary,
    Modular,
    CombinedWithHousing,
    InteractionCentre,
}

public enum PrecinctStatus
{
    Planned,
    UnderConstruction,
    Operating,
    Closed,
}

public enum EquipmentKind
{
    CctvCamera,
    Computer,
    Communications,
    SearchDatabaseAccess,
}

/// <summary>A district police post (участковый пункт полиции).</summary>
public sealed class Precinct
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }

    /// <summary>The post's number as the public knows it ("No. 17").</summary>
    public required string Number { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public PrecinctKind Kind { get; set; }
    public PrecinctStatus Status { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public DateOnly? ConstructionStartedOn { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public bool RoundTheClock { get; set; }
    public string? ReceptionHours { get; set; }

    /// <summary>Authorised district-officer posts; vacancy is computed from this and the officers assigned.</summary>
    public int AuthorisedPosts { get; set; }

    public uint Version { get; set; }

    public List<Beat> Beats { get; set; } = [];
    public List<Officer> Officers { get; set; } = [];
    public List<EquipmentItem> Equipment { get; set; } = [];
}

public sealed class EquipmentItem
{
    public int Id { get; set; }
    public int PrecinctId { get; set; }
    public EquipmentKind Kind { get; set; }
    public int Planned { get; set; }
    public int Installed { get; set; }
    public uint Version { get; set; }
}

/// <summary>An administrative area served by a district officer; vacant when no officer is assigned.</summary>
public sealed class Beat
{
    public int Id { get; set; }
    public int PrecinctId { get; set; }
    public Precinct? Precinct { get; set; }
    public required string Name { get; set; }
    public int Population { get; set; }
    public int Households { get; set; }
    public string? Description { get; set; }

    /// <summary>Boundary polygon as GeoJSON, used later to route appeals by location.</summary>
    public string? BoundaryGeoJson { get; set; }

    public int? OfficerId { get; set; }
    public Officer? Officer { get; set; }

    /// <summary>When the current officer took the beat: the door-to-door tour is due a month later.</summary>
    public DateOnly? OfficerAssignedOn { get; set; }

    public uint Version { get; set; }
}
