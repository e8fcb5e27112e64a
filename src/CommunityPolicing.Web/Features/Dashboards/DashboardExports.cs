using System.Globalization;
using CommunityPolicing.Web.Security;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Features.Dashboards;

/// <summary>The chief's per-post appeal table as CSV or XLSX, exactly as the dashboard shows it.</summary>
public static class DashboardExports
{
    public static void MapDashboardExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dashboard/precincts.{format}", async (string format, DateOnly from, DateOnly to, DashboardService dashboards,
            IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
        {
            if (!TableExport.IsFormat(format) || to < from || await dashboards.ChiefAsync(new Period(PeriodKind.Custom, from, to), ct) is not { } dashboard)
            {
                return Results.NotFound();
            }

            static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
            return await TableExport.WriteAsync(http, format, $"appeals-by-post-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}",
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
