namespace CommunityPolicing.DataGen;

/// <summary>How much to generate. National is a whole country; the smaller scales are for quick runs and tests.</summary>
public sealed record Scale(
    string Name, int Regions, int Departments, int Precincts, int Beats, int Officers, int Associations, int Volunteers,
    int Appeals, int Patrols, int PreventionActivities)
{
    /// <summary>Appeals, patrols and prevention reach this far back from today.</summary>
    public const int Years = 3;

    public static readonly Scale National = new("national", 17, 200, 3_000, 30_000, 10_000, 2_000, 60_000, 1_000_000, 300_000, 500_000);
    public static readonly Scale Region = new("region", 1, 12, 180, 1_800, 600, 120, 3_600, 60_000, 18_000, 30_000);
    public static readonly Scale City = new("city", 1, 2, 30, 300, 100, 20, 600, 10_000, 3_000, 5_000);
    public static readonly Scale Tiny = new("tiny", 2, 4, 12, 60, 24, 6, 120, 2_000, 600, 1_000);

    public static readonly IReadOnlyList<Scale> All = [National, Region, City, Tiny];

    public static Scale Parse(string name) => All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scale '{name}'. Scales: {string.Join(", ", All.Select(s => s.Name))}.");
}
