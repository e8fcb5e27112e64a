using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Associations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Associations;

[Collection(AppCollection.Name)]
public sealed class AssociationServiceTests(TestApp app)
{
    [Fact]
    public async Task Coordinators_see_their_associations_officers_those_serving_their_post_chiefs_their_department()
    {
        await using var db = app.NewDbContext();
        var all = await db.Associations.CountAsync(a => a.Department!.Name == Demo.TarazDepartment);
        async Task<IReadOnlyList<string>> NamesAsync(string email)
        {
            await using var scope = await app.SignedInAsync(email);
            return [.. (await scope.ServiceProvider.GetRequiredService<AssociationService>().ListAsync(0, 100)).Items.Select(a => a.Name)];
        }

        var coordinator = await NamesAsync(Demo.Coordinator);
        var officer30 = await NamesAsync(Demo.Officer30);
        var chief = await NamesAsync(Demo.Chief);

        Assert.Equal(2, coordinator.Count);
        Assert.Equal(["Народная дружина «Тараз»"], officer30);
        Assert.Equal(all, chief.Count);
        var youth = await db.Associations.Where(a => a.Name.StartsWith("Молодёжный")).Select(a => a.Id).SingleAsync();
        await using var coordinatorScope = await app.SignedInAsync(Demo.Coordinator);
        Assert.Null(await coordinatorScope.ServiceProvider.GetRequiredService<AssociationService>().GetAsync(youth));
    }

    [Fact]
    public async Task Officers_see_name_phone_and_eligibility_but_never_documents_addresses_or_birth_dates()
    {
        await using var db = app.NewDbContext();
        var member = await db.Volunteers.Where(v => v.Association!.Name == "Народная дружина «Тараз»" && v.DocumentNumber != null)
            .OrderBy(v => v.Id).FirstAsync();
        await using var officer = await app.SignedInAsync(Demo.Officer17);
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);

        var masked = (await officer.ServiceProvider.GetRequiredService<AssociationService>().GetVolunteerAsync(member.Id))!;
        var full = (await coordinator.ServiceProvider.GetRequiredService<AssociationService>().GetVolunteerAsync(member.Id))!;

        Assert.Equal((member.FullName, member.Phone), (masked.FullName, masked.Phone));
        Assert.Equal((null, null, (DateOnly?)null, false), (masked.DocumentNumber, masked.Address, masked.BirthDate, masked.FullRecord));
        Assert.Equal((member.DocumentNumber, member.BirthDate), (full.DocumentNumber, full.BirthDate!.Value));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Read && a.EntityType == nameof(Volunteer)
            && a.EntityKey == member.Id.ToString() && a.UserName == Demo.Coordinator));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Read && a.EntityKey == member.Id.ToString() && a.UserName == Demo.Officer17));
    }

    [Fact]
    public async Task A_new_member_becomes_eligible_once_every_required_training_is_passed()
    {
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);
        var associations = coordinator.ServiceProvider.GetRequiredService<AssociationService>();
        var associationId = (await associations.ListAsync()).Items.First().Id;
        var saved = await associations.SaveVolunteerAsync(new VolunteerForm
        {
            AssociationId = associationId,
            FullName = "Новиков Павел",
            BirthDate = new DateTime(1995, 3, 3),
            Phone = "+7 701 999 00 11",
            DocumentNumber = "099887766",
            Status = VolunteerStatus.Active,
            JoinedOn = DateTime.Today,
            ConsentOn = DateTime.Today,
            BackgroundCheckOn = DateTime.Today,
            BackgroundCheckPassed = true,
        });
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Values));

        foreach (var topic in new[] { TrainingTopic.LegalBasics, TrainingTopic.LawfulForce })
        {
            Assert.True((await associations.RecordTrainingAsync(new TrainingForm { HeldOn = DateTime.Today, AssociationId = associationId, Topic = topic, Attendees = { [saved.Id] = true } })).Succeeded);
        }

        var beforeFirstAid = (await associations.GetVolunteerAsync(saved.Id))!.Eligibility;
        Assert.Equal(("Eligibility.TrainingMissing", TrainingTopic.FirstAid), (beforeFirstAid.Reasons.Single().Key, beforeFirstAid.Reasons.Single().Topic!.Value));

        Assert.True((await associations.RecordTrainingAsync(new TrainingForm { HeldOn = DateTime.Today, AssociationId = associationId, Topic = TrainingTopic.FirstAid, Attendees = { [saved.Id] = true } })).Succeeded);
        Assert.True((await associations.GetVolunteerAsync(saved.Id))!.Eligibility.Eligible);
    }

    [Fact]
    public async Task Officers_cannot_edit_and_nobody_trains_another_associations_members()
    {
        await using var db = app.NewDbContext();
        var dnd = await db.Associations.Where(a => a.Name == "Народная дружина «Тараз»").Select(a => a.Id).SingleAsync();
        var outsider = await db.Volunteers.Where(v => v.AssociationId != dnd).Select(v => v.Id).FirstAsync();
        await using var officer = await app.SignedInAsync(Demo.Officer17);
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);

        Assert.True((await officer.ServiceProvider.GetRequiredService<AssociationService>().SaveVolunteerAsync(
            new VolunteerForm { AssociationId = dnd, FullName = "x", BirthDate = new DateTime(1990, 1, 1), JoinedOn = DateTime.Today })).NotFound);
        var foreign = await coordinator.ServiceProvider.GetRequiredService<AssociationService>().RecordTrainingAsync(
            new TrainingForm { HeldOn = DateTime.Today, AssociationId = dnd, Attendees = { [outsider] = true } });
        Assert.Equal("Validation.MemberOfAnotherAssociation", foreign.Errors["Attendees"]);
    }

    [Fact]
    public async Task Bad_member_data_is_refused_at_the_field()
    {
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);
        var associations = coordinator.ServiceProvider.GetRequiredService<AssociationService>();
        var associationId = (await associations.ListAsync()).Items.First().Id;

        var result = await associations.SaveVolunteerAsync(new VolunteerForm
        {
            AssociationId = associationId,
            FullName = "",
            BirthDate = DateTime.Today.AddYears(-5),
            Phone = "abc",
            Status = VolunteerStatus.Left,
            JoinedOn = DateTime.Today,
        });

        Assert.Equal(["BirthDate", "FullName", "LeftOn", "Phone", "StatusReason"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Training_sessions_and_their_attendance_stay_within_the_associations_in_scope()
    {
        await using var db = app.NewDbContext();
        var mine = await db.AssociationCoordinators.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == Demo.Coordinator))
            .Select(c => c.AssociationId).ToListAsync();
        var foreignSession = await db.TrainingSessions.Where(t => !mine.Contains(t.AssociationId)).Select(t => t.Id).FirstAsync();
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);
        var associations = coordinator.ServiceProvider.GetRequiredService<AssociationService>();

        var sessions = await associations.TrainingsAsync(0, 500);

        Assert.Equal(await db.TrainingSessions.CountAsync(t => mine.Contains(t.AssociationId)), sessions.Total);
        Assert.Null(await associations.GetTrainingAsync(foreignSession));
        var own = (await associations.GetTrainingAsync(sessions.Items[0].Id))!;
        Assert.Equal(sessions.Items[0].Attendees, own.Attendance.Count);
    }

    [Fact]
    public async Task A_chief_registers_an_association_for_posts_of_the_department_and_its_coordinator_and_officers_see_it()
    {
        await using var db = app.NewDbContext();
        var taraz = await db.Departments.Where(d => d.Name == Demo.TarazDepartment).Select(d => d.Id).SingleAsync();
        var post5 = await db.Precincts.Where(p => p.DepartmentId == taraz && p.Number == "5").Select(p => p.Id).SingleAsync();
        var foreignPost = await db.Precincts.Where(p => p.DepartmentId != taraz).Select(p => p.Id).FirstAsync();
        var coordinatorId = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.Id).SingleAsync();
        var officerId = await db.Users.Where(u => u.Email == Demo.Officer17).Select(u => u.Id).SingleAsync();
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var service = chief.ServiceProvider.GetRequiredService<AssociationService>();
        AssociationForm Form() => new() { DepartmentId = taraz, Name = "ДНД «Карасу»", Kind = AssociationKind.PeoplesGuard, PrecinctIds = [post5], CoordinatorIds = [coordinatorId] };

        var notCoordinator = Form();
        notCoordinator.CoordinatorIds = [officerId];
        var foreign = Form();
        foreign.PrecinctIds = [foreignPost];
        Assert.Equal("Validation.NotCoordinator", (await service.SaveAsync(notCoordinator)).Errors["CoordinatorIds"]);
        Assert.Equal("Validation.Required", (await service.SaveAsync(foreign)).Errors["PrecinctIds"]);
        var saved = await service.SaveAsync(Form());

        Assert.True(saved.Succeeded);
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);
        Assert.NotNull(await coordinator.ServiceProvider.GetRequiredService<AssociationService>().GetAsync(saved.Id));
        await using var officer30 = await app.SignedInAsync(Demo.Officer30);
        Assert.Null(await officer30.ServiceProvider.GetRequiredService<AssociationService>().GetAsync(saved.Id)); // post 30 is not served
        await using var officer17 = await app.SignedInAsync(Demo.Officer17);
        Assert.True((await officer17.ServiceProvider.GetRequiredService<AssociationService>().SaveAsync(Form())).NotFound);
    }

    [Fact]
    public async Task The_coordinator_plans_the_month_and_sees_training_done_and_hours_against_it()
    {
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);
        var associations = coordinator.ServiceProvider.GetRequiredService<AssociationService>();
        var id = (await associations.ListAsync()).Items.Single(a => a.Name.StartsWith("Соседский", StringComparison.Ordinal)).Id;
        var before = (await associations.GetAsync(id))!;
        var member = before.Members.First(m => m.Status == VolunteerStatus.Active).Id;

        var plan = new MonthPlanForm { AssociationId = id, Month = before.ThisMonth.Month, PlannedPatrols = 8, PlannedEvents = 2, PlannedTrainingHours = 12, Notes = "Рейды по пятницам", Version = before.ThisMonth.Version };
        Assert.True((await associations.SaveMonthPlanAsync(plan)).Succeeded);
        Assert.True((await associations.RecordTrainingAsync(new TrainingForm { HeldOn = DateTime.Today, AssociationId = id, Topic = TrainingTopic.PatrolTactics, Hours = 3, Attendees = { [member] = true } })).Succeeded);

        var after = (await associations.GetAsync(id))!;
        Assert.Equal((8, 2, 12m, "Рейды по пятницам"), (after.ThisMonth.PlannedPatrols, after.ThisMonth.PlannedEvents, after.ThisMonth.PlannedTrainingHours, after.ThisMonth.Notes));
        Assert.Equal(before.ThisMonth.DoneEvents + 1, after.ThisMonth.DoneEvents);
        Assert.Equal(before.Hours.Month + 3, after.Hours.Month);
        Assert.Equal(before.Hours.Year + 3, after.Hours.Year);
        Assert.True(after.Hours.Quarter >= after.Hours.Month && after.Hours.Year >= after.Hours.Quarter);
        plan.Version = 0;
        plan.PlannedPatrols = 9;
        Assert.True((await associations.SaveMonthPlanAsync(plan)).Conflict); // someone saved the month in between

        await using var officer = await app.SignedInAsync(Demo.Officer17);
        Assert.True((await officer.ServiceProvider.GetRequiredService<AssociationService>().SaveMonthPlanAsync(plan)).NotFound);
    }
}
