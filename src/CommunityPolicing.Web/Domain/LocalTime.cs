namespace CommunityPolicing.Web.Domain;

/// <summary>Instants are stored in UTC; dates (registration, due, "today") are a department's local dates.</summary>
public static class LocalTime
{
    public static DateOnly Date(DateTimeOffset instant, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);
}
