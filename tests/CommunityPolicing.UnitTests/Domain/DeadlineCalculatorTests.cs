using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class DeadlineCalculatorTests
{
    private static readonly DeadlineRule Kz = DeadlineRule.Defaults[Jurisdiction.Kazakhstan];
    private static readonly DeadlineRule Ru = DeadlineRule.Defaults[Jurisdiction.Russia];
    private static readonly WorkCalendar KzCalendar = new(KazakhstanCalendar.Days());

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Kazakhstan_counts_15_working_days_after_registration()
    {
        // Registered Monday 2 Nov 2026: three full weeks of working days, no holidays in between.
        Assert.Equal(D(2026, 11, 23), DeadlineCalculator.DueDate(Kz, KzCalendar, D(2026, 11, 2)));
    }

    [Fact]
    public void Kazakhstan_skips_weekends_and_the_Nauryz_holidays()
    {
        // 16 Mar 2026 (Mon): 17–20 Mar count 4, 21–25 Mar are off (Nauryz and the days moved from the weekend),
        // 26–27 Mar count 6, 30 Mar – 3 Apr 11, and 6–9 Apr bring the 15th working day to Thursday 9 April.
        Assert.Equal(D(2026, 4, 9), DeadlineCalculator.DueDate(Kz, KzCalendar, D(2026, 3, 16)));
    }

    [Fact]
    public void Kazakhstan_crosses_the_year_boundary_and_new_year_holidays()
    {
        // 21 Dec 2026 (Mon): 22–31 Dec give 8 working days; 1 Jan off, 4 Jan (moved from 2 Jan) off, 7 Jan off.
        // 5, 6, 8, 11, 12, 13, 14 Jan complete the 15.
        Assert.Equal(D(2027, 1, 14), DeadlineCalculator.DueDate(Kz, KzCalendar, D(2026, 12, 21)));
    }

    [Fact]
    public void A_transferred_working_day_counts_and_a_transferred_day_off_does_not()
    {
        var calendar = new WorkCalendar(
        [
            new CalendarDay { Date = D(2026, 11, 7), Kind = CalendarDayKind.WorkingDay, Name = "Saturday worked" },
            new CalendarDay { Date = D(2026, 11, 9), Kind = CalendarDayKind.DayOff, Name = "Monday off" },
        ]);

        Assert.True(calendar.IsWorkingDay(D(2026, 11, 7)));
        Assert.False(calendar.IsWorkingDay(D(2026, 11, 9)));
        // Fri 6 Nov: Sat 7 (worked) is the 1st working day, Tue 10 the 2nd.
        Assert.Equal(D(2026, 11, 10), calendar.AddWorkingDays(D(2026, 11, 6), 2));
    }

    [Fact]
    public void Russia_counts_30_calendar_days_and_moves_a_weekend_due_date_to_monday()
    {
        Assert.Equal(D(2026, 12, 2), DeadlineCalculator.DueDate(Ru, WorkCalendar.Weekends, D(2026, 11, 2)));
        // 30 days after 6 Nov is Sunday 6 Dec: due Monday 7 Dec.
        Assert.Equal(D(2026, 12, 7), DeadlineCalculator.DueDate(Ru, WorkCalendar.Weekends, D(2026, 11, 6)));
    }

    [Fact]
    public void Kazakhstan_extends_by_reasoned_decision_up_to_two_months_in_total()
    {
        var registered = D(2026, 11, 2);
        var due = D(2026, 11, 23);

        Assert.Equal(D(2027, 1, 2), DeadlineCalculator.LatestExtension(Kz, registered, due, due, 0));
        Assert.Null(DeadlineCalculator.CheckExtension(Kz, registered, due, due, 0, D(2026, 12, 15), "Экспертиза"));
        Assert.Equal("Appeal.ExtensionTooLong", DeadlineCalculator.CheckExtension(Kz, registered, due, due, 0, D(2027, 1, 3), "Экспертиза"));
        Assert.Equal("Appeal.ExtensionReasonRequired", DeadlineCalculator.CheckExtension(Kz, registered, due, due, 0, D(2026, 12, 15), " "));
        Assert.Equal("Appeal.ExtensionNotLater", DeadlineCalculator.CheckExtension(Kz, registered, due, due, 0, due, "Экспертиза"));
    }

    [Fact]
    public void Russia_extends_once_by_at_most_30_days()
    {
        var registered = D(2026, 11, 2);
        var due = D(2026, 12, 2);

        Assert.Equal(D(2027, 1, 1), DeadlineCalculator.LatestExtension(Ru, registered, due, due, 0));
        Assert.Null(DeadlineCalculator.LatestExtension(Ru, registered, due, D(2026, 12, 20), 1));
        Assert.Equal("Appeal.NoMoreExtensions", DeadlineCalculator.CheckExtension(Ru, registered, due, D(2026, 12, 20), 1, D(2026, 12, 25), "ещё"));
    }

    [Theory]
    [InlineData(AppealStatus.Assigned, "2026-11-20", "2026-11-23", true, false)]
    [InlineData(AppealStatus.InProgress, "2026-11-23", "2026-11-23", false, true)]
    [InlineData(AppealStatus.Registered, "2026-11-26", "2026-11-23", false, true)]
    [InlineData(AppealStatus.Registered, "2026-11-27", "2026-11-23", false, false)]
    [InlineData(AppealStatus.Answered, "2026-11-20", "2026-11-23", false, false)]
    [InlineData(AppealStatus.Redirected, "2026-11-20", "2026-11-23", false, false)]
    public void Overdue_means_still_open_after_the_due_date_and_due_soon_means_within_three_days(
        AppealStatus status, string due, string today, bool overdue, bool dueSoon)
    {
        Assert.Equal(overdue, DeadlineCalculator.IsOverdue(status, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(dueSoon, DeadlineCalculator.IsDueSoon(status, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
