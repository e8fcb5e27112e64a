using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Components.Shared;

public static class LocalizerExtensions
{
    /// <summary>An enum value's name in the current language: resource key "TypeName.Value".</summary>
    public static string Enum<T>(this IStringLocalizer localizer, T value) where T : struct, System.Enum =>
        localizer[$"{typeof(T).Name}.{value}"].Value;

    /// <summary>
    /// An officer's position as the department's law titles it (RU «участковый уполномоченный полиции», KZ «участковый
    /// инспектор полиции», TJ «участковый инспектор милиции»): "OfficerPosition.X.Jurisdiction", else the neutral "OfficerPosition.X".
    /// </summary>
    public static string Position(this IStringLocalizer localizer, Domain.OfficerPosition position, Domain.Jurisdiction jurisdiction) =>
        localizer[$"OfficerPosition.{position}.{jurisdiction}"] is { ResourceNotFound: false } titled ? titled.Value : localizer.Enum(position);

    /// <summary>A date in the current culture's short format, or a dash.</summary>
    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>
    /// A date in words as the language writes it, without the weekday: "24 December 2026", «24 декабря 2026»,
    /// «2026 жылғы 24 желтоқсан». The cultures' own long formats add a weekday and, in Russian, a «г.» that clashes with
    /// a sentence's full stop.
    /// </summary>
    public static string InWords(DateOnly date) =>
        date.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "kk" ? "yyyy 'жылғы' d MMMM" : "d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>
    /// A month as the language names it in a sentence: "December 2026", «декабрь 2026 г.», «2026 ж. желтоқсан»
    /// (Kazakh puts the year first and the month in lower case). <paramref name="heading"/> capitalises a heading's first letter.
    /// </summary>
    public static string MonthYear(DateOnly month, bool heading = false)
    {
        var culture = CultureInfo.CurrentCulture;
        var text = culture.TwoLetterISOLanguageName switch
        {
            "kk" => $"{month.Year} ж. {month.ToString("MMMM", culture).ToLower(culture)}",
            "ru" => month.ToString("MMMM yyyy 'г.'", culture),
            _ => month.ToString("MMMM yyyy", culture),
        };
        return heading ? Capitalised(text, culture) : text;
    }

    /// <summary>A month in a chart's or table's narrow label: "Dec 2026", «дек. 2026», «2026 ж. жел.».</summary>
    public static string ShortMonthYear(DateOnly month)
    {
        var culture = CultureInfo.CurrentCulture;
        return culture.TwoLetterISOLanguageName == "kk"
            ? $"{month.Year} ж. {month.ToString("MMM", culture).ToLower(culture)}"
            : month.ToString("MMM yyyy", culture);
    }

    /// <summary>A day with its weekday, for a heading: "Friday 4 December 2026", «Пятница, 4 декабря 2026 г.», «2026 ж. 4 желтоқсан, жұма».</summary>
    public static string DayInWords(DateOnly date)
    {
        var culture = CultureInfo.CurrentCulture;
        var text = culture.TwoLetterISOLanguageName switch
        {
            "kk" => $"{InWords(date).Replace(" жылғы ", " ж. ", StringComparison.Ordinal)}, {date.ToString("dddd", culture).ToLower(culture)}",
            "ru" => date.ToString("dddd, d MMMM yyyy 'г.'", culture),
            _ => date.ToString("dddd d MMMM yyyy", culture),
        };
        return Capitalised(text, culture);
    }

    private static string Capitalised(string text, CultureInfo culture) =>
        text.Length == 0 ? text : char.ToUpper(text[0], culture) + text[1..];

    /// <summary>Why a volunteer may not patrol, in words: the reason's key with its topic and date.</summary>
    public static string Reason(this IStringLocalizer localizer, Domain.EligibilityReason reason) =>
        localizer[reason.Key, reason.Topic is { } topic ? localizer.Enum(topic) : "", reason.Date?.ToString("d", CultureInfo.CurrentCulture) ?? ""];

    /// <summary>A field's error message from a save result, localised, or null.</summary>
    public static string? FieldError(this IStringLocalizer localizer, IReadOnlyDictionary<string, string>? errors, string field) =>
        errors is not null && errors.TryGetValue(field, out var key) ? localizer[key].Value : null;
}
