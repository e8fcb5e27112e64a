using System.Globalization;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Features.Appeals;

/// <summary>The appeal list, filtered as on screen, as CSV (CsvHelper) or XLSX (MiniExcel), with headers in the user's language.</summary>
public static class AppealExports
{
    /// <summary>The list's filters as the export link carries them: text, parsed by <see cref="QueryValue"/>, so a value
    /// that does not parse is left out (as on the page) instead of refusing the download.</summary>
    public sealed class Filters
    {
        public string? Search { get; set; }
        public string? Status { get; set; }
        public string? CategoryId { get; set; }
        public string? PrecinctId { get; set; }
        public string? BeatId { get; set; }
        public string? OfficerId { get; set; }
        public string? DueFrom { get; set; }
        public string? DueTo { get; set; }
        public string? OverdueOnly { get; set; }
        public string? Mine { get; set; }
        public string? LowRatedOnly { get; set; }
        public string? RegisteredFrom { get; set; }
        public string? RegisteredTo { get; set; }
        public string? OpenOnly { get; set; }

        public AppealListQuery ToQuery() =>
            new(Search, QueryValue.Enum<AppealStatus>(Status), QueryValue.Int(CategoryId), QueryValue.Int(PrecinctId), QueryValue.Int(BeatId),
                QueryValue.Int(OfficerId), QueryValue.Date(DueFrom)?.ToDateTime(TimeOnly.MinValue), QueryValue.Date(DueTo)?.ToDateTime(TimeOnly.MinValue),
                QueryValue.Flag(OverdueOnly), QueryValue.Flag(Mine), QueryValue.Flag(LowRatedOnly),
                RegisteredFrom: QueryValue.Date(RegisteredFrom), RegisteredTo: QueryValue.Date(RegisteredTo), OpenOnly: QueryValue.Flag(OpenOnly));

        /// <summary>The query string for a link to the export of the list as filtered.</summary>
        public static string QueryString(AppealListQuery q) => string.Join("&", new (string Key, object? Value)[]
            {
                (nameof(Search), q.Search), (nameof(Status), q.Status), (nameof(CategoryId), q.CategoryId), (nameof(PrecinctId), q.PrecinctId),
                (nameof(BeatId), q.BeatId), (nameof(OfficerId), q.OfficerId), (nameof(DueFrom), q.DueFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                (nameof(DueTo), q.DueTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (nameof(OverdueOnly), q.OverdueOnly ? "true" : null),
                (nameof(Mine), q.Mine ? "true" : null), (nameof(LowRatedOnly), q.LowRatedOnly ? "true" : null),
                (nameof(RegisteredFrom), q.RegisteredFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                (nameof(RegisteredTo), q.RegisteredTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                (nameof(OpenOnly), q.OpenOnly ? "true" : null),
            }
            .Where(p => p.Value is not null && p.Value.ToString() != "")
            .Select(p => $"{p.Key}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}"));
    }

    public static void MapAppealExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/appeals/export.{format}", async (string format, [AsParameters] Filters filters, AppealService appeals,
            IDbContextFactory<AppDbContext> factory, IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
        {
            if (!TableExport.IsFormat(format))
            {
                return Results.NotFound();
            }

            var export = await appeals.ExportAsync(filters.ToQuery(), ct);
            await using var db = await factory.CreateDbContextAsync(ct);
            var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var categories = (await db.AppealCategories.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Id, c => c.Name(culture));
            return await TableExport.WriteAsync(http, format, $"appeals-{export.Today:yyyy-MM-dd}", Columns(l, categories, export), export.Rows, ct);
        }).RequireAuthorization(Policies.AppealWorker);
    }

    /// <summary>Downloads an attachment of an appeal in the user's scope, always as a download with the sniffed type and its extension.</summary>
    public static void MapAppealAttachments(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/appeals/{id:long}/attachments/{attachmentId:long}", async (long id, long attachmentId, AppealService appeals,
            HttpContext http, CancellationToken ct) =>
        {
            var file = await appeals.GetAttachmentAsync(id, attachmentId, ct);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            // The name again from the type: a row stored before names followed types cannot come back as photo.exe.
            return file is null ? Results.NotFound() : Results.File(file.Content, file.ContentType, AttachmentRules.StoredName(file.FileName, file.ContentType));
        }).RequireAuthorization(Policies.AppealWorker);

    private static List<ExportColumn<AppealExportRow>> Columns(IStringLocalizer l, Dictionary<int, string> categories, AppealExport export)
    {
        var columns = new List<ExportColumn<AppealExportRow>>
        {
            new(l["Appeal.Number"], r => r.RegistrationNumber),
            new(l["Appeal.RegisteredAt"], r => LocalTime.Date(r.RegisteredAt, r.TimeZoneId).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new(l["Appeal.Category"], r => categories.GetValueOrDefault(r.CategoryId)),
            new(l["Appeal.Channel"], r => l.Enum(r.Channel)),
            new(l["Appeal.Status"], r => l.Enum(r.Status)),
            new(l["Appeal.DueDate"], r => r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new(l["Appeal.Overdue"], r => DeadlineCalculator.IsOverdue(r.Status, r.DueDate, export.Today) ? l["Common.Yes"] : l["Common.No"]),
            new(l["Officer.Precinct"], r => r.Precinct),
            new(l["Beat.Name"], r => r.Beat),
            new(l["Appeal.Officer"], r => r.Officer),
            new(l["Appeal.Description"], r => r.Description),
            new(l["Appeal.Address"], r => r.Address),
            new(l["Public.RateTitle"], r => r.Rating?.ToString(CultureInfo.InvariantCulture)),
        };
        if (export.IncludesPersonalData)
        {
            columns.AddRange(
            [
                new(l["Appeal.ApplicantName"], r => r.ApplicantName),
                new(l["Officer.Phone"], r => r.ApplicantPhone),
                new(l["Account.Email"], r => r.ApplicantEmail),
                new(l["Appeal.PostalAddress"], r => r.ApplicantAddress),
            ]);
        }

        return columns;
    }
}
