namespace CommunityPolicing.Web.Domain;

/// <summary>Instants are stored in UTC; dates (registration, due, "today") are a department's local dates.</summary>
public static class LocalTime
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(9999, 12, 30);

    public static DateOnly Date(DateTimeOffset instant, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);

    /// <summary>Local days from and to (inclusive) as UTC instants [start, end), for comparing stored instants with a period.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Range(string timeZoneId, DateOnly from, DateOnly to)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        DateTimeOffset Start(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

        // Days typed into a filter may be any date; a zone's offset must not push an instant past year 1 or 9999.
        static DateOnly Sane(DateOnly day) => day < Earliest ? Earliest : day > Latest ? Latest : day;
        return (Start(Sane(from)), Start(Sane(to).AddDays(1)));
    }
}
