namespace CommunityPolicing.Web.Domain;

public enum OfficerPosition
{
    DistrictInspector,
    SeniorDistrictInspector,
    JuvenileAffairsInspector,
    PrecinctHead,
    DepartmentChief,
}

public sealed class Officer
{
    public int Id { get; set; }
    public int PrecinctId { get; set; }
    public Precinct? Precinct { get; set; }
    public required string FullName { get; set; }
    public required string Rank { get; set; }
    public required string BadgeNumber { get; set; }
    public OfficerPosition Position { get; set; }
    public bool LivesOnBeat { get; set; }
    public string? Phone { get; set; }

    /// <summary>The officer's sign-in account, when they have one.</summary>
    public string? UserId { get; set; }

    public uint Version { get; set; }
    public List<Beat> Beats { get; set; } = [];
}
