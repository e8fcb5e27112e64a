using System.Globalization;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Security;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Features.Patrols;

/// <summary>The patrol schedule for a period as CSV or XLSX, headers in the user's language.</summary>
public static class PatrolExports
{
    public static void MapPatrolExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/patrols/export.{format}", async (string format, string? from, string? to, string? association, PatrolService patrols,
            IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
        {
            if (!TableExport.IsFormat(format))
            {
                return Results.NotFound();
            }

            // Filters as text, as on the page: one that does not parse is left out rather than refusing the download.
            var query = new PatrolQuery { From = QueryValue.Date(from), To = QueryValue.Date(to), AssociationId = QueryValue.Int(association) };
            var rows = await patrols.ExportAsync(query, ct);
            return await TableExport.WriteAsync(http, format, $"patrols-{query.From:yyyy-MM-dd}-{query.To:yyyy-MM-dd}",
            [
                new ExportColumn<PatrolRow>(l["Patrol.Date"], r => r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new(l["Patrol.Start"], r => r.Start.ToString("HH:mm", CultureInfo.InvariantCulture)),
                new(l["Patrol.End"], r => r.End.ToString("HH:mm", CultureInfo.InvariantCulture)),
                new(l["Officer.Precinct"], r => r.Precinct),
                new(l["Patrol.Association"], r => r.Association),
                new(l["Patrol.Beats"], r => r.Beats),
                new(l["Appeal.Status"], r => l.Enum(r.Status)),
                new(l["Patrol.Officers"], r => r.Officers.ToString(CultureInfo.InvariantCulture)),
                new(l["ParticipantResponse.Confirmed"], r => r.VolunteersConfirmed.ToString(CultureInfo.InvariantCulture)),
                new(l["Patrol.Volunteers"], r => r.VolunteersInvited.ToString(CultureInfo.InvariantCulture)),
            ], rows, ct);
        }).RequireAuthorization(Policies.PatrolReader);
}
