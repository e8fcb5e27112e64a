using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Data.Seeding;

/// <summary>
/// Days off in Kazakhstan for 2026 and 2027 beyond weekends: public holidays, and the Monday off when a secular
/// holiday falls on a weekend (Labour Code art. 85). Religious holidays (Kurban Ait) do not move. Transferred
/// working days are decreed by the government each year and are added by administrators when published.
/// </summary>
public static class KazakhstanCalendar
{
    private static readonly (string Date, string Name)[] DaysOff =
    [
        ("2026-01-01", "Новый год"), ("2026-01-02", "Новый год"), ("2026-01-07", "Православное Рождество"),
        ("2026-03-09", "Международный женский день (перенос с 8 марта)"), ("2026-03-21", "Наурыз мейрамы"),
        ("2026-03-22", "Наурыз мейрамы"), ("2026-03-23", "Наурыз мейрамы"), ("2026-03-24", "Наурыз мейрамы (перенос)"),
        ("2026-03-25", "Наурыз мейрамы (перенос)"), ("2026-05-01", "Праздник единства народа Казахстана"),
        ("2026-05-07", "День защитника Отечества"), ("2026-05-11", "День Победы (перенос с 9 мая)"),
        ("2026-05-27", "Курбан айт"), ("2026-07-06", "День Столицы"), ("2026-08-31", "День Конституции (перенос с 30 августа)"),
        ("2026-10-26", "День Республики (перенос с 25 октября)"), ("2026-12-16", "День Независимости"),
        ("2027-01-01", "Новый год"), ("2027-01-04", "Новый год (перенос со 2 января)"), ("2027-01-07", "Православное Рождество"),
        ("2027-03-08", "Международный женский день"), ("2027-03-22", "Наурыз мейрамы"), ("2027-03-23", "Наурыз мейрамы"),
        ("2027-03-24", "Наурыз мейрамы (перенос с 21 марта)"), ("2027-05-03", "Праздник единства народа Казахстана (перенос)"),
        ("2027-05-07", "День защитника Отечества"), ("2027-05-10", "День Победы (перенос с 9 мая)"), ("2027-05-17", "Курбан айт"),
        ("2027-07-06", "День Столицы"), ("2027-08-30", "День Конституции"), ("2027-10-25", "День Республики"),
        ("2027-12-16", "День Независимости"),
    ];

    public static IEnumerable<CalendarDay> Days() => DaysOff.Select(d => new CalendarDay
    {
        Jurisdiction = Jurisdiction.Kazakhstan,
        Date = DateOnly.ParseExact(d.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Kind = CalendarDayKind.DayOff,
        Name = d.Name,
    });
}
