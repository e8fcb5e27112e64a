using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Components.Shared;

public static class LocalizerExtensions
{
    /// <summary>An enum value's name in the current language: resource key "TypeName.Value".</summary>
    public static string Enum<T>(this IStringLocalizer localizer, T value) where T : struct, System.Enum =>
        localizer[$"{typeof(T).Name}.{value}"].Value;

    /// <summary>A date in the current culture's short format, or a dash.</summary>
    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>
    /// A date in words as the language writes it, without the weekday: "24 December 2026", «24 декабря 2026»,
    /// «2026 жылғы 24 желтоқсан». The cultures' own long formats add a weekday and, in Russian, a «г.» that clashes with
    /// a sentence's full stop.
    /// </summary>
    public static string InWords(DateOnly date) =>
        date.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "kk" ? "yyyy 'жылғы' d MMMM" : "d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Why a volunteer may not patrol, in words: the reason's key with its topic and date.</summary>
    public static string Reason(this IStringLocalizer localizer, Domain.EligibilityReason reason) =>
        localizer[reason.Key, reason.Topic is { } topic ? localizer.Enum(topic) : "", reason.Date?.ToString("d", CultureInfo.CurrentCulture) ?? ""];

    /// <summary>A field's error message from a save result, localised, or null.</summary>
    public static string? FieldError(this IStringLocalizer localizer, IReadOnlyDictionary<string, string>? errors, string field) =>
        errors is not null && errors.TryGetValue(field, out var key) ? localizer[key].Value : null;
}
