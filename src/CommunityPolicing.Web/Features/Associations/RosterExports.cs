using System.Globalization;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Security;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Features.Associations;

/// <summary>An association's roster as CSV or XLSX, headers in the user's language.</summary>
public static class RosterExports
{
    public static void MapRosterExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/associations/{id:int}/roster.{format}", async (int id, string format, AssociationService associations,
            IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
        {
            if (!TableExport.IsFormat(format) || await associations.RosterAsync(id, ct) is not { } roster)
            {
                return Results.NotFound();
            }

            return await TableExport.WriteAsync(http, format, $"roster-{id}-{roster.Today:yyyy-MM-dd}", Columns(l, roster.IncludesPersonalData), roster.Rows, ct);
        }).RequireAuthorization(Policies.AssociationReader);

    /// <summary>Each member's patrol hours this month, quarter and year.</summary>
    public static void MapHoursExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/associations/{id:int}/hours.{format}", async (int id, string format, AssociationService associations,
            IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
        {
            if (!TableExport.IsFormat(format) || await associations.HoursExportAsync(id, ct) is not { } hours)
            {
                return Results.NotFound();
            }

            string Hours(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
            return await TableExport.WriteAsync(http, format, $"patrol-hours-{id}-{hours.Today:yyyy-MM-dd}",
            [
                new ExportColumn<VolunteerPatrolHours>(l["Officer.FullName"], r => r.FullName),
                new(l["Precinct.Status"], r => l.Enum(r.Status)),
                new(l["Period.Month"], r => Hours(r.Month)),
                new(l["Period.Quarter"], r => Hours(r.Quarter)),
                new(l["Period.Year"], r => Hours(r.Year)),
            ], hours.Rows, ct);
        }).RequireAuthorization(Policies.AssociationReader);

    private static List<ExportColumn<RosterRow>> Columns(IStringLocalizer l, bool personal)
    {
        string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var columns = new List<ExportColumn<RosterRow>>
        {
            new(l["Officer.FullName"], r => r.FullName),
            new(l["Officer.Phone"], r => r.Phone),
            new(l["Precinct.Status"], r => l.Enum(r.Status)),
            new(l["Volunteer.Badge"], r => r.BadgeNumber),
            new(l["Volunteer.JoinedOn"], r => Date(r.JoinedOn)),
            new(l["Eligibility.Title"], r => r.Eligibility.Eligible ? l["Common.Yes"] : l["Common.No"]),
            new(l["Eligibility.Why"], r => string.Join("; ", r.Eligibility.Reasons.Select(reason =>
                l[reason.Key, reason.Topic is { } topic ? l.Enum(topic) : "", Date(reason.Date)].Value))),
        };
        if (personal)
        {
            columns.AddRange(
            [
                new(l["Volunteer.BirthDate"], r => Date(r.BirthDate)),
                new(l["Precinct.Address"], r => r.Address),
                new(l["Volunteer.Document"], r => r.DocumentNumber),
            ]);
        }

        return columns;
    }
}
