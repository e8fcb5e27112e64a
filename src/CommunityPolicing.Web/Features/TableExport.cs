using CsvHelper;
using MiniExcelLibs;

namespace CommunityPolicing.Web.Features;

/// <summary>One column of an export: its header in the user's language and how to get its text from a row.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, string?> Value);

/// <summary>Writes a table as CSV (CsvHelper) or XLSX (MiniExcel) download: the one way every export is written.</summary>
public static class TableExport
{
    public static bool IsFormat(string format) => format is "csv" or "xlsx";

    public static async Task<IResult> WriteAsync<T>(HttpContext http, string format, string fileName, IReadOnlyList<ExportColumn<T>> columns,
        IEnumerable<T> rows, CancellationToken ct)
    {
        if (format == "xlsx")
        {
            var stream = new MemoryStream();
            await stream.SaveAsAsync(rows.Select(row => columns.ToDictionary(c => c.Header, c => (object?)c.Value(row))), cancellationToken: ct);
            stream.Position = 0;
            return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{fileName}.xlsx");
        }

        // A byte-order mark so spreadsheet programs read Cyrillic and Kazakh right; text that starts like a formula is
        // escaped (CSV injection), since much of it was typed by citizens.
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.csv\"";
        await using var csv = CsvWriter.Create(http.Response.Body,
            new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync([.. columns.Select(c => c.Header)], ct);
        foreach (var row in rows)
        {
            await csv.WriteRecordAsync([.. columns.Select(c => c.Value(row) ?? "")], ct);
        }

        await csv.FlushAsync(ct);
        return Results.Empty;
    }
}
