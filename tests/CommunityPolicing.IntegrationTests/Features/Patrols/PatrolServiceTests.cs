using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Associations;
using CommunityPolicing.Web.Features.Patrols;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CommunityPolicing.IntegrationTests.Features.Patrols.PatrolFixture;

namespace CommunityPolicing.IntegrationTests.Features.Patrols;

[Collection(AppCollection.Name)]
public sealed class PatrolServiceTests(TestApp app)
{
    private async Task<PlanResult> PlanAsync(string email, PatrolForm form)
    {
        await using var scope = await app.SignedInAsync(email);
        return await scope.ServiceProvider.GetRequiredService<PatrolService>().PlanAsync(form);
    }

    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    [Fact]
    public async Task The_planners_choice_of_members_says_who_may_patrol_on_the_patrols_date_and_the_posts_holidays_come_with_it()
    {
        var (association, precinct, _) = await Post17Async(app);
        var trained = await NewEligibleVolunteerAsync(app, association, "Обученный Выбираемый");
        await using var scope = await app.SignedInAsync(Demo.Coordinator);
        var patrols = scope.ServiceProvider.GetRequiredService<PatrolService>();

        var soon = (await patrols.OptionsAsync(precinct, association, Today.AddDays(7))).Volunteers.Single(v => v.Id == trained);
        Assert.True(soon.Eligibility.Eligible);
        // First aid is valid for a year: a patrol thirteen months on is one this member may not join, and the picker says why.
        var later = (await patrols.OptionsAsync(precinct, association, Today.AddMonths(13))).Volunteers.Single(v => v.Id == trained);
        Assert.False(later.Eligibility.Eligible);
        Assert.Contains(later.Eligibility.Reasons, r => (r.Key, r.Topic) == ("Eligibility.TrainingExpired", TrainingTopic.FirstAid));

        var options = await patrols.OptionsAsync(precinct, association, Today);
        await using var db = app.NewDbContext();
        var holidays = await db.CalendarDays.Where(d => d.Jurisdiction == Jurisdiction.Kazakhstan && d.Kind == CalendarDayKind.DayOff && d.Date >= Today)
            .ToDictionaryAsync(d => d.Date, d => d.Name);
        Assert.NotEmpty(holidays);
        Assert.All(holidays, h => Assert.Equal(h.Value, options.Holidays[h.Key]));
    }

    [Fact]
    public async Task A_recurring_plan_creates_each_occurrence_at_local_times_and_a_double_booking_is_refused_with_its_reason()
    {
        var (association, precinct, _) = await Post17Async(app);
        var officer = await NewOfficerAsync(app, precinct, "Тестов Рекуррент");
        var volunteer = await NewEligibleVolunteerAsync(app, association, "Серийный Дружинник");
        var first = MonthAhead(2);

        var series = await PlanAsync(Demo.Coordinator, new PatrolForm
        {
            PrecinctId = precinct,
            AssociationId = association,
            Date = Day(first),
            Until = Day(first.AddDays(27)),
            Weekdays = [DayOfWeek.Friday, DayOfWeek.Saturday],
            Start = new TimeSpan(19, 0, 0),
            End = new TimeSpan(23, 0, 0),
            OfficerIds = [officer],
            VolunteerIds = [volunteer],
        });

        Assert.True(series.Save.Succeeded, string.Join("; ", series.Occurrences.SelectMany(o => o.Conflicts).Select(c => c.Key)));
        Assert.Equal(8, series.Created);
        await using var db = app.NewDbContext();
        var saved = await db.Patrols.Where(p => p.Participants.Any(x => x.OfficerId == officer)).OrderBy(p => p.StartsAt).ToListAsync();
        Assert.Equal(8, saved.Count);
        Assert.Single(saved.Select(p => p.SeriesId).Distinct());
        Assert.All(saved, p => Assert.Contains(p.Date.DayOfWeek, new[] { DayOfWeek.Friday, DayOfWeek.Saturday }));
        Assert.All(saved, p => Assert.Equal(new TimeSpan(14, 0, 0), p.StartsAt.UtcDateTime.TimeOfDay)); // 19:00 in Almaty (UTC+5)

        var clash = await PlanAsync(Demo.Officer17, new PatrolForm
        {
            PrecinctId = precinct,
            Date = Day(saved[0].Date),
            Start = new TimeSpan(21, 0, 0),
            End = new TimeSpan(1, 0, 0),
            OfficerIds = [officer],
        });

        Assert.False(clash.Save.Succeeded);
        var conflict = Assert.Single(Assert.Single(clash.Occurrences).Conflicts);
        Assert.Equal(("Conflict.DoubleBooked", "Тестов Рекуррент", (int?)saved[0].Id), (conflict.Key, conflict.Who, conflict.OtherPatrolId));
        Assert.Equal(8, await db.Patrols.CountAsync(p => p.Participants.Any(x => x.OfficerId == officer)));
    }

    [Fact]
    public async Task Conflicting_occurrences_save_nothing_until_the_planner_chooses_to_skip_them()
    {
        var (association, precinct, _) = await Post17Async(app);
        var officer = await NewOfficerAsync(app, precinct, "Тестов Лимит");
        var volunteer = await NewEligibleVolunteerAsync(app, association, "Часовой Дружинник");
        var first = MonthAhead(3);
        var form = new PatrolForm
        {
            PrecinctId = precinct,
            AssociationId = association,
            Date = Day(first),
            Until = Day(first.AddDays(10)),
            Weekdays = [.. Enum.GetValues<DayOfWeek>()],
            Start = new TimeSpan(19, 0, 0),
            End = new TimeSpan(23, 0, 0),
            OfficerIds = [officer],
            VolunteerIds = [volunteer],
        };

        var refused = await PlanAsync(Demo.Coordinator, form);

        // Eleven evenings of four hours: the eleventh would take the volunteer past the 40-hour monthly cap.
        Assert.Equal(11, refused.Occurrences.Count);
        var over = Assert.Single(refused.Occurrences, o => o.Conflicts.Count > 0);
        Assert.Equal(first.AddDays(10), over.Date);
        Assert.Equal("Conflict.MonthlyCap", Assert.Single(over.Conflicts).Key);
        await using var db = app.NewDbContext();
        Assert.Equal(0, await db.Patrols.CountAsync(p => p.Participants.Any(x => x.OfficerId == officer)));

        form.SkipConflicting = true;
        var saved = await PlanAsync(Demo.Coordinator, form);

        Assert.Equal(10, saved.Created);
        Assert.Equal(10, await db.Patrols.CountAsync(p => p.Participants.Any(x => x.OfficerId == officer)));
    }

    [Fact]
    public async Task A_volunteer_without_training_is_refused_with_the_reason()
    {
        var (association, precinct, _) = await Post17Async(app);
        var officer = await NewOfficerAsync(app, precinct, "Тестов Допуск");
        await using var db = app.NewDbContext();
        var untrained = new Volunteer
        {
            AssociationId = association,
            FullName = "Необученный Кандидат",
            BirthDate = new DateOnly(1991, 2, 2),
            Status = VolunteerStatus.Active,
            JoinedOn = Today,
            BackgroundCheckOn = Today,
            BackgroundCheckPassed = true,
            ConsentOn = Today,
        };
        db.Volunteers.Add(untrained);
        await db.SaveChangesAsync();

        var result = await PlanAsync(Demo.Coordinator, new PatrolForm
        {
            PrecinctId = precinct,
            AssociationId = association,
            Date = Day(MonthAhead(2).AddDays(3)),
            OfficerIds = [officer],
            VolunteerIds = [untrained.Id],
        });

        var conflicts = Assert.Single(result.Occurrences).Conflicts;
        Assert.All(conflicts, c => Assert.Equal(("Conflict.NotEligible", "Необученный Кандидат"), (c.Key, c.Who)));
        Assert.Equal([TrainingTopic.LegalBasics, TrainingTopic.FirstAid, TrainingTopic.LawfulForce], conflicts.Select(c => c.Reason!.Topic!.Value).Order());
        Assert.False(await db.Patrols.AnyAsync(p => p.Participants.Any(x => x.OfficerId == officer)));
    }

    [Fact]
    public async Task Planning_is_refused_outside_the_planners_scope_and_without_an_officer()
    {
        var (_, precinct, officer) = await Post17Async(app);
        await using var db = app.NewDbContext();
        var youth = await db.Associations.Where(a => a.Name.StartsWith("Молодёжный")).Select(a => a.Id).SingleAsync();
        var post30 = await db.Precincts.Where(p => p.Number == "30" && p.Department!.Name == Demo.TarazDepartment).Select(p => p.Id).SingleAsync();

        // The coordinator does not keep the youth squad; officer.30 plans for post 30 only; a patrol needs a police officer.
        Assert.True((await PlanAsync(Demo.Coordinator, new PatrolForm { PrecinctId = precinct, AssociationId = youth, Date = Day(MonthAhead(4)), OfficerIds = [officer] })).Save.NotFound);
        Assert.True((await PlanAsync(Demo.Officer30, new PatrolForm { PrecinctId = precinct, Date = Day(MonthAhead(4)), OfficerIds = [officer] })).Save.NotFound);
        var noOfficer = await PlanAsync(Demo.Officer30, new PatrolForm { PrecinctId = post30, Date = Day(MonthAhead(4)) });
        Assert.Equal("Patrol.NeedsOfficer", noOfficer.Save.Errors["OfficerIds"]);
    }

    [Fact]
    public async Task An_edit_cannot_move_a_patrol_to_another_departments_post_and_the_department_stays_the_posts()
    {
        var (_, precinct, _) = await Post17Async(app);
        await using var db = app.NewDbContext();
        var baizakPost = await db.Precincts.Where(p => p.Department!.Name != Demo.TarazDepartment && p.Status == PrecinctStatus.Operating)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.DepartmentId }).FirstAsync();
        var tarazOfficer = await NewOfficerAsync(app, precinct, "Тестов Переводной");
        var baizakOfficer = await NewOfficerAsync(app, baizakPost.Id, "Тестов Сельский");
        var planned = await PlanAsync(Demo.Admin, new PatrolForm { PrecinctId = precinct, Date = Day(MonthAhead(5)), OfficerIds = [tarazOfficer] });
        Assert.True(planned.Save.Succeeded);
        var id = planned.Save.Id;

        await using var scope = await app.SignedInAsync(Demo.Admin);
        var patrols = scope.ServiceProvider.GetRequiredService<PatrolService>();
        var form = (await patrols.GetFormAsync(id))!;
        form.PrecinctId = baizakPost.Id;
        form.BeatIds = [];
        form.OfficerIds = [baizakOfficer];
        var moved = await patrols.PlanAsync(form);

        Assert.Equal("Patrol.OtherDepartment", moved.Save.Errors["PrecinctId"]);
        var stored = await db.Patrols.Where(p => p.Id == id).Select(p => new { p.PrecinctId, p.DepartmentId, PostDepartment = p.Precinct!.DepartmentId }).SingleAsync();
        Assert.Equal(precinct, stored.PrecinctId);
        Assert.Equal(stored.PostDepartment, stored.DepartmentId);

        // The officer of the post may not take it to another post of the department either: only their own is theirs.
        var post30 = await db.Precincts.Where(p => p.Number == "30" && p.Department!.Name == Demo.TarazDepartment).Select(p => p.Id).SingleAsync();
        await using var officer = await app.SignedInAsync(Demo.Officer17);
        var officerPatrols = officer.ServiceProvider.GetRequiredService<PatrolService>();
        var officerForm = (await officerPatrols.GetFormAsync(id))!;
        officerForm.PrecinctId = post30;
        Assert.True((await officerPatrols.PlanAsync(officerForm)).Save.NotFound);
        Assert.Equal(precinct, await db.Patrols.Where(p => p.Id == id).Select(p => p.PrecinctId).SingleAsync());
    }

    [Fact]
    public async Task Each_role_sees_only_its_patrols()
    {
        await using var db = app.NewDbContext();
        var youthPatrol = await db.Patrols.Where(p => p.Association!.Name.StartsWith("Молодёжный")).Select(p => p.Id).FirstAsync();
        var post17Patrol = await db.Patrols.Where(p => p.Precinct!.Number == "17" && p.AssociationId != null && p.Association!.Name == "Народная дружина «Тараз»")
            .Select(p => p.Id).FirstAsync();
        var department = await db.Patrols.CountAsync(p => p.DepartmentId == db.Departments.Single(d => d.Name == Demo.TarazDepartment).Id);

        async Task<(PatrolDetails? Youth, PatrolDetails? Post17, int Total)> SeenByAsync(string email)
        {
            await using var scope = await app.SignedInAsync(email);
            var patrols = scope.ServiceProvider.GetRequiredService<PatrolService>();
            return (await patrols.GetAsync(youthPatrol), await patrols.GetAsync(post17Patrol), (await patrols.ListAsync(new PatrolQuery(), 0, 1)).Total);
        }

        var coordinator = await SeenByAsync(Demo.Coordinator);
        var officer30 = await SeenByAsync(Demo.Officer30);
        var chief = await SeenByAsync(Demo.Chief);

        Assert.Null(coordinator.Youth);
        Assert.NotNull(coordinator.Post17);
        Assert.Null(officer30.Post17);
        Assert.Null(officer30.Youth);
        Assert.NotNull(chief.Youth);
        Assert.Equal(department, chief.Total);
        Assert.True(coordinator.Total < chief.Total);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.EntityType == nameof(Patrol)
            && a.EntityKey == youthPatrol.ToString() && a.UserName == Demo.Coordinator));
    }

    [Fact]
    public async Task The_report_credits_present_participants_with_the_actual_hours_and_feeds_the_association()
    {
        var (association, precinct, officer) = await Post17Async(app);
        var first = await NewEligibleVolunteerAsync(app, association, "Явившийся Дружинник");
        var second = await NewEligibleVolunteerAsync(app, association, "Неявившийся Дружинник");
        await using var db = app.NewDbContext();
        var zoneNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Almaty);
        var yesterday = DateOnly.FromDateTime(zoneNow.DateTime).AddDays(-1);
        var shift = Shift.Local(yesterday, new TimeOnly(7, 0), new TimeOnly(10, 0), Almaty);
        var patrol = new Patrol
        {
            DepartmentId = await db.Precincts.Where(p => p.Id == precinct).Select(p => p.DepartmentId).SingleAsync(),
            PrecinctId = precinct,
            AssociationId = association,
            Date = yesterday,
            StartsAt = shift.Start.ToUniversalTime(),
            EndsAt = shift.End.ToUniversalTime(),
            Status = PatrolStatus.Confirmed,
            Participants =
            [
                new PatrolParticipant { OfficerId = officer, Response = ParticipantResponse.Confirmed },
                new PatrolParticipant { VolunteerId = first, Response = ParticipantResponse.Confirmed },
                new PatrolParticipant { VolunteerId = second, Response = ParticipantResponse.Confirmed },
            ],
        };
        db.Patrols.Add(patrol);
        await db.SaveChangesAsync();
        await using var officerScope = await app.SignedInAsync(Demo.Officer17);
        var patrols = officerScope.ServiceProvider.GetRequiredService<PatrolService>();
        var associations = officerScope.ServiceProvider.GetRequiredService<AssociationService>();
        var before = (await associations.GetAsync(association))!;
        var details = (await patrols.GetAsync(patrol.Id))!;
        var absent = details.Participants.Single(x => x.VolunteerId == second).Id;

        var result = await patrols.ReportAsync(new PatrolReportForm
        {
            PatrolId = patrol.Id,
            ActualStart = new TimeSpan(7, 10, 0),
            ActualEnd = new TimeSpan(9, 55, 0),
            Version = details.Version,
            Present = details.Participants.ToDictionary(x => x.Id, x => x.Id != absent),
            Incidents = 2,
            PersonsHandedOver = 1,
            Offences = { [OffenceCategory.PublicDrinking] = (2, 1) },
            Notes = "Двое предупреждены",
        });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        var reported = (await patrols.GetAsync(patrol.Id))!;
        Assert.Equal(PatrolStatus.Completed, reported.Status);
        Assert.Equal(2.8m, reported.Participants.Single(x => x.VolunteerId == first).Hours); // 07:10–09:55 is 2 h 45 min
        Assert.Equal((ParticipantResponse.NoShow, 0m), reported.Participants.Single(x => x.VolunteerId == second) is var a ? (a.Response, a.Hours) : default);
        Assert.Equal(new OffenceLine(OffenceCategory.PublicDrinking, 2, 1), Assert.Single(reported.Offences));

        var after = (await associations.GetAsync(association))!;
        Assert.Equal(before.PatrolHours.Year + (yesterday.Year == Today.Year ? 2.8m : 0), after.PatrolHours.Year);
        if (yesterday.Month == Today.Month)
        {
            Assert.Equal(before.ThisMonth.DonePatrols + 1, after.ThisMonth.DonePatrols);
            Assert.Equal(2.8m, after.Members.Single(m => m.Id == first).PatrolHoursThisMonth);
        }
    }

    [Fact]
    public async Task A_report_before_the_start_or_on_a_cancelled_patrol_is_refused()
    {
        var (_, precinct, _) = await Post17Async(app);
        var officer = await NewOfficerAsync(app, precinct, "Тестов Отчёт");
        var planned = await PlanAsync(Demo.Officer17, new PatrolForm { PrecinctId = precinct, Date = Day(MonthAhead(2).AddDays(14)), OfficerIds = [officer] });
        await using var scope = await app.SignedInAsync(Demo.Officer17);
        var patrols = scope.ServiceProvider.GetRequiredService<PatrolService>();
        var details = (await patrols.GetAsync(planned.Save.Id))!;

        var early = await patrols.ReportAsync(new PatrolReportForm { PatrolId = details.Id, ActualStart = new TimeSpan(19, 0, 0), ActualEnd = new TimeSpan(23, 0, 0), Version = details.Version });
        var noReason = await patrols.MoveAsync(details.Id, PatrolStatus.Cancelled, " ", details.Version);
        var cancelled = await patrols.MoveAsync(details.Id, PatrolStatus.Cancelled, "Гололёд", details.Version);
        var reopened = await patrols.MoveAsync(details.Id, PatrolStatus.Planned, null, (await patrols.GetAsync(details.Id))!.Version);

        Assert.Equal("Patrol.NotStarted", early.Errors["ActualStart"]);
        Assert.Equal("Validation.ReasonRequired", noReason.Errors["CancelReason"]);
        Assert.True(cancelled.Succeeded);
        Assert.Equal("Patrol.IllegalStep", reopened.Errors["Status"]);
        Assert.Equal(("Гололёд", PatrolStatus.Cancelled), (await patrols.GetAsync(details.Id)) is { } p ? (p.CancelReason, p.Status) : default);
    }

    [Fact]
    public async Task Hot_spots_for_the_briefing_count_the_posts_recent_appeals_and_are_not_given_to_coordinators()
    {
        var (_, precinct, _) = await Post17Async(app);
        await using var db = app.NewDbContext();
        var since = DateTimeOffset.UtcNow.AddDays(-30);
        var expected = await db.Appeals.Where(a => a.PrecinctId == precinct && a.RegisteredAt >= since && !a.Category!.IsComplaintAboutOfficer)
            .GroupBy(a => a.CategoryId).Select(g => g.Count()).OrderByDescending(c => c).Take(3).ToListAsync();
        await using var officer = await app.SignedInAsync(Demo.Officer17);
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);

        var spots = await officer.ServiceProvider.GetRequiredService<PatrolService>().HotSpotsAsync(precinct, []);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, spots!.Categories.Select(c => c.Count));
        Assert.Null(await coordinator.ServiceProvider.GetRequiredService<PatrolService>().HotSpotsAsync(precinct, []));
    }
}
