using System.Globalization;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Security;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Features.Dashboards;

/// <summary>The chief's per-post appeal table as CSV or XLSX, exactly as the dashboard shows it.</summary>
public static class DashboardExports
{
    public static void MapDashboardExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dashboard/{table}.{format}", async (string table, string format, string? from, string? to, DashboardService dashboards,
            IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
        {
            // Dates as text (QueryValue), both required: a date that does not parse finds no table (404), as an unknown table does.
            if (!TableExport.IsFormat(format) || QueryValue.Date(from) is not { } start || QueryValue.Date(to) is not { } end || end < start
                || await dashboards.ChiefAsync(new Period(PeriodKind.Custom, start, end), ct) is not { } dashboard)
            {
                return Results.NotFound();
            }

            static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
            string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
            var name = $"{table}-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}";
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return table switch
            {
                "precincts" => await Precincts(),
                "categories" => await TableExport.WriteAsync(http, format, name,
                    [new ExportColumn<CategoryCount>(l["Appeal.Category"], r => r.Category.Name(language)), new(l["Analysis.Count"], r => Int(r.Count))],
                    dashboard.Categories, ct),
                "trend" => await TableExport.WriteAsync(http, format, name,
                    [new ExportColumn<MonthCount>(l["PeriodKind.Month"], r => r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
                        new(l["Dashboard.Received"], r => Int(r.Received)), new(l["Dashboard.Answered"], r => Int(r.Answered))],
                    dashboard.Trend, ct),
                "patrol-hours" => await TableExport.WriteAsync(http, format, name,
                    [new ExportColumn<BeatPatrolHours>(l["Beat.Name"], r => r.Beat), new(l["Officer.Precinct"], r => r.Precinct),
                        new(l["Patrol.Hours"], r => Number(r.Hours)), new(l["Dashboard.PatrolHoursPerBeat"], r => Number(r.HoursPerWeek))],
                    dashboard.PatrolHours, ct),
                "equipment" => await TableExport.WriteAsync(http, format, name,
                    [new ExportColumn<EquipmentFigure>(l["Dashboard.Equipment"], r => l.Enum(r.Kind)), new(l["Plan.Planned"], r => Int(r.Planned)),
                        new(l["Dashboard.Installed"], r => Int(r.Installed))],
                    dashboard.Equipment, ct),
                _ => Results.NotFound(),
            };

            Task<IResult> Precincts() => TableExport.WriteAsync(http, format, name,
            [
                new ExportColumn<AppealFigures>(l["Officer.Precinct"], r => r.Name),
                new(l["Dashboard.Received"], r => r.Received.ToString(CultureInfo.InvariantCulture)),
                new(l["Dashboard.Answered"], r => r.Answered.ToString(CultureInfo.InvariantCulture)),
                new(l["Dashboard.OnTime"], r => Number(r.OnTimePercent)),
                new(l["Home.Overdue"], r => r.Overdue.ToString(CultureInfo.InvariantCulture)),
                new(l["Dashboard.MedianDays"], r => Number(r.MedianDays)),
                new(l["Dashboard.Satisfaction"], r => Number((double?)r.Satisfaction)),
                new(l["Dashboard.Complaints"], r => r.Complaints.ToString(CultureInfo.InvariantCulture)),
            ], [.. dashboard.ByPrecinct, dashboard.Appeals], ct);
        }).RequireAuthorization(p => p.RequireRole(Roles.StationChief));
}
