using System.Globalization;

namespace CommunityPolicing.Web.Components.Shared;

/// <summary>
/// Query-string values anyone can type or forge, parsed in the invariant culture; text that does not parse, or is
/// out of range, counts as absent. Pages and exports take such parameters as text and parse them here because
/// Blazor's [SupplyParameterFromQuery] throws (a 500) on a value it cannot convert, and minimal APIs refuse the
/// whole request; an ignored filter is the friendlier answer to a mistyped or truncated link.
/// </summary>
public static class QueryValue
{
    /// <summary>A whole number without sign or spaces (ids, years, quarters).</summary>
    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A date as the app writes it into links (yyyy-MM-dd); any date the calendar has, however far.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>true (any case) or 1, as the print links write it; anything else is false, as an absent flag.</summary>
    public static bool Flag(string? text) => text == "1" || (bool.TryParse(text, out var value) && value);

    /// <summary>An enum member by name (any case) or number; combinations and undefined numbers are absent.</summary>
    public static TEnum? Enum<TEnum>(string? text) where TEnum : struct, Enum =>
        text?.Contains(',', StringComparison.Ordinal) == false // Enum.TryParse would OR the names of a list together
        && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;
}
