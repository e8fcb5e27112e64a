using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Features.Analysis;
using CommunityPolicing.Web.Features.Prevention;
using CommunityPolicing.Web.Security;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CommunityPolicing.Web.Features.Reports;

/// <summary>The quarter's state of public order and prevention work for a post (or the chief's department).</summary>
public sealed record QuarterReportData(DateOnly Quarter, OrderSummary Summary, QuarterPlan Prevention);

/// <summary>Builds the quarterly report from the same services as the pages, so the print, the XLSX and the screens agree.</summary>
public sealed class QuarterReportService(AnalysisService analysis, PreventionService prevention)
{
    /// <summary>The quarters a report can be asked for.</summary>
    public static bool Covers(int year, int quarter) => year is >= 2000 and <= 2100 && quarter is >= 1 and <= 4;

    public async Task<QuarterReportData?> GetAsync(int year, int quarter, int? precinctId, CancellationToken ct = default)
    {
        if (!Covers(year, quarter))
        {
            return null;
        }

        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        var summary = await analysis.SummaryAsync(precinctId, from, from.AddMonths(3).AddDays(-1), ct);
        return summary is null ? null : new QuarterReportData(from, summary, await prevention.QuarterAsync(from, precinctId, ct));
    }
}

public static class QuarterReportExports
{
    /// <summary>The report as a workbook: one sheet per table, headers in the user's language.</summary>
    public static void MapQuarterReportExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/reports/quarter.xlsx", async (string? year, string? quarter, string? precinct, QuarterReportService reports,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            // As text, like the page's: a value that is no number means no such report (404), not a refused request.
            var post = QueryValue.Int(precinct);
            if (QueryValue.Int(year) is not { } y || QueryValue.Int(quarter) is not { } q || await reports.GetAsync(y, q, post, ct) is not { } report)
            {
                return Results.NotFound();
            }

            var s = report.Summary;
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            string Key(string key) => l[key].Value;
            var sheets = new Dictionary<string, object>
            {
                [Key("Report.SheetSummary")] = new[]
                {
                    new Dictionary<string, object?> { [Key("Report.Figure")] = Key("Nav.Appeals"), [Key("Analysis.Count")] = s.Appeals },
                    new Dictionary<string, object?> { [Key("Report.Figure")] = Key("Nav.Patrols"), [Key("Analysis.Count")] = s.Patrols },
                    new Dictionary<string, object?> { [Key("Report.Figure")] = Key("Plan.PatrolHours"), [Key("Analysis.Count")] = s.VolunteerHours },
                    new Dictionary<string, object?> { [Key("Report.Figure")] = Key("Patrol.Incidents"), [Key("Analysis.Count")] = s.Incidents },
                    new Dictionary<string, object?> { [Key("Report.Figure")] = Key("Patrol.HandedOver"), [Key("Analysis.Count")] = s.HandedOver },
                    new Dictionary<string, object?> { [Key("Report.Figure")] = Key("Plan.Planned"), [Key("Analysis.Count")] = s.PreventionPlanned },
                    new Dictionary<string, object?> { [Key("Report.Figure")] = Key("Plan.Done"), [Key("Analysis.Count")] = s.PreventionDone },
                },
                [Key("Appeal.Category")] = s.AppealsByCategory.Select(c => new Dictionary<string, object?> { [Key("Appeal.Category")] = c.Category.Name(language), [Key("Analysis.Count")] = c.Count }).ToArray(),
                [Key("Beat.Name")] = s.AppealsByBeat.Select(b => new Dictionary<string, object?> { [Key("Beat.Name")] = b.Beat, [Key("Nav.Appeals")] = b.Count }).ToArray(),
                [Key("Patrol.Offences")] = s.Offences.Select(o => new Dictionary<string, object?>
                {
                    [Key("Patrol.Offences")] = l.Enum(o.Category),
                    [Key("Patrol.Detected")] = o.Detected,
                    [Key("Patrol.Prevented")] = o.Prevented,
                }).ToArray(),
                [Key("Prevention.Title")] = report.Prevention.Activities.Select(a => new Dictionary<string, object?>
                {
                    [Key("Prevention.Type")] = l.Enum(a.Type),
                    [Key("Prevention.ActivityTitle")] = a.Title,
                    [Key("Officer.Precinct")] = a.Precinct,
                    [Key("Prevention.PlannedOnLabel")] = a.PlannedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    [Key("Prevention.DoneOnLabel")] = a.DoneOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    [Key("Prevention.Attendance")] = a.Attendance,
                    [Key("Prevention.Outcome")] = a.Outcome,
                }).ToArray(),
            };
            var stream = new MemoryStream();
            await stream.SaveAsAsync(sheets, cancellationToken: ct);
            stream.Position = 0;
            return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"quarter-{y}-Q{q}{(post is { } p ? $"-{p}" : "")}.xlsx");
        }).RequireAuthorization(Policies.RegistryReader);
}
