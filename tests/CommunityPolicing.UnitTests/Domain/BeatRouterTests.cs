using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class BeatRouterTests
{
    private static string Square(double lon, double lat, double half) =>
        FormattableString.Invariant($$"""{"type":"Polygon","coordinates":[[[{{lon - half}},{{lat - half}}],[{{lon + half}},{{lat - half}}],[{{lon + half}},{{lat + half}}],[{{lon - half}},{{lat + half}}],[{{lon - half}},{{lat - half}}]]]}""");

    private static readonly BeatRouter.Candidate[] Beats =
    [
        new(1, Square(71.38, 42.90, 0.003)),
        new(2, Square(71.39, 42.90, 0.003)),
        new(3, Square(71.38, 42.90, 0.05)), // a large district around both
    ];

    [Fact]
    public void A_point_goes_to_the_smallest_beat_that_contains_it()
    {
        Assert.Equal(1, BeatRouter.FindBeat(42.9005, 71.3801, Beats));
        Assert.Equal(2, BeatRouter.FindBeat(42.8990, 71.3910, Beats));
        Assert.Equal(3, BeatRouter.FindBeat(42.92, 71.40, Beats));
    }

    [Fact]
    public void A_point_outside_every_beat_or_a_broken_boundary_routes_nowhere()
    {
        Assert.Null(BeatRouter.FindBeat(43.5, 72.0, Beats));
        Assert.Null(BeatRouter.FindBeat(42.90, 71.38, [new BeatRouter.Candidate(9, "{broken")]));
    }

    [Fact]
    public void A_point_on_the_boundary_belongs_to_the_beat() =>
        Assert.Equal(1, BeatRouter.FindBeat(42.897, 71.38, [Beats[0]]));
}
