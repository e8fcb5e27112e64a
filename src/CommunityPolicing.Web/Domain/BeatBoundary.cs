using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CommunityPolicing.Web.Domain;

/// <summary>A beat's boundary: a GeoJSON Polygon or MultiPolygon that is topologically valid (NetTopologySuite).</summary>
public static class BeatBoundary
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Empty means "no boundary", which is allowed.</summary>
    public static bool IsValid(string? geoJson) => string.IsNullOrWhiteSpace(geoJson) || Parse(geoJson) is not null;

    public static Geometry? Parse(string geoJson)
    {
        try
        {
            var geometry = JsonSerializer.Deserialize<Geometry>(geoJson, Options);
            return geometry is Polygon or MultiPolygon && geometry.IsValid && !geometry.IsEmpty ? geometry : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }
}
