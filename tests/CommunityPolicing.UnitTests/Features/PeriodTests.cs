using CommunityPolicing.Web.Features.Dashboards;

namespace CommunityPolicing.UnitTests.Features;

public sealed class PeriodTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Previous_periods_are_the_calendar_ones_before()
    {
        Assert.Equal(new Period(PeriodKind.Month, D(2026, 2, 1), D(2026, 2, 28)), Period.Of(PeriodKind.Month, D(2026, 3, 15)).Previous);
        Assert.Equal(new Period(PeriodKind.Quarter, D(2025, 10, 1), D(2025, 12, 31)), Period.Of(PeriodKind.Quarter, D(2026, 2, 1)).Previous);
        Assert.Equal(new Period(PeriodKind.Year, D(2025, 1, 1), D(2025, 12, 31)), Period.Of(PeriodKind.Year, D(2026, 7, 1)).Previous);
        Assert.Equal(new Period(PeriodKind.Custom, D(2026, 1, 22), D(2026, 1, 31)), new Period(PeriodKind.Custom, D(2026, 2, 1), D(2026, 2, 10)).Previous);
    }

    [Fact]
    public void A_period_still_running_is_compared_with_as_many_days_of_the_one_before()
    {
        var december = Period.Of(PeriodKind.Month, D(2026, 12, 2));

        Assert.Equal(new Period(PeriodKind.Month, D(2026, 11, 1), D(2026, 11, 2)), december.ComparedOn(D(2026, 12, 2)));
        Assert.True(december.IsPartialOn(D(2026, 12, 2)));
        Assert.Equal(D(2026, 2, 28), Period.Of(PeriodKind.Month, D(2026, 3, 1)).ComparedOn(D(2026, 3, 31)).To); // a shorter month before: all of it
        Assert.Equal(D(2026, 2, 28), Period.Of(PeriodKind.Month, D(2026, 3, 1)).ComparedOn(D(2026, 3, 30)).To);
        Assert.Equal(new Period(PeriodKind.Quarter, D(2026, 7, 1), D(2026, 7, 10)), Period.Of(PeriodKind.Quarter, D(2026, 10, 10)).ComparedOn(D(2026, 10, 10)));
        Assert.Equal(december.Previous, december.ComparedOn(D(2026, 12, 31))); // the last day: whole against whole
        Assert.Equal(december.Previous, december.ComparedOn(D(2027, 1, 5))); // a period over
        Assert.False(december.IsPartialOn(D(2027, 1, 5)));
    }

    [Theory]
    [InlineData(PeriodKind.Month)]
    [InlineData(PeriodKind.Quarter)]
    [InlineData(PeriodKind.Year)]
    [InlineData(PeriodKind.Custom)]
    public void The_calendar_s_edges_do_not_overflow(PeriodKind kind)
    {
        foreach (var date in new[] { DateOnly.MinValue, D(1, 1, 2), D(1, 3, 31), D(9999, 12, 1), DateOnly.MaxValue })
        {
            var period = Period.Of(kind, date);
            Assert.InRange(date, period.From, period.To);
            Assert.True(period.Previous.From <= period.Previous.To && period.Previous.From <= period.From);
        }

        // Nothing comes before the calendar's first day: the period before one starting there is cut off at it.
        var widest = new Period(kind, DateOnly.MinValue, DateOnly.MaxValue).Previous;
        Assert.Equal(DateOnly.MinValue, widest.From);
        Assert.Equal(kind == PeriodKind.Custom ? DateOnly.MinValue : Period.Of(kind, DateOnly.MinValue).To, widest.To);
    }
}
