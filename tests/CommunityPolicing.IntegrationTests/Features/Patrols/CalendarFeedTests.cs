using System.Net;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Admin;
using CommunityPolicing.Web.Features.Associations;
using CommunityPolicing.Web.Features.Patrols;
using CommunityPolicing.Web.Security;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Patrols;

[Collection(AppCollection.Name)]
public sealed class CalendarFeedTests(TestApp app)
{
    [Fact]
    public async Task An_associations_feed_is_valid_icalendar_with_its_patrols_and_stops_when_revoked()
    {
        await using var db = app.NewDbContext();
        var association = await db.Associations.Where(a => a.Name == "Народная дружина «Тараз»").Select(a => a.Id).SingleAsync();
        await using var scope = await app.SignedInAsync(Demo.Coordinator);
        var feeds = scope.ServiceProvider.GetRequiredService<CalendarFeedService>();
        var token = await feeds.CreateAsync(association, null);
        Assert.NotNull(token);
        var client = app.Factory.CreateClient(); // a phone's calendar: no sign-in

        var response = await client.GetAsync($"/calendar/{token}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;
        var now = DateTimeOffset.UtcNow;
        var expected = await db.Patrols.Where(p => p.AssociationId == association && p.StartsAt >= now.AddDays(-60) && p.StartsAt <= now.AddDays(180))
            .OrderBy(p => p.StartsAt).Select(p => new { p.Id, p.StartsAt, p.EndsAt, p.Status }).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(p => $"patrol-{p.Id}@communitypolicing"), calendar.Events.Select(e => e.Uid));
        var first = calendar.Events.First();
        Assert.Equal(expected[0].StartsAt.UtcDateTime, first.DtStart!.AsUtc);
        Assert.Equal(expected[0].EndsAt.UtcDateTime, first.DtEnd!.AsUtc);
        var cancelled = expected.FirstOrDefault(p => p.Status == PatrolStatus.Cancelled);
        if (cancelled is not null)
        {
            Assert.Equal("CANCELLED", calendar.Events.Single(e => e.Uid == $"patrol-{cancelled.Id}@communitypolicing").Status);
        }

        // Volunteers' names never leave through a link anyone may hold.
        var members = await db.Volunteers.Where(v => v.AssociationId == association).Select(v => v.FullName).ToListAsync();
        Assert.DoesNotContain(members, text.Contains);

        var feed = Assert.Single((await feeds.ListAsync(association, null))!);
        Assert.True(await feeds.RevokeAsync(feed.Id));
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/calendar/{token}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/{new string('A', 43)}.ics")).StatusCode);
    }

    [Fact]
    public async Task Only_those_who_keep_the_schedule_make_links()
    {
        await using var db = app.NewDbContext();
        var youth = await db.Associations.Where(a => a.Name.StartsWith("Молодёжный")).Select(a => a.Id).SingleAsync();
        var officer30 = await db.Officers.Where(o => db.Users.Any(u => u.Id == o.UserId && u.Email == Demo.Officer30)).Select(o => o.Id).SingleAsync();
        var officer17 = await db.Officers.Where(o => db.Users.Any(u => u.Id == o.UserId && u.Email == Demo.Officer17)).Select(o => o.Id).SingleAsync();

        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);
        await using var officer = await app.SignedInAsync(Demo.Officer17);
        var coordinatorFeeds = coordinator.ServiceProvider.GetRequiredService<CalendarFeedService>();
        var officerFeeds = officer.ServiceProvider.GetRequiredService<CalendarFeedService>();

        Assert.Null(await coordinatorFeeds.CreateAsync(youth, null));
        Assert.Null(await officerFeeds.CreateAsync(null, officer30));
        Assert.Null(await officerFeeds.ListAsync(null, officer30));
        var own = await officerFeeds.CreateAsync(null, officer17);
        Assert.NotNull(own);

        var text = await app.Factory.CreateClient().GetStringAsync($"/calendar/{own}.ics");
        var uids = Calendar.Load(text)!.Events.Select(e => e.Uid).ToList();
        var now = DateTimeOffset.UtcNow;
        var mine = await db.Patrols.Where(p => p.Participants.Any(x => x.OfficerId == officer17) && p.StartsAt >= now.AddDays(-60) && p.StartsAt <= now.AddDays(180))
            .Select(p => $"patrol-{p.Id}@communitypolicing").ToListAsync();
        Assert.Equal(mine.Order(), uids.Order());
        Assert.Contains(AuditActions.Insert, await db.AuditEntries.Where(a => a.EntityType == nameof(CalendarFeed)).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_coordinators_link_dies_when_they_leave_the_association_lose_the_role_or_are_locked()
    {
        await using var db = app.NewDbContext();
        var association = await db.Associations.Where(a => a.Name == "Народная дружина «Тараз»").Select(a => a.Id).SingleAsync();
        var client = app.Factory.CreateClient();

        var (leaver, leaverLink) = await CoordinatorWithLinkAsync("feed.leaver@demo.local", association);
        await using (var chief = await app.SignedInAsync(Demo.Chief))
        {
            var associations = chief.ServiceProvider.GetRequiredService<AssociationService>();
            var form = (await associations.GetFormAsync(association))!;
            form.CoordinatorIds = [.. form.CoordinatorIds.Where(c => c != leaver)];
            Assert.True((await associations.SaveAsync(form)).Succeeded);
        }

        var (promoted, promotedLink) = await CoordinatorWithLinkAsync("feed.promoted@demo.local", association);
        var baizak = await db.Departments.Where(d => d.Name != Demo.TarazDepartment).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        await using (var admin = await app.SignedInAsync(Demo.Admin))
        {
            var users = admin.ServiceProvider.GetRequiredService<UserAdminService>();
            var form = (await users.GetFormAsync(promoted))!;
            (form.Role, form.DepartmentId) = (Roles.StationChief, baizak);
            Assert.True((await users.SaveAsync(form)).Succeeded);
        }

        var (locked, lockedLink) = await CoordinatorWithLinkAsync("feed.locked@demo.local", association);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/calendar/{lockedLink}.ics")).StatusCode);
        await using (var admin = await app.SignedInAsync(Demo.Admin))
        {
            Assert.True((await admin.ServiceProvider.GetRequiredService<UserAdminService>().LockAsync(locked)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/calendar/{leaverLink}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/calendar/{promotedLink}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/calendar/{lockedLink}.ics")).StatusCode);
        await db.AssociationCoordinators.Where(c => c.UserId == promoted || c.UserId == locked).ExecuteDeleteAsync(); // leave the association as it was
    }

    [Fact]
    public async Task A_chiefs_link_to_an_officers_schedule_dies_when_the_chief_is_transferred()
    {
        const string email = "feed.chief@demo.local";
        await using var db = app.NewDbContext();
        var taraz = await db.Departments.Where(d => d.Name == Demo.TarazDepartment).Select(d => d.Id).SingleAsync();
        var other = await db.Departments.Where(d => d.Id != taraz).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var officer30 = await db.Officers.Where(o => db.Users.Any(u => u.Id == o.UserId && u.Email == Demo.Officer30)).Select(o => o.Id).SingleAsync();
        string id;
        await using (var admin = await app.SignedInAsync(Demo.Admin))
        {
            var users = admin.ServiceProvider.GetRequiredService<UserAdminService>();
            Assert.True((await users.SaveAsync(new UserForm { Email = email, FullName = "Тестов Начальник", Role = Roles.StationChief, DepartmentId = taraz, Password = DemoSeeder.Password })).Succeeded);
            id = (await users.ListAsync(new UserListQuery(Search: email))).Items.Single().Id;
        }

        string link;
        await using (var chief = await app.SignedInAsync(email))
        {
            link = (await chief.ServiceProvider.GetRequiredService<CalendarFeedService>().CreateAsync(null, officer30))!;
        }

        var client = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/calendar/{link}.ics")).StatusCode);
        await using (var admin = await app.SignedInAsync(Demo.Admin))
        {
            var users = admin.ServiceProvider.GetRequiredService<UserAdminService>();
            var form = (await users.GetFormAsync(id))!;
            form.DepartmentId = other;
            Assert.True((await users.SaveAsync(form)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/calendar/{link}.ics")).StatusCode);
    }

    /// <summary>A new coordinator of the association and a calendar link they made.</summary>
    private async Task<(string UserId, string Link)> CoordinatorWithLinkAsync(string email, int association)
    {
        string id;
        await using (var admin = await app.SignedInAsync(Demo.Admin))
        {
            var users = admin.ServiceProvider.GetRequiredService<UserAdminService>();
            Assert.True((await users.SaveAsync(new UserForm { Email = email, FullName = "Тестов Координатор", Role = Roles.VolunteerCoordinator, Password = DemoSeeder.Password })).Succeeded);
            id = (await users.ListAsync(new UserListQuery(Search: email))).Items.Single().Id;
        }

        await using (var db = app.NewDbContext())
        {
            db.AssociationCoordinators.Add(new AssociationCoordinator { AssociationId = association, UserId = id });
            await db.SaveChangesAsync();
        }

        await using var coordinator = await app.SignedInAsync(email);
        var link = await coordinator.ServiceProvider.GetRequiredService<CalendarFeedService>().CreateAsync(association, null);
        Assert.NotNull(link);
        return (id, link);
    }
}
