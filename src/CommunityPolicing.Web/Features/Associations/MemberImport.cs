using System.Globalization;
using System.Text;
using CommunityPolicing.Web.Domain;
using CsvHelper;
using MiniExcelLibs;

namespace CommunityPolicing.Web.Features.Associations;

/// <summary>One row of an import file: the member it describes and what is wrong with it (resource keys by field).</summary>
public sealed record ImportRow(int RowNumber, VolunteerForm Member, IReadOnlyDictionary<string, string> Errors);

public sealed record ImportReport(int Imported, IReadOnlyList<ImportRow> Rejected, string? FileError)
{
    public bool Succeeded => FileError is null && Rejected.Count == 0;
}

/// <summary>
/// Reads a roster from CSV or XLSX with Russian, Kazakh or English column headers and checks every row the way
/// the member form does. Pure: the service decides whether to save.
/// </summary>
public static class MemberImport
{
    public const int MaxRows = 2000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FullName"] = nameof(VolunteerForm.FullName),
        ["ФИО"] = nameof(VolunteerForm.FullName),
        ["Аты-жөні"] = nameof(VolunteerForm.FullName),
        ["BirthDate"] = nameof(VolunteerForm.BirthDate),
        ["Дата рождения"] = nameof(VolunteerForm.BirthDate),
        ["Туған күні"] = nameof(VolunteerForm.BirthDate),
        ["Phone"] = nameof(VolunteerForm.Phone),
        ["Телефон"] = nameof(VolunteerForm.Phone),
        ["Address"] = nameof(VolunteerForm.Address),
        ["Адрес"] = nameof(VolunteerForm.Address),
        ["Мекенжайы"] = nameof(VolunteerForm.Address),
        ["DocumentNumber"] = nameof(VolunteerForm.DocumentNumber),
        ["Документ"] = nameof(VolunteerForm.DocumentNumber),
        ["Құжат"] = nameof(VolunteerForm.DocumentNumber),
        ["BadgeNumber"] = nameof(VolunteerForm.BadgeNumber),
        ["Удостоверение"] = nameof(VolunteerForm.BadgeNumber),
        ["Куәлік"] = nameof(VolunteerForm.BadgeNumber),
        ["JoinedOn"] = nameof(VolunteerForm.JoinedOn),
        ["Дата вступления"] = nameof(VolunteerForm.JoinedOn),
        ["Кірген күні"] = nameof(VolunteerForm.JoinedOn),
        ["Status"] = nameof(VolunteerForm.Status),
        ["Статус"] = nameof(VolunteerForm.Status),
        ["Мәртебесі"] = nameof(VolunteerForm.Status),
        ["ConsentOn"] = nameof(VolunteerForm.ConsentOn),
        ["Согласие"] = nameof(VolunteerForm.ConsentOn),
        ["Келісім"] = nameof(VolunteerForm.ConsentOn),
        ["BackgroundCheckOn"] = nameof(VolunteerForm.BackgroundCheckOn),
        ["Дата проверки"] = nameof(VolunteerForm.BackgroundCheckOn),
        ["Тексеру күні"] = nameof(VolunteerForm.BackgroundCheckOn),
        ["BackgroundCheckPassed"] = nameof(VolunteerForm.BackgroundCheckPassed),
        ["Проверка пройдена"] = nameof(VolunteerForm.BackgroundCheckPassed),
        ["Тексеруден өтті"] = nameof(VolunteerForm.BackgroundCheckPassed),
    };

    // The status words of the UI (VolunteerStatus.*), their older and feminine forms; written with е, as a cell's ё is read as е.
    private static readonly Dictionary<string, VolunteerStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Candidate"] = VolunteerStatus.Candidate,
        ["Кандидат"] = VolunteerStatus.Candidate,
        ["Үміткер"] = VolunteerStatus.Candidate,
        ["Active"] = VolunteerStatus.Active,
        ["Активный"] = VolunteerStatus.Active,
        ["Активная"] = VolunteerStatus.Active,
        ["Белсенді"] = VolunteerStatus.Active,
        ["Suspended"] = VolunteerStatus.Suspended,
        ["Отстранен(а)"] = VolunteerStatus.Suspended,
        ["Отстранен"] = VolunteerStatus.Suspended,
        ["Отстранена"] = VolunteerStatus.Suspended,
        ["Шеттетілген"] = VolunteerStatus.Suspended,
        ["Left"] = VolunteerStatus.Left,
        ["Выбыл(а)"] = VolunteerStatus.Left,
        ["Выбыл"] = VolunteerStatus.Left,
        ["Выбыла"] = VolunteerStatus.Left,
        ["Шыққан"] = VolunteerStatus.Left,
        ["Шықты"] = VolunteerStatus.Left,
    };

    private static readonly string[] Yes = ["да", "yes", "true", "1", "иә"];
    private static readonly string[] No = ["нет", "no", "false", "0", "жоқ"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy"];

    /// <summary>The rows of a .csv (comma or semicolon, UTF-8) or .xlsx file as header → text, or null for another type.</summary>
    public static IReadOnlyList<Dictionary<string, string?>>? Read(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" => ReadCsv(content),
            ".xlsx" => ReadXlsx(content),
            _ => null,
        };
    }

    private static List<Dictionary<string, string?>> ReadCsv(byte[] content)
    {
        var firstLine = Encoding.UTF8.GetString(content.AsSpan(0, Math.Min(content.Length, 2000))).Split('\n')[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        using var csv = CsvReader.Create(content, new CsvReaderOptions { HasHeader = true, Separator = separator, TrimWhitespace = true });
        var headers = csv.Headers.ToArray();
        var rows = new List<Dictionary<string, string?>>();
        while (csv.Read() && rows.Count <= MaxRows)
        {
            rows.Add(headers.Select((h, i) => (h, Value: i < csv.FieldCount ? csv.GetStringOrNull(i) : null)).ToDictionary(x => x.h, x => x.Value));
        }

        return rows;
    }

    private static List<Dictionary<string, string?>> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return [.. stream.Query(useHeaderRow: true).Take(MaxRows + 1).Select(row => ((IDictionary<string, object?>)row)
            .ToDictionary(cell => cell.Key, cell => cell.Value switch
            {
                null => null,
                DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                var text => text.ToString(),
            }))];
    }

    /// <summary>Turns one row into a member form and checks it; unknown columns are ignored.</summary>
    public static ImportRow Parse(int rowNumber, IReadOnlyDictionary<string, string?> cells, int associationId, DateOnly today)
    {
        var values = cells.Where(c => Columns.ContainsKey(c.Key.Trim()))
            .ToDictionary(c => Columns[c.Key.Trim()], c => string.IsNullOrWhiteSpace(c.Value) ? null : c.Value.Trim());
        string? Get(string field) => values.GetValueOrDefault(field);
        var errors = new FieldErrors();
        DateTime? Date(string field)
        {
            if (Get(field) is not { } text)
            {
                return null;
            }

            if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors.TryAdd(field, "Validation.Date");
            return null;
        }

        var form = new VolunteerForm
        {
            AssociationId = associationId,
            FullName = Get(nameof(VolunteerForm.FullName)) ?? "",
            BirthDate = Date(nameof(VolunteerForm.BirthDate)),
            Phone = Get(nameof(VolunteerForm.Phone)),
            Address = Get(nameof(VolunteerForm.Address)),
            DocumentNumber = Get(nameof(VolunteerForm.DocumentNumber)),
            BadgeNumber = Get(nameof(VolunteerForm.BadgeNumber)),
            JoinedOn = Date(nameof(VolunteerForm.JoinedOn)) ?? today.ToDateTime(TimeOnly.MinValue),
            ConsentOn = Date(nameof(VolunteerForm.ConsentOn)),
            BackgroundCheckOn = Date(nameof(VolunteerForm.BackgroundCheckOn)),
        };
        if (Get(nameof(VolunteerForm.Status)) is { } status)
        {
            if (Statuses.TryGetValue(status.Replace('ё', 'е').Replace('Ё', 'Е'), out var parsed))
            {
                form.Status = parsed;
            }
            else
            {
                errors.TryAdd(nameof(VolunteerForm.Status), "Validation.Status");
            }
        }

        if (Get(nameof(VolunteerForm.BackgroundCheckPassed)) is { } passed)
        {
            form.BackgroundCheckPassed = Yes.Contains(passed.ToLowerInvariant()) ? true : No.Contains(passed.ToLowerInvariant()) ? false : null;
            errors.When(form.BackgroundCheckPassed is null, nameof(VolunteerForm.BackgroundCheckPassed), "Validation.YesNo");
        }

        foreach (var (field, message) in form.Validate(today))
        {
            errors.TryAdd(field, message);
        }

        return new ImportRow(rowNumber, form, errors);
    }
}
