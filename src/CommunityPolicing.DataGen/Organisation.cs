using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.DataGen;

internal sealed record DepartmentRow(int Id, int RegionId, string Name, string Town, TimeZoneInfo Zone, double Lat, double Lon);

internal sealed record PostRow(int Id, DepartmentRow Department, int Number, double Lat, double Lon, PrecinctStatus Status)
{
    public List<BeatRow> Beats { get; } = [];
    public List<OfficerRow> Officers { get; } = [];
}

internal sealed record BeatRow(int Id, PostRow Post, int Number, int Population)
{
    public OfficerRow? Officer { get; set; }
}

internal sealed record OfficerRow(int Id, PostRow Post, OfficerPosition Position, string FullName);

internal sealed record AssociationRow(int Id, DepartmentRow Department, PostRow[] Posts)
{
    public List<int> Volunteers { get; } = [];
}

/// <summary>
/// The country's organisation, built in memory so the activity tables can refer to it consistently: regions →
/// departments → posts → beats and officers; associations serving one to three posts of their department, and members.
/// Everything is spread round-robin, so every department gets its share at every scale.
/// </summary>
internal sealed class Organisation
{
    public required Scale Scale { get; init; }
    public required IReadOnlyList<DepartmentRow> Departments { get; init; }
    public required IReadOnlyList<PostRow> Posts { get; init; }
    public required IReadOnlyList<BeatRow> Beats { get; init; }
    public required IReadOnlyList<OfficerRow> Officers { get; init; }
    public required IReadOnlyList<AssociationRow> Associations { get; init; }

    public static Organisation Build(Scale scale, int seed)
    {
        var random = new Random(seed);
        var departments = Enumerable.Range(0, scale.Departments).Select(i =>
        {
            var region = i % scale.Regions;
            var centre = Names.Centres[region % Names.Centres.Length];
            var town = Names.Towns[i / scale.Regions % Names.Towns.Length];
            return new DepartmentRow(i + 1, region + 1, $"{town} police department No. {i + 1}", town,
                TimeZoneInfo.FindSystemTimeZoneById(centre.Zone), centre.Lat + (random.NextDouble() - 0.5) * 3, centre.Lon + (random.NextDouble() - 0.5) * 5);
        }).ToList();

        var posts = Enumerable.Range(0, scale.Precincts).Select(i =>
        {
            var department = departments[i % departments.Count];
            var status = random.Next(100) switch { < 90 => PrecinctStatus.Operating, < 95 => PrecinctStatus.UnderConstruction, _ => PrecinctStatus.Planned };
            return new PostRow(i + 1, department, i / departments.Count + 1,
                department.Lat + (random.NextDouble() - 0.5) * 0.1, department.Lon + (random.NextDouble() - 0.5) * 0.15, status);
        }).ToList();

        var officers = Enumerable.Range(0, scale.Officers).Select(i =>
        {
            var post = posts[i % posts.Count];
            var position = post.Officers.Count == 0 ? OfficerPosition.PrecinctHead
                : random.Next(10) switch { 0 => OfficerPosition.JuvenileAffairsInspector, 1 or 2 => OfficerPosition.SeniorDistrictInspector, _ => OfficerPosition.DistrictInspector };
            var officer = new OfficerRow(i + 1, post, position, Names.Person(random));
            post.Officers.Add(officer);
            return officer;
        }).ToList();

        var beats = Enumerable.Range(0, scale.Beats).Select(i =>
        {
            var post = posts[i % posts.Count];
            var beat = new BeatRow(i + 1, post, post.Beats.Count + 1, random.Next(1_500, 9_000));
            post.Beats.Add(beat);
            return beat;
        }).ToList();

        // District inspectors share the post's beats; one beat in twenty is vacant.
        foreach (var post in posts)
        {
            var inspectors = post.Officers.Where(o => o.Position != OfficerPosition.JuvenileAffairsInspector).ToList();
            for (var b = 0; b < post.Beats.Count && inspectors.Count > 0; b++)
            {
                post.Beats[b].Officer = random.Next(20) == 0 ? null : inspectors[b % inspectors.Count];
            }
        }

        var postsOf = posts.ToLookup(p => p.Department.Id);
        var associations = Enumerable.Range(0, scale.Associations).Select(i =>
        {
            var department = departments[i % departments.Count];
            var own = postsOf[department.Id].ToList();
            var first = i / departments.Count % own.Count;
            var served = Enumerable.Range(0, 1 + random.Next(3)).Select(k => own[(first + k) % own.Count]).Distinct().ToArray();
            return new AssociationRow(i + 1, department, served);
        }).ToList();
        for (var v = 0; v < scale.Volunteers; v++)
        {
            associations[v % associations.Count].Volunteers.Add(v + 1);
        }

        return new Organisation { Scale = scale, Departments = departments, Posts = posts, Beats = beats, Officers = officers, Associations = associations };
    }
}
