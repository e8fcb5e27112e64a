using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class BeatWorkRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void The_quarter_plan_counts_done_late_overdue_and_upcoming()
    {
        var progress = PreventionPlan.Progress(
        [
            (new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 5)),   // done on the day
            (new DateOnly(2026, 10, 20), new DateOnly(2026, 10, 22)), // done late
            (new DateOnly(2026, 11, 10), null),                       // overdue
            (Today, null),                                            // today: not yet overdue
            (new DateOnly(2026, 12, 15), null),                       // upcoming
            (new DateOnly(2026, 12, 20), new DateOnly(2026, 11, 20)), // done early
        ], Today);

        Assert.Equal(new PlanProgress(6, 3, 1, 1, 2), progress);
        Assert.Equal(50, progress.Percent);
        Assert.Equal(0, PreventionPlan.Progress([], Today).Percent);
    }

    [Theory]
    [InlineData(2026, 1, 1, 2026, 1, 1)]
    [InlineData(2026, 3, 31, 2026, 1, 1)]
    [InlineData(2026, 4, 1, 2026, 4, 1)]
    [InlineData(2026, 12, 31, 2026, 10, 1)]
    public void A_date_belongs_to_its_calendar_quarter(int y, int m, int d, int qy, int qm, int qd) =>
        Assert.Equal(new DateOnly(qy, qm, qd), PreventionPlan.QuarterOf(new DateOnly(y, m, d)));

    [Fact]
    public void The_next_check_is_a_period_after_the_last_check_or_the_start()
    {
        var started = new DateOnly(2026, 10, 1);

        Assert.Equal(new DateOnly(2026, 10, 31), RecordChecks.NextDue(started, 30, null, null));
        Assert.Equal(new DateOnly(2026, 12, 14), RecordChecks.NextDue(started, 30, new DateOnly(2026, 11, 14), null));
        Assert.Equal(new DateOnly(2026, 10, 31), RecordChecks.NextDue(started, 30, new DateOnly(2026, 9, 1), null)); // a check before the record started does not count
        Assert.Null(RecordChecks.NextDue(started, 30, null, new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void A_check_is_due_on_its_date_and_after()
    {
        Assert.True(RecordChecks.IsDue(Today, Today));
        Assert.True(RecordChecks.IsDue(Today.AddDays(-1), Today));
        Assert.False(RecordChecks.IsDue(Today.AddDays(1), Today));
        Assert.False(RecordChecks.IsDue(null, Today));
    }

    [Fact]
    public void The_door_to_door_tour_is_due_a_month_after_appointment()
    {
        var assigned = new DateOnly(2026, 10, 31);

        var inTime = DoorToDoorTour.Of(assigned, 400, 250, new DateOnly(2026, 11, 30));
        var late = DoorToDoorTour.Of(assigned, 400, 250, new DateOnly(2026, 12, 1));
        var done = DoorToDoorTour.Of(assigned, 400, 410, new DateOnly(2026, 12, 20));

        Assert.Equal(new DateOnly(2026, 11, 30), inTime.DueOn); // 31 Oct + 1 month ends on the last day of November
        Assert.Equal((false, 62), (inTime.Overdue, inTime.Percent));
        Assert.True(late.Overdue);
        Assert.Equal((false, true, 100), (done.Overdue, done.Complete, done.Percent));
    }
}
