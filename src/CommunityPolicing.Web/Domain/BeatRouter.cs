using NetTopologySuite.Geometries;

namespace CommunityPolicing.Web.Domain;

/// <summary>Finds the beat whose boundary contains a point (longitude, latitude), with NetTopologySuite.</summary>
public static class BeatRouter
{
    public sealed record Candidate(int BeatId, string BoundaryGeoJson);

    public static int? FindBeat(double latitude, double longitude, IEnumerable<Candidate> beats)
    {
        var point = new Point(longitude, latitude);
        return beats
            .Select(b => (b.BeatId, Boundary: BeatBoundary.Parse(b.BoundaryGeoJson)))
            .Where(b => b.Boundary is not null && b.Boundary.Covers(point))
            .OrderBy(b => b.Boundary!.Area) // nested or overlapping boundaries: the most specific beat wins
            .Select(b => (int?)b.BeatId)
            .FirstOrDefault();
    }
}
