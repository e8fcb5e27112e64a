namespace CommunityPolicing.Web.Domain;

/// <summary>Instants are stored in UTC; dates (registration, due, "today") are a department's local dates.</summary>
public static class LocalTime
{
    public static DateOnly Date(DateTimeOffset instant, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);

    /// <summary>Local days from and to (inclusive) as UTC instants [start, end), for comparing stored instants with a period.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Range(string timeZoneId, DateOnly from, DateOnly to)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        DateTimeOffset Start(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        return (Start(from), Start(to.AddDays(1)));
    }
}
