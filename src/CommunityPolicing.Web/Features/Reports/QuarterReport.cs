using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Features.Analysis;
using CommunityPolicing.Web.Features.Prevention;
using CommunityPolicing.Web.Security;
using Microsoft.Extensions.Localization;

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
    /// <summary>The report as a workbook: one sheet per table the page shows, each under the report's title block.</summary>
    public static void MapQuarterReportExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/reports/quarter.xlsx", async (string? year, string? quarter, string? precinct, QuarterReportService reports,
            CurrentUser currentUser, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            // As text, like the page's: a value that is no number means no such report (404), not a refused request.
            var post = QueryValue.Int(precinct);
            if (QueryValue.Int(year) is not { } y || QueryValue.Int(quarter) is not { } q || await reports.GetAsync(y, q, post, ct) is not { } report)
            {
                return Results.NotFound();
            }

            var s = report.Summary;
            var culture = System.Globalization.CultureInfo.CurrentCulture;
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            string Key(string key) => l[key].Value;
            string Day(DateOnly d) => d.ToString("d", culture);
            var title = $"{Key("Report.Quarter")}: {l["Prevention.Quarter", q, y].Value}";
            (string, string)[] about =
            [
                (Key("Report.Period"), $"{Day(s.From)} – {Day(s.To)}"),
                (Key("Precinct.Department"), s.Department),
                (Key("Officer.Precinct"), post is null ? Key("Report.WholeDepartment") : s.Precinct),
                (Key("Report.Generated"), Day(await currentUser.TodayAsync(ct))),
            ];
            // The same tables, in the same order, as the page.
            List<ReportTable> tables =
            [
                new(Key("Report.SheetSummary"), [Key("Report.Figure"), Key("Analysis.Count")],
                [
                    [Key("Nav.Appeals"), s.Appeals], [Key("Nav.Patrols"), s.Patrols], [Key("Plan.PatrolHours"), s.VolunteerHours],
                    [Key("Patrol.Incidents"), s.Incidents], [Key("Patrol.HandedOver"), s.HandedOver],
                    [Key("Plan.Planned"), s.PreventionPlanned], [Key("Plan.Done"), s.PreventionDone],
                ]),
                new(Key("Appeal.Category"), [Key("Appeal.Category"), Key("Analysis.Count")],
                    s.AppealsByCategory.Select(c => new object?[] { c.Category.Name(language), c.Count })),
                new(Key("Beat.Name"), [Key("Beat.Name"), Key("Nav.Appeals")], s.AppealsByBeat.Select(b => new object?[] { b.Beat, b.Count })),
                new(Key("Patrol.Offences"), [Key("Patrol.Offences"), Key("Patrol.Detected"), Key("Patrol.Prevented")],
                    s.Offences.Select(o => new object?[] { l.Enum(o.Category), o.Detected, o.Prevented })),
                new(Key("Prevention.Type"), [Key("Prevention.Type"), Key("Plan.Done")], s.PreventionByType.Select(p => new object?[] { l.Enum(p.Type), p.Done })),
            ];
            if (s.OnRecord is { } onRecord)
            {
                tables.Add(new(Key("Records.Title"), [Key("Records.Title"), Key("Analysis.Count")], onRecord.Select(r => new object?[] { l.Enum(r.Category), r.Count })));
            }

            tables.Add(new(Key("Report.PreventionWork"),
                [Key("Prevention.PlannedOnLabel"), Key("Prevention.Type"), Key("Prevention.ActivityTitle"), Key("Officer.Precinct"),
                    Key("Prevention.DoneOnLabel"), Key("Prevention.Attendance"), Key("Prevention.Outcome")],
                report.Prevention.Activities.Select(a => new object?[]
                {
                    Day(a.PlannedOn), l.Enum(a.Type), a.Title, a.Precinct,
                    a.DoneOn is { } done ? Day(done) : a.Overdue ? Key("Prevention.Overdue") : null, a.Attendance, a.Outcome,
                })));
            var stream = await ReportWorkbook.WriteAsync(title, about, tables, ct);
            return Results.File(stream, ReportWorkbook.ContentType, $"quarter-{y}-Q{q}{(post is { } p ? $"-{p}" : "")}.xlsx");
        }).RequireAuthorization(Policies.RegistryReader);
}
