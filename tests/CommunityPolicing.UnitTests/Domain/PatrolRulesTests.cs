using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class PatrolRulesTests
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly PatrolLimits Limits = new();
    private static readonly EligibilityResult Eligible = new(true, [], []);

    private static Shift At(int month, int day, int from, int to) => Shift.Local(new DateOnly(2026, month, day), new TimeOnly(from, 0), new TimeOnly(to, 0), Almaty);

    private static BookedShift Booked(int id, int month, int day, int from, int to) => new(id, At(month, day, from, to), new DateOnly(2026, month, day));

    private static IReadOnlyList<PatrolConflict> Check(Shift shift, params BookedShift[] booked) =>
        PatrolRules.Check(shift, DateOnly.FromDateTime(shift.Start.DateTime), [new Candidate("Officer", booked)], Limits);

    [Fact]
    public void A_free_evening_shift_has_no_conflicts() => Assert.Empty(Check(At(11, 27, 19, 23)));

    [Fact]
    public void Local_times_become_instants_in_the_departments_zone()
    {
        var shift = At(11, 27, 19, 23);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero), shift.Start.ToUniversalTime());
        Assert.Equal(4, shift.Hours);
    }

    [Fact]
    public void An_end_before_the_start_is_after_midnight()
    {
        var shift = At(11, 27, 22, 2);

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.FromHours(5)), shift.End);
        Assert.Equal(4, shift.Hours);
    }

    [Fact]
    public void A_shift_across_a_daylight_saving_change_counts_real_hours()
    {
        // Europe/Berlin goes back from 03:00 to 02:00 on 25 Oct 2026: 22:00–04:00 is seven hours of duty.
        var shift = Shift.Local(new DateOnly(2026, 10, 24), new TimeOnly(22, 0), new TimeOnly(4, 0), Berlin);

        Assert.Equal(7, shift.Hours);
    }

    [Fact]
    public void A_shift_of_exactly_the_maximum_is_allowed_and_a_minute_more_is_not()
    {
        var eight = At(11, 27, 14, 22);
        var longer = new Shift(eight.Start, eight.End.AddMinutes(1));

        Assert.Empty(Check(eight));
        Assert.Equal("Conflict.TooLong", Assert.Single(Check(longer)).Key);
    }

    [Fact]
    public void An_end_not_after_the_start_is_refused_alone()
    {
        var start = At(11, 27, 19, 23).Start;

        Assert.Equal("Conflict.EndBeforeStart", Assert.Single(Check(new Shift(start, start))).Key);
    }

    [Fact]
    public void Overlapping_shifts_are_a_double_booking_naming_the_other_patrol()
    {
        var conflict = Assert.Single(Check(At(11, 27, 19, 23), Booked(41, 11, 27, 21, 1)));

        Assert.Equal("Conflict.DoubleBooked", conflict.Key);
        Assert.Equal(41, conflict.OtherPatrolId);
        Assert.Equal("Officer", conflict.Who);
    }

    [Fact]
    public void Touching_shifts_do_not_overlap_but_leave_no_rest()
    {
        var conflict = Assert.Single(Check(At(11, 27, 19, 23), Booked(41, 11, 27, 15, 19)));

        Assert.Equal("Conflict.Rest", conflict.Key);
    }

    [Fact]
    public void Rest_is_measured_both_ways_and_exactly_the_minimum_is_enough()
    {
        // Booked 19:00–23:00 on the 27th: 07:00 next morning is exactly 8 h later, 06:59 is not.
        var booked = Booked(41, 11, 27, 19, 23);

        Assert.Empty(Check(At(11, 28, 7, 11), booked));
        Assert.Equal("Conflict.Rest", Assert.Single(Check(new Shift(At(11, 28, 7, 11).Start.AddMinutes(-1), At(11, 28, 7, 11).End), booked)).Key);
        Assert.Equal("Conflict.Rest", Assert.Single(Check(At(11, 27, 9, 13), booked)).Key);
        Assert.Empty(Check(At(11, 27, 7, 11), booked));
    }

    [Fact]
    public void A_volunteers_monthly_cap_counts_the_month_of_the_patrols_date()
    {
        // 36 h booked in November (nine 4-hour evenings); another 4 h reaches the 40 h cap exactly, 5 h exceeds it.
        var november = Enumerable.Range(1, 9).Select(i => Booked(i, 11, i * 2, 19, 23)).ToArray();
        var volunteer = new Candidate("Volunteer", november, Eligible);

        Assert.Empty(PatrolRules.Check(At(11, 27, 19, 23), new DateOnly(2026, 11, 27), [volunteer], Limits));
        var over = PatrolRules.Check(At(11, 27, 18, 23), new DateOnly(2026, 11, 27), [volunteer], Limits);
        Assert.Equal("Conflict.MonthlyCap", Assert.Single(over).Key);

        // The same shift in December starts a new month; a shift on 30 Nov crossing midnight still counts for November.
        Assert.Empty(PatrolRules.Check(At(12, 1, 18, 23), new DateOnly(2026, 12, 1), [volunteer], Limits));
        Assert.Single(PatrolRules.Check(At(11, 30, 20, 1), new DateOnly(2026, 11, 30), [volunteer], Limits));
    }

    [Fact]
    public void Officers_have_no_monthly_cap()
    {
        var november = Enumerable.Range(1, 12).Select(i => Booked(i, 11, i * 2, 16, 23)).ToArray();

        Assert.Empty(Check(At(11, 27, 16, 23), november));
    }

    [Fact]
    public void An_ineligible_volunteer_is_refused_with_each_reason()
    {
        var reasons = new EligibilityResult(false,
            [new EligibilityReason("Eligibility.TrainingExpired", TrainingTopic.FirstAid, new DateOnly(2026, 9, 1)), new EligibilityReason("Eligibility.ConsentMissing")], []);

        var conflicts = PatrolRules.Check(At(11, 27, 19, 23), new DateOnly(2026, 11, 27), [new Candidate("Volunteer", [], reasons)], Limits);

        Assert.Equal(["Conflict.NotEligible", "Conflict.NotEligible"], conflicts.Select(c => c.Key));
        Assert.Equal(TrainingTopic.FirstAid, conflicts[0].Reason!.Topic);
    }

    [Fact]
    public void Limits_are_settings()
    {
        var strict = new PatrolLimits { MaxShiftHours = 4, MinRestHours = 12, MonthlyCapHours = 10 };

        var conflicts = PatrolRules.Check(At(11, 27, 13, 18), new DateOnly(2026, 11, 27),
            [new Candidate("Volunteer", [Booked(1, 11, 27, 1, 5), Booked(2, 11, 20, 8, 12)], Eligible)], strict);

        Assert.Equal(["Conflict.TooLong", "Conflict.Rest", "Conflict.MonthlyCap"], conflicts.Select(c => c.Key));
    }

    [Fact]
    public void Recurrence_takes_the_chosen_weekdays_through_the_last_date()
    {
        var dates = PatrolRecurrence.Dates(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), [DayOfWeek.Friday, DayOfWeek.Saturday]);

        Assert.Equal(8, dates.Count);
        Assert.Equal(new DateOnly(2026, 12, 4), dates[0]);
        Assert.Equal(new DateOnly(2026, 12, 26), dates[^1]);
        Assert.All(dates, d => Assert.Contains(d.DayOfWeek, new[] { DayOfWeek.Friday, DayOfWeek.Saturday }));
    }

    [Fact]
    public void Recurrence_stops_one_past_the_maximum_so_the_caller_can_refuse()
    {
        var all = Enum.GetValues<DayOfWeek>();

        Assert.Equal(PatrolRecurrence.MaxOccurrences + 1, PatrolRecurrence.Dates(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), all).Count);
    }

    [Theory]
    [InlineData(PatrolStatus.Planned, PatrolStatus.Confirmed, true)]
    [InlineData(PatrolStatus.Confirmed, PatrolStatus.InProgress, true)]
    [InlineData(PatrolStatus.InProgress, PatrolStatus.Completed, true)]
    [InlineData(PatrolStatus.Confirmed, PatrolStatus.Cancelled, true)]
    [InlineData(PatrolStatus.Completed, PatrolStatus.Cancelled, false)]
    [InlineData(PatrolStatus.Cancelled, PatrolStatus.Planned, false)]
    [InlineData(PatrolStatus.InProgress, PatrolStatus.Planned, false)]
    public void The_workflow_moves_forward_only(PatrolStatus from, PatrolStatus to, bool allowed) =>
        Assert.Equal(allowed, PatrolWorkflow.CanMove(from, to));

    [Fact]
    public void Hours_are_the_actual_duration_to_a_tenth()
    {
        var start = new DateTimeOffset(2026, 11, 27, 19, 0, 0, TimeSpan.FromHours(5));

        Assert.Equal(3.8m, PatrolWorkflow.Hours(start, start.AddMinutes(225)));
        Assert.Equal(0m, PatrolWorkflow.Hours(start, start.AddMinutes(-5)));
    }
}
