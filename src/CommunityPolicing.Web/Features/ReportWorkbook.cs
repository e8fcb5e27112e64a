using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace CommunityPolicing.Web.Features;

/// <summary>One table of a report workbook: its sheet name, its header row and its rows.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Headers, IEnumerable<object?[]> Rows);

/// <summary>
/// Writes a report as a workbook that can be handed on as it is: every sheet opens with the report's title block
/// (title, period, department, post…), then its table with a header row, with columns wide enough to read.
/// </summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel refuses sheet names longer than 31 characters or with any of these.</summary>
    private static readonly char[] NotInSheetNames = ['\\', '/', '?', '*', '[', ']', ':'];

    public static async Task<MemoryStream> WriteAsync(string title, IReadOnlyList<(string Label, string Value)> about,
        IReadOnlyList<ReportTable> tables, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>();
        var widths = new List<DynamicExcelColumn>();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            // Keys are per sheet, so each sheet gets its own column widths from one configuration.
            string Key(int column) => $"s{t}c{column}";
            var columns = Math.Max(2, table.Headers.Count);
            var rows = new List<Dictionary<string, object?>>();
            void Add(params object?[] cells) =>
                rows.Add(Enumerable.Range(0, columns).ToDictionary(Key, c => c < cells.Length ? cells[c] : null));

            Add(title);
            foreach (var (label, value) in about)
            {
                Add(label, value);
            }

            Add();
            Add([.. table.Headers]);
            var body = table.Rows.ToList();
            foreach (var row in body)
            {
                Add(row);
            }

            // The title block may run over; the table's columns are sized by what is in them.
            for (var c = 0; c < columns; c++)
            {
                var longest = body.Select(r => c < r.Length ? Text(r[c]).Length : 0)
                    .Append(c < table.Headers.Count ? table.Headers[c].Length : 0)
                    .Append(c < 2 ? about.Max(a => (c == 0 ? a.Label : a.Value).Length) : 0).Max();
                widths.Add(new DynamicExcelColumn(Key(c)) { Width = Math.Clamp(longest + 2, 10, 60) });
            }

            sheets[UniqueSheetName(table.Name, sheets.Keys)] = rows;
        }

        var stream = new MemoryStream();
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = false,
            FreezeRowCount = 0,
            TableStyles = TableStyles.None,
            DynamicColumns = [.. widths],
        };
        await stream.SaveAsAsync(sheets, printHeader: false, configuration: configuration, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };

    private static string UniqueSheetName(string name, IEnumerable<string> taken)
    {
        var clean = new string([.. name.Select(c => NotInSheetNames.Contains(c) ? ' ' : c)]).Trim();
        clean = clean.Length > 31 ? clean[..31] : clean;
        var unique = clean;
        for (var n = 2; taken.Contains(unique, StringComparer.OrdinalIgnoreCase); n++)
        {
            unique = $"{clean[..Math.Min(clean.Length, 28)]} {n}";
        }

        return unique;
    }
}
