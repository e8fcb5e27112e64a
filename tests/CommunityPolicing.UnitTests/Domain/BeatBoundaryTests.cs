using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class BeatBoundaryTests
{
    private const string Square = """{"type":"Polygon","coordinates":[[[71.37,42.89],[71.38,42.89],[71.38,42.90],[71.37,42.90],[71.37,42.89]]]}""";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(Square)]
    [InlineData("""{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,3],[2,2]]]]}""")]
    public void Accepts_no_boundary_or_a_valid_polygon(string? geoJson) => Assert.True(BeatBoundary.IsValid(geoJson));

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[71.37,42.89]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}""")]
    [InlineData("not json")]
    [InlineData("{\"type\":\"Polygon\"}")]
    [InlineData("<script>alert(1)</script>")]
    public void Refuses_points_self_intersections_open_rings_and_garbage(string geoJson) => Assert.False(BeatBoundary.IsValid(geoJson));

    [Fact]
    public void A_parsed_boundary_contains_points_inside_it()
    {
        var polygon = BeatBoundary.Parse(Square)!;

        Assert.True(polygon.Contains(new NetTopologySuite.Geometries.Point(71.375, 42.895)));
        Assert.False(polygon.Contains(new NetTopologySuite.Geometries.Point(71.39, 42.895)));
    }
}
