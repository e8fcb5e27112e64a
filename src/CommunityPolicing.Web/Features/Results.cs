using System.Globalization;
using CommunityPolicing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommunityPolicing.Web.Features;

public sealed record PageResult<T>(IReadOnlyList<T> Items, int Total);

public static class Paging
{
    /// <summary>
    /// The list's length when a page tells it: a page that is not full ends the list (most of an officer's lists fit on
    /// one page), so it need not be counted again. Null when only a count can tell.
    /// </summary>
    public static int? TotalFrom(int page, int pageSize, int rowsOnPage) =>
        rowsOnPage < pageSize && (rowsOnPage > 0 || page == 0) ? page * pageSize + rowsOnPage : null;
}

public sealed record Option(int Id, string Name);

/// <summary>
/// The outcome of a save: saved (with the record's id), refused with messages per field (resource keys),
/// a concurrency conflict (someone else saved first), or not found (absent or outside the user's scope).
/// </summary>
public sealed record SaveResult(int Id, IReadOnlyDictionary<string, string> Errors, bool Conflict, bool NotFound)
{
    public bool Succeeded => Errors.Count == 0 && !Conflict && !NotFound;

    public static SaveResult Saved(int id) => new(id, new Dictionary<string, string>(), false, false);
    public static SaveResult Invalid(IReadOnlyDictionary<string, string> errors) => new(0, errors, false, false);
    public static SaveResult Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });
    public static readonly SaveResult Stale = new(0, new Dictionary<string, string>(), true, false);
    public static readonly SaveResult Missing = new(0, new Dictionary<string, string>(), false, true);

    /// <summary>The database could not be reached, even after retries: a notice to try again, not an error page.</summary>
    public static SaveResult Unavailable => Invalid("", "Database.Unavailable");

    /// <summary>Saves, turning a lost optimistic-concurrency race or a unique-key clash into a result the form can show.</summary>
    public static async Task<SaveResult> SaveAsync(DbContext db, Func<int> id, string? uniqueField, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Saved(id());
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        catch (Exception e) when (db.Database.CurrentTransaction is null && DatabaseOutage.Is(e))
        {
            return Unavailable; // inside a unit with its own transaction the fault goes up, so the unit retries whole
        }
        catch (DbUpdateException e) when (uniqueField is not null && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Invalid(uniqueField, "Validation.AlreadyUsed");
        }
    }
}

/// <summary>Collects field errors as resource keys.</summary>
public sealed class FieldErrors : Dictionary<string, string>
{
    public FieldErrors Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            TryAdd(field, "Validation.Required");
        }

        return this;
    }

    /// <summary>Too long, or characters PostgreSQL text cannot hold (NUL, a lone surrogate): refused at the field, not at the save.</summary>
    public FieldErrors MaxLength(string field, string? value, int max)
    {
        if (value?.Length > max)
        {
            TryAdd(field, "Validation.TooLong");
        }
        else if (Text.IsUnstorable(value))
        {
            TryAdd(field, "Validation.Characters");
        }

        return this;
    }

    public FieldErrors When(bool invalid, string field, string message)
    {
        if (invalid)
        {
            TryAdd(field, message);
        }

        return this;
    }
}

public static class Like
{
    /// <summary>An ILIKE pattern matching the text anywhere, with the user's % and _ taken literally.</summary>
    public static string Containing(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}

public static class Text
{
    /// <summary>Trimmed text, or null for empty or blank input: optional fields are stored as null, never as "".</summary>
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>NUL or a UTF-16 surrogate without its pair: PostgreSQL refuses the first, strict UTF-8 encoding the second.</summary>
    public static bool IsUnstorable(string? text)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
                || (char.IsHighSurrogate(c) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Numbers as people type them in their language, for the static forms that bind text.</summary>
public static class Number
{
    /// <summary>
    /// A decimal number in the culture's notation ("42,8987" in Russian or Kazakh), or with a point, which every phone
    /// keyboard offers; spaces between digit groups and a typographic minus are allowed. Empty is null; anything else that
    /// is not a number (including a comma in English, where it separates thousands) is refused, never read as another number.
    /// </summary>
    public static bool TryRead(string? text, CultureInfo culture, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var plain = text.Trim().Replace('\u2212', '-').Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "");
        var separator = culture.NumberFormat.NumberDecimalSeparator;
        if (separator != "." && plain.Contains('.') && plain.Contains(separator, StringComparison.Ordinal))
        {
            return false;
        }

        if (separator != ".")
        {
            plain = plain.Replace(separator, ".", StringComparison.Ordinal);
        }

        if (!double.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            return false;
        }

        value = number;
        return true;
    }
}
