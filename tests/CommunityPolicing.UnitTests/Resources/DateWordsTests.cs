using System.Globalization;
using CommunityPolicing.Web.Components.Shared;

namespace CommunityPolicing.UnitTests.Resources;

/// <summary>Months and days in words as each language writes them (Kazakh: the year first, the month in lower case).</summary>
public sealed class DateWordsTests
{
    [Theory]
    [InlineData("en", "December 2026", "Dec 2026", "Friday 4 December 2026")]
    [InlineData("ru", "декабрь 2026 г.", "дек. 2026", "Пятница, 4 декабря 2026 г.")]
    [InlineData("kk", "2026 ж. желтоқсан", "2026 ж. жел.", "2026 ж. 4 желтоқсан, жұма")]
    public void Months_and_days_read_as_the_language_writes_them(string culture, string month, string shortMonth, string day)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var date = new DateOnly(2026, 12, 4);
            Assert.Equal(month, LocalizerExtensions.MonthYear(date));
            Assert.Equal(shortMonth, LocalizerExtensions.ShortMonthYear(date));
            Assert.Equal(day, LocalizerExtensions.DayInWords(date));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
