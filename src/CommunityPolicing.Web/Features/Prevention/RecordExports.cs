using System.Globalization;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Security;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Features.Prevention;

/// <summary>Persons on record as CSV or XLSX: for the chief only (the export is audited as a read of every row).</summary>
public static class RecordExports
{
    public static void MapRecordExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/records/export.{format}", async (string format, RecordService records, IStringLocalizer<SharedResource> l, HttpContext http,
            CancellationToken ct) =>
        {
            if (!TableExport.IsFormat(format))
            {
                return Results.NotFound();
            }

            var rows = await records.ExportAsync(ct);
            string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            return await TableExport.WriteAsync(http, format, "preventive-records",
            [
                new ExportColumn<RecordRow>(l["Officer.FullName"], r => r.FullName),
                new(l["Records.Category"], r => l.Enum(r.Category)),
                new(l["Officer.Precinct"], r => r.Precinct),
                new(l["Records.StartedOn"], r => Date(r.StartedOn)),
                new(l["Records.LastCheck"], r => Date(r.LastCheck)),
                new(l["Records.NextCheck"], r => Date(r.NextDue)),
                new(l["Records.RemovedOnLabel"], r => Date(r.RemovedOn)),
            ], rows, ct);
        }).RequireAuthorization(p => p.RequireRole(Roles.StationChief));
}
