using System.Globalization;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CommunityPolicing.Web.Features.Appeals;

/// <summary>The appeal list, filtered as on screen, as CSV (CsvHelper) or XLSX (MiniExcel), with headers in the user's language.</summary>
public static class AppealExports
{
    public sealed class Filters
    {
        public string? Search { get; set; }
        public AppealStatus? Status { get; set; }
        public int? CategoryId { get; set; }
        public int? PrecinctId { get; set; }
        public int? BeatId { get; set; }
        public int? OfficerId { get; set; }
        public DateTime? DueFrom { get; set; }
        public DateTime? DueTo { get; set; }
        public bool? OverdueOnly { get; set; }
        public bool? Mine { get; set; }
        public bool? LowRatedOnly { get; set; }

        public AppealListQuery ToQuery() =>
            new(Search, Status, CategoryId, PrecinctId, BeatId, OfficerId, DueFrom, DueTo, OverdueOnly == true, Mine == true, LowRatedOnly == true);

        /// <summary>The query string for a link to the export of the list as filtered.</summary>
        public static string QueryString(AppealListQuery q) => string.Join("&", new (string Key, object? Value)[]
            {
                (nameof(Search), q.Search), (nameof(Status), q.Status), (nameof(CategoryId), q.CategoryId), (nameof(PrecinctId), q.PrecinctId),
                (nameof(BeatId), q.BeatId), (nameof(OfficerId), q.OfficerId), (nameof(DueFrom), q.DueFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                (nameof(DueTo), q.DueTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (nameof(OverdueOnly), q.OverdueOnly ? "true" : null),
                (nameof(Mine), q.Mine ? "true" : null), (nameof(LowRatedOnly), q.LowRatedOnly ? "true" : null),
            }
            .Where(p => p.Value is not null && p.Value.ToString() != "")
            .Select(p => $"{p.Key}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}"));
    }

    public static void MapAppealExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/appeals/export.{format}", async (string format, [AsParameters] Filters filters, AppealService appeals,
            IDbContextFactory<AppDbContext> factory, IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
        {
            if (format is not ("csv" or "xlsx"))
            {
                return Results.NotFound();
            }

            var export = await appeals.ExportAsync(filters.ToQuery(), ct);
            await using var db = await factory.CreateDbContextAsync(ct);
            var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var categories = (await db.AppealCategories.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Id, c => c.Name(culture));
            var columns = Columns(l, categories, export);
            var fileName = $"appeals-{export.Today:yyyy-MM-dd}.{format}";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            if (format == "csv")
            {
                // A byte-order mark so spreadsheet programs read Cyrillic and Kazakh right; citizens' text that starts
                // like a formula is escaped (CSV injection).
                http.Response.ContentType = "text/csv; charset=utf-8";
                await using var csv = CsvWriter.Create(http.Response.Body,
                    new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
                await csv.WriteRecordAsync([.. columns.Select(c => c.Header)], ct);
                foreach (var row in export.Rows)
                {
                    await csv.WriteRecordAsync([.. columns.Select(c => c.Value(row) ?? "")], ct);
                }

                await csv.FlushAsync(ct);
                return Results.Empty;
            }

            var sheet = export.Rows.Select(row => columns.ToDictionary(c => c.Header, c => (object?)c.Value(row)));
            var stream = new MemoryStream();
            await stream.SaveAsAsync(sheet, sheetName: l["Appeals.Title"], cancellationToken: ct);
            stream.Position = 0;
            return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
        }).RequireAuthorization(Policies.AppealWorker);
    }

    /// <summary>Downloads an attachment of an appeal in the user's scope, always as a download with the sniffed type.</summary>
    public static void MapAppealAttachments(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/appeals/{id:long}/attachments/{attachmentId:long}", async (long id, long attachmentId, AppealService appeals,
            HttpContext http, CancellationToken ct) =>
        {
            var file = await appeals.GetAttachmentAsync(id, attachmentId, ct);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return file is null ? Results.NotFound() : Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization(Policies.AppealWorker);

    private static List<(string Header, Func<AppealExportRow, string?> Value)> Columns(
        IStringLocalizer l, Dictionary<int, string> categories, AppealExport export)
    {
        var columns = new List<(string, Func<AppealExportRow, string?>)>
        {
            (l["Appeal.Number"], r => r.RegistrationNumber),
            (l["Appeal.RegisteredAt"], r => AppealService.LocalDate(r.RegisteredAt, r.TimeZoneId).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (l["Appeal.Category"], r => categories.GetValueOrDefault(r.CategoryId)),
            (l["Appeal.Channel"], r => l.Enum(r.Channel)),
            (l["Appeal.Status"], r => l.Enum(r.Status)),
            (l["Appeal.DueDate"], r => r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (l["Appeal.Overdue"], r => DeadlineCalculator.IsOverdue(r.Status, r.DueDate, export.Today) ? l["Common.Yes"] : l["Common.No"]),
            (l["Officer.Precinct"], r => r.Precinct),
            (l["Beat.Name"], r => r.Beat),
            (l["Appeal.Officer"], r => r.Officer),
            (l["Appeal.Description"], r => r.Description),
            (l["Appeal.Address"], r => r.Address),
            (l["Public.RateTitle"], r => r.Rating?.ToString(CultureInfo.InvariantCulture)),
        };
        if (export.IncludesPersonalData)
        {
            columns.AddRange(
            [
                (l["Appeal.ApplicantName"], r => r.ApplicantName),
                (l["Officer.Phone"], r => r.ApplicantPhone),
                (l["Account.Email"], r => r.ApplicantEmail),
                (l["Appeal.PostalAddress"], r => r.ApplicantAddress),
            ]);
        }

        return columns;
    }
}
