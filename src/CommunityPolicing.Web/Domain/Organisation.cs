namespace CommunityPolicing.Web.Domain;

/// <summary>Which law sets the rules for citizens' appeals (answer deadlines, extensions).</summary>
public enum Jurisdiction
{
    Kazakhstan,
    Russia,
    Tajikistan,
}

public sealed class Region
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Department> Departments { get; set; } = [];
}

/// <summary>A city or district police department; a station chief's scope.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public required string Name { get; set; }
    public Jurisdiction Jurisdiction { get; set; }

    /// <summary>IANA time zone, e.g. Asia/Almaty: instants are stored in UTC and shown in this zone.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>
    /// The city or district the department serves, as a citizen names it in each language ("Taraz", «г. Тараз»): the
    /// portal lists places, not the department's official Russian name. Empty falls back to <see cref="Name"/>.
    /// </summary>
    public string? PlaceEn { get; set; }
    public string? PlaceRu { get; set; }
    public string? PlaceKk { get; set; }
    public string? PlaceTg { get; set; }

    public List<Precinct> Precincts { get; set; } = [];

    public string Place(string culture) =>
        (culture switch { "ru" => PlaceRu, "kk" => PlaceKk, "tg" => PlaceTg, _ => PlaceEn }) is { Length: > 0 } place ? place : Name;
}
