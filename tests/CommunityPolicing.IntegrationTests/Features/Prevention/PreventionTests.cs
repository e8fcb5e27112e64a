using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Analysis;
using CommunityPolicing.Web.Features.BeatWork;
using CommunityPolicing.Web.Features.Prevention;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Prevention;

[Collection(AppCollection.Name)]
public sealed class PreventionTests(TestApp app)
{
    private async Task<int> PostAsync(string number)
    {
        await using var db = app.NewDbContext();
        return await db.Precincts.Where(p => p.Number == number && p.Department!.Name == Demo.TarazDepartment).Select(p => p.Id).SingleAsync();
    }

    private async Task<IReadOnlyList<int>> RecordIdsSeenByAsync(string email)
    {
        await using var scope = await app.SignedInAsync(email);
        return [.. (await scope.ServiceProvider.GetRequiredService<RecordService>().ListAsync(includeRemoved: true, pageSize: 500)).Items.Select(r => r.Id)];
    }

    [Fact]
    public async Task Persons_on_record_are_seen_only_by_their_posts_officers_juvenile_inspectors_for_juveniles_and_the_chief()
    {
        var post17 = await PostAsync("17");
        await using var db = app.NewDbContext();
        var juvenile17 = await db.PreventiveRecords.Where(r => r.PrecinctId == post17 && r.Category == RecordCategory.JuvenileAtRisk).Select(r => r.Id).FirstAsync();
        var department = await db.PreventiveRecords.Where(r => r.Precinct!.Department!.Name == Demo.TarazDepartment)
            .Select(r => new { r.Id, r.PrecinctId, r.Category }).ToListAsync();

        // A juvenile-affairs inspector's account: an officer of post 3 in the juvenile-affairs position.
        const string inspectorEmail = "idn.test@demo.local";
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var post3 = await PostAsync("3");
            var user = new ApplicationUser { UserName = inspectorEmail, Email = inspectorEmail, FullName = "Инспектор ПДН", PrecinctId = post3 };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.DistrictOfficer)).Succeeded);
            db.Officers.Add(new Officer { PrecinctId = post3, FullName = "Инспектор ПДН", Rank = "капитан полиции", BadgeNumber = "IDN-TEST", Position = OfficerPosition.JuvenileAffairsInspector, UserId = user.Id });
            await db.SaveChangesAsync();
        }

        var officer17 = await RecordIdsSeenByAsync(Demo.Officer17);
        var officer30 = await RecordIdsSeenByAsync(Demo.Officer30);
        var inspector = await RecordIdsSeenByAsync(inspectorEmail);
        var chief = await RecordIdsSeenByAsync(Demo.Chief);
        var admin = await RecordIdsSeenByAsync(Demo.Admin);
        var coordinator = await RecordIdsSeenByAsync(Demo.Coordinator);

        Assert.Equal(department.Where(r => r.PrecinctId == post17).Select(r => r.Id).Order(), officer17.Order());
        Assert.DoesNotContain(juvenile17, officer30);
        Assert.Equal(department.Where(r => r.Category == RecordCategory.JuvenileAtRisk).Select(r => r.Id).Order(), inspector.Order());
        Assert.Equal(department.Select(r => r.Id).Order(), chief.Order());
        Assert.Empty(admin);
        Assert.Empty(coordinator);

        await using var officer30Scope = await app.SignedInAsync(Demo.Officer30);
        Assert.Null(await officer30Scope.ServiceProvider.GetRequiredService<RecordService>().GetAsync(juvenile17));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.EntityType == nameof(PreventiveRecord)
            && a.EntityKey == juvenile17.ToString() && a.UserName == Demo.Officer30));
    }

    [Fact]
    public async Task Every_read_of_a_record_is_audited()
    {
        var post17 = await PostAsync("17");
        await using var db = app.NewDbContext();
        var record = await db.PreventiveRecords.Where(r => r.PrecinctId == post17).Select(r => r.Id).FirstAsync();
        var before = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Read && a.EntityType == nameof(PreventiveRecord) && a.UserName == Demo.Officer17);
        await using var scope = await app.SignedInAsync(Demo.Officer17);
        var records = scope.ServiceProvider.GetRequiredService<RecordService>();

        var details = await records.GetAsync(record);
        await records.ListAsync();

        Assert.NotNull(details);
        Assert.Equal(before + 2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Read && a.EntityType == nameof(PreventiveRecord) && a.UserName == Demo.Officer17));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Read && a.EntityKey == record.ToString() && a.UserName == Demo.Officer17));
    }

    [Fact]
    public async Task The_record_lists_total_is_the_same_on_a_full_page_the_last_page_and_past_the_end()
    {
        await using var db = app.NewDbContext();
        var count = await db.PreventiveRecords.CountAsync(r => r.Precinct!.Department!.Name == Demo.TarazDepartment && r.RemovedOn == null);
        var size = new[] { 2, 3, 4, 5, 7 }.First(n => count % n != 0 && count > n); // so the last page is a short one
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var records = chief.ServiceProvider.GetRequiredService<RecordService>();

        var first = await records.ListAsync(pageSize: size);
        var last = await records.ListAsync(page: count / size, pageSize: size);
        var beyond = await records.ListAsync(page: count / size + 1, pageSize: size);
        var whole = await records.ListAsync(pageSize: count + 1);

        Assert.Equal(size, first.Items.Count);
        Assert.Equal(count % size, last.Items.Count);
        Assert.Empty(beyond.Items);
        Assert.Equal(count, whole.Items.Count);
        Assert.All(new[] { first, last, beyond, whole }, page => Assert.Equal(count, page.Total));
    }

    [Fact]
    public async Task A_logged_check_moves_the_next_check_and_takes_the_person_off_the_due_list()
    {
        await using var scope = await app.SignedInAsync(Demo.Officer17);
        var records = scope.ServiceProvider.GetRequiredService<RecordService>();
        var due = (await records.ListAsync(dueOnly: true, pageSize: 100)).Items;
        Assert.NotEmpty(due);
        var record = due[0];

        Assert.True((await records.CheckAsync(record.Id, DateTime.Today, "Дома, трезв, жалоб нет")).Succeeded);

        var after = (await records.GetAsync(record.Id))!;
        Assert.False(after.Due);
        Assert.DoesNotContain(record.Id, (await records.ListAsync(dueOnly: true, pageSize: 100)).Items.Select(r => r.Id));
        Assert.Equal("Validation.NotInFuture", (await records.CheckAsync(record.Id, DateTime.Today.AddDays(3), null)).Errors.Values.Single());
    }

    [Fact]
    public async Task The_quarter_plan_counts_match_the_rule_and_marking_done_moves_them()
    {
        var post17 = await PostAsync("17");
        await using var scope = await app.SignedInAsync(Demo.Officer17);
        var prevention = scope.ServiceProvider.GetRequiredService<PreventionService>();
        var today = await scope.ServiceProvider.GetRequiredService<CurrentUser>().TodayAsync();
        var plan = await prevention.QuarterAsync(today, post17);

        Assert.Equal(PreventionPlan.Progress(plan.Activities.Select(a => (a.PlannedOn, a.DoneOn)), today), plan.Progress);
        var lecture = plan.Activities.First(a => a.DoneOn is null && a.Overdue);
        Assert.True((await prevention.MarkDoneAsync(new DoneForm { Id = lecture.Id, DoneOn = DateTime.Today, Attendance = 45, Outcome = "Проведено", Version = lecture.Version })).Succeeded);

        var after = await prevention.QuarterAsync(today, post17);
        Assert.Equal(plan.Progress.Done + 1, after.Progress.Done);
        Assert.Equal(plan.Progress.Overdue - 1, after.Progress.Overdue);

        await using var other = await app.SignedInAsync(Demo.Officer30);
        Assert.True((await other.ServiceProvider.GetRequiredService<PreventionService>().MarkDoneAsync(new DoneForm { Id = lecture.Id, Version = lecture.Version, DoneOn = DateTime.Today })).NotFound);
    }

    [Fact]
    public async Task Officers_read_their_own_log_and_chiefs_the_departments()
    {
        await using var officer = await app.SignedInAsync(Demo.Officer17);
        var beatWork = officer.ServiceProvider.GetRequiredService<BeatWorkService>();
        var beat = (await beatWork.MyBeatsAsync())[0].Id;

        var added = await beatWork.AddLogAsync(new LogForm { Kind = LogEntryKind.DoorToDoor, BeatId = beat, Place = "ул. Абая, 5", Households = 12, Note = "Тест" });
        var missingPlace = await beatWork.AddLogAsync(new LogForm { Kind = LogEntryKind.DoorToDoor, BeatId = beat });

        Assert.True(added.Succeeded);
        Assert.Equal("Validation.Required", missingPlace.Errors["Place"]);
        var own = await beatWork.LogAsync(pageSize: 500);
        Assert.Single(own.Items.Select(e => e.Officer).Distinct());
        Assert.Contains(own.Items, e => e.Place == "ул. Абая, 5" && e.Households == 12);

        await using var other = await app.SignedInAsync(Demo.Officer30);
        Assert.DoesNotContain((await other.ServiceProvider.GetRequiredService<BeatWorkService>().LogAsync(pageSize: 500)).Items, e => e.Place == "ул. Абая, 5");
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var department = await chief.ServiceProvider.GetRequiredService<BeatWorkService>().LogAsync(pageSize: 500);
        Assert.True(department.Items.Select(e => e.Officer).Distinct().Count() >= 2);
        Assert.True((await other.ServiceProvider.GetRequiredService<BeatWorkService>().AddLogAsync(new LogForm { Kind = LogEntryKind.Other, BeatId = beat })).Errors.ContainsKey("BeatId"));

        var passport = (await beatWork.PassportAsync(beat))!;
        Assert.NotNull(passport.Tour);
        Assert.Contains(passport.RecentVisits, v => v.Place == "ул. Абая, 5");
    }

    [Fact]
    public async Task The_public_order_summary_matches_counts_taken_straight_from_the_tables()
    {
        var post17 = await PostAsync("17");
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var today = await scope.ServiceProvider.GetRequiredService<CurrentUser>().TodayAsync();
        var (from, to) = (today.AddDays(-60), today);
        var summary = (await scope.ServiceProvider.GetRequiredService<AnalysisService>().SummaryAsync(post17, from, to))!;

        await using var db = app.NewDbContext();
        var fromInstant = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(5)).ToUniversalTime();
        var toInstant = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(5)).ToUniversalTime();
        var appeals = await db.Appeals.Where(a => a.PrecinctId == post17 && a.RegisteredAt >= fromInstant && a.RegisteredAt < toInstant).ToListAsync();
        var patrols = await db.Patrols.Where(p => p.PrecinctId == post17 && p.Status == PatrolStatus.Completed && p.Date >= from && p.Date <= to)
            .Include(p => p.Participants).Include(p => p.Offences).ToListAsync();
        var prevention = await db.PreventionActivities.Where(a => a.PrecinctId == post17).ToListAsync();
        var records = await db.PreventiveRecords.Where(r => r.PrecinctId == post17 && r.StartedOn <= to && (r.RemovedOn == null || r.RemovedOn > to)).ToListAsync();

        Assert.Equal(appeals.Count, summary.Appeals);
        Assert.Equal(appeals.GroupBy(a => a.CategoryId).ToDictionary(g => g.Key, g => g.Count()), summary.AppealsByCategory.ToDictionary(c => c.Category.Id, c => c.Count));
        Assert.Equal(patrols.Count, summary.Patrols);
        Assert.Equal(patrols.SelectMany(p => p.Participants).Where(x => x.VolunteerId != null && x.Present == true).Sum(x => x.Hours), summary.VolunteerHours);
        Assert.Equal(patrols.Sum(p => p.Incidents ?? 0), summary.Incidents);
        Assert.Equal(patrols.SelectMany(p => p.Offences).Sum(o => o.Detected), summary.Offences.Sum(o => o.Detected));
        Assert.Equal(prevention.Count(a => a.PlannedOn >= from && a.PlannedOn <= to), summary.PreventionPlanned);
        Assert.Equal(prevention.Count(a => a.DoneOn >= from && a.DoneOn <= to), summary.PreventionDone);
        Assert.Equal(records.Count, summary.OnRecord!.Sum(r => r.Count));
        Assert.True(summary.Appeals > 0 && summary.Patrols > 0);

        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);
        var forAssociations = (await coordinator.ServiceProvider.GetRequiredService<AnalysisService>().SummaryAsync(post17, from, to))!;
        Assert.Null(forAssociations.OnRecord);
        Assert.Equal(summary.Appeals, forAssociations.Appeals);
    }

    [Fact]
    public async Task Briefings_reach_the_coordinators_of_the_post_and_agreed_actions_are_tracked_to_done()
    {
        var post17 = await PostAsync("17");
        await using var officer = await app.SignedInAsync(Demo.Officer17);
        var analysis = officer.ServiceProvider.GetRequiredService<AnalysisService>();
        var saved = await analysis.SaveMeetingAsync(new MeetingForm
        {
            PrecinctId = post17,
            HeldOn = DateTime.Today,
            PeriodFrom = DateTime.Today.AddDays(-30),
            PeriodTo = DateTime.Today,
            Minutes = "Протокол теста",
            Actions = [new ActionForm { Text = "Осветить двор", Owner = "КСК", DueOn = DateTime.Today.AddDays(7) }, new ActionForm()],
        });
        var incomplete = await analysis.SaveMeetingAsync(new MeetingForm
        {
            PrecinctId = post17,
            HeldOn = DateTime.Today,
            PeriodFrom = DateTime.Today,
            PeriodTo = DateTime.Today,
            Minutes = "x",
            Actions = [new ActionForm { Text = "Без срока" }],
        });
        Assert.True(saved.Succeeded);
        Assert.Equal("Analysis.ActionIncomplete", incomplete.Errors["Actions"]);
        var action = (await analysis.MeetingsAsync(post17)).Single(m => m.Minutes == "Протокол теста").Actions.Single();
        Assert.True((await analysis.SetActionDoneAsync(action.Id, true)).Succeeded);
        Assert.NotNull((await analysis.MeetingsAsync(post17)).Single(m => m.Minutes == "Протокол теста").Actions.Single().DoneOn);

        Assert.True((await analysis.SaveBriefingAsync(new BriefingForm { ValidUntil = DateTime.Today.AddDays(30), PrecinctId = post17, Title = "Тестовая ориентировка", Text = "Смотреть за парковкой" })).Succeeded);
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);
        await using var officer30 = await app.SignedInAsync(Demo.Officer30);
        Assert.Contains((await coordinator.ServiceProvider.GetRequiredService<AnalysisService>().BriefingsAsync()), b => b.Title == "Тестовая ориентировка");
        Assert.DoesNotContain((await officer30.ServiceProvider.GetRequiredService<AnalysisService>().BriefingsAsync()), b => b.Title == "Тестовая ориентировка");
        Assert.True((await coordinator.ServiceProvider.GetRequiredService<AnalysisService>().SaveBriefingAsync(new BriefingForm { ValidUntil = DateTime.Today.AddDays(30), PrecinctId = post17, Title = "x", Text = "y" })).NotFound);
    }

    [Fact]
    public async Task Only_the_chief_exports_the_records()
    {
        var officer = await app.SignedInClientAsync(Demo.Officer17);
        var chief = await app.SignedInClientAsync(Demo.Chief);

        var refused = await officer.GetAsync("/records/export.csv");
        var exported = await chief.GetAsync("/records/export.csv");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode); // to access denied
        Assert.Equal(System.Net.HttpStatusCode.OK, exported.StatusCode);
        await using var db = app.NewDbContext();
        var lines = (await exported.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(await db.PreventiveRecords.CountAsync(r => r.Precinct!.Department!.Name == Demo.TarazDepartment) + 1, lines.Length);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Export && a.EntityType == nameof(PreventiveRecord) && a.UserName == Demo.Chief));
    }
}
