using System.Globalization;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Security;
using CsvHelper;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CommunityPolicing.Web.Features.Associations;

/// <summary>An association's roster as CSV or XLSX, headers in the user's language.</summary>
public static class RosterExports
{
    public static void MapRosterExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/associations/{id:int}/roster.{format}", async (int id, string format, AssociationService associations,
            IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
        {
            if (format is not ("csv" or "xlsx") || await associations.RosterAsync(id, ct) is not { } roster)
            {
                return Results.NotFound();
            }

            var columns = Columns(l, roster.IncludesPersonalData);
            var fileName = $"roster-{id}-{roster.Today:yyyy-MM-dd}.{format}";
            if (format == "csv")
            {
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
                await using var csv = CsvWriter.Create(http.Response.Body,
                    new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
                await csv.WriteRecordAsync([.. columns.Select(c => c.Header)], ct);
                foreach (var row in roster.Rows)
                {
                    await csv.WriteRecordAsync([.. columns.Select(c => c.Value(row) ?? "")], ct);
                }

                await csv.FlushAsync(ct);
                return Results.Empty;
            }

            var stream = new MemoryStream();
            await stream.SaveAsAsync(roster.Rows.Select(row => columns.ToDictionary(c => c.Header, c => (object?)c.Value(row))), cancellationToken: ct);
            stream.Position = 0;
            return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
        }).RequireAuthorization(Policies.AssociationReader);

    private static List<(string Header, Func<RosterRow, string?> Value)> Columns(IStringLocalizer l, bool personal)
    {
        string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var columns = new List<(string, Func<RosterRow, string?>)>
        {
            (l["Officer.FullName"], r => r.FullName),
            (l["Officer.Phone"], r => r.Phone),
            (l["Precinct.Status"], r => l.Enum(r.Status)),
            (l["Volunteer.Badge"], r => r.BadgeNumber),
            (l["Volunteer.JoinedOn"], r => Date(r.JoinedOn)),
            (l["Eligibility.Title"], r => r.Eligibility.Eligible ? l["Common.Yes"] : l["Common.No"]),
            (l["Eligibility.Why"], r => string.Join("; ", r.Eligibility.Reasons.Select(reason =>
                l[reason.Key, reason.Topic is { } topic ? l.Enum(topic) : "", Date(reason.Date)].Value))),
        };
        if (personal)
        {
            columns.AddRange(
            [
                (l["Volunteer.BirthDate"], r => Date(r.BirthDate)),
                (l["Precinct.Address"], r => r.Address),
                (l["Volunteer.Document"], r => r.DocumentNumber),
            ]);
        }

        return columns;
    }
}
