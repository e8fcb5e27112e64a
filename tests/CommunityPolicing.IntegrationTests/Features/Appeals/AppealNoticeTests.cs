using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Appeals;

/// <summary>New appeals reach the officer (home page and bell) and the chief (no officer found, a low rating).</summary>
[Collection(AppCollection.Name)]
public sealed class AppealNoticeTests(TestApp app)
{
    private const int Theft = 3;
    private const int ComplaintAboutOfficer = 9;

    /// <summary>The centre of a beat served by officer.17 (the demo user), from its boundary.</summary>
    private async Task<(double Lat, double Lon)> BeatOfOfficer17Async()
    {
        await using var db = app.NewDbContext();
        var user = await db.Users.Where(u => u.Email == Demo.Officer17).Select(u => u.Id).SingleAsync();
        var boundary = await db.Beats.Where(b => b.Officer!.UserId == user && b.BoundaryGeoJson != null).OrderBy(b => b.Id)
            .Select(b => b.BoundaryGeoJson!).FirstAsync();
        var centre = BeatBoundary.Parse(boundary)!.Centroid;
        return (centre.Y, centre.X);
    }

    private static AppealForm Form((double Lat, double Lon) at, int category = Theft) => new()
    {
        Channel = AppealChannel.OnlinePortal,
        CategoryId = category,
        ApplicantName = "Ахметова Гульнара",
        ApplicantEmail = "gulnara@example.kz",
        Description = "Украли велосипед из подъезда дома, камера на доме может помочь",
        Address = "ул. Сулейманова, 7",
        Latitude = at.Lat,
        Longitude = at.Lon,
    };

    private async Task<(int Unread, IReadOnlyList<NotificationLine> Lines)> BellOfAsync(string email)
    {
        await using var scope = await app.SignedInAsync(email);
        return await scope.ServiceProvider.GetRequiredService<NotificationService>().GetAsync(50);
    }

    [Fact]
    public async Task An_appeal_routed_to_the_officer_is_new_on_their_home_page_and_in_the_bell_until_they_open_it()
    {
        var unreadBefore = (await BellOfAsync(Demo.Officer17)).Unread;
        await using var visitor = await app.SignedInAsync(null);
        var (saved, code) = await visitor.ServiceProvider.GetRequiredService<AppealService>().SubmitPublicAsync(Form(await BeatOfOfficer17Async()));
        Assert.True(saved.Succeeded);

        await using var officer = await app.SignedInAsync(Demo.Officer17);
        var notices = officer.ServiceProvider.GetRequiredService<NotificationService>();
        var fresh = Assert.Single(await notices.NewlyAssignedAsync(50), a => a.Id == saved.Id);
        Assert.StartsWith("Украли велосипед", fresh.Summary);
        Assert.Equal("ул. Сулейманова, 7", fresh.Place);
        Assert.Equal("Кража", fresh.Category.Name("ru"));
        var (unread, lines) = await BellOfAsync(Demo.Officer17);
        Assert.Equal(unreadBefore + 1, unread);
        var line = Assert.Single(lines, l => l.AppealId == saved.Id);
        Assert.Equal((NotificationKind.AppealAssigned, $"/appeals/{saved.Id}", false), (line.Kind, line.Href, line.Read));
        Assert.Equal(fresh.RegistrationNumber, line.AppealNumber);
        Assert.DoesNotContain((await BellOfAsync(Demo.Officer30)).Lines, l => l.AppealId == saved.Id);
        Assert.DoesNotContain((await BellOfAsync(Demo.Chief)).Lines, l => l.AppealId == saved.Id); // routed: nothing for the chief

        await notices.MarkAppealReadAsync(saved.Id);

        Assert.DoesNotContain(await notices.NewlyAssignedAsync(50), a => a.Id == saved.Id);
        Assert.Equal(unreadBefore, (await BellOfAsync(Demo.Officer17)).Unread);
        Assert.NotNull(code);
    }

    [Fact]
    public async Task The_chief_hears_of_an_appeal_with_no_officer_and_of_a_low_rating_and_the_officer_of_the_chiefs_assignment()
    {
        await using var visitor = await app.SignedInAsync(null);
        var appeals = visitor.ServiceProvider.GetRequiredService<AppealService>();
        var (complaint, _) = await appeals.SubmitPublicAsync(Form(await BeatOfOfficer17Async(), ComplaintAboutOfficer));

        var chiefLine = Assert.Single((await BellOfAsync(Demo.Chief)).Lines, l => l.AppealId == complaint.Id);
        Assert.Equal(NotificationKind.AppealUnrouted, chiefLine.Kind);
        Assert.DoesNotContain((await BellOfAsync(Demo.Officer17)).Lines, l => l.AppealId == complaint.Id);

        // The chief assigns it: the officer is told, the chief (who did it) is not told again.
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var chiefAppeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        await using var db = app.NewDbContext();
        var user30 = await db.Users.Where(u => u.Email == Demo.Officer30).Select(u => u.Id).SingleAsync();
        var officer30 = await db.Officers.Where(o => o.UserId == user30).Select(o => o.Id).SingleAsync();
        var version = (await chiefAppeals.GetAsync(complaint.Id))!.Version;
        Assert.True((await chiefAppeals.AssignAsync(complaint.Id, officer30, null, version)).Succeeded);
        Assert.Equal(NotificationKind.AppealAssigned, Assert.Single((await BellOfAsync(Demo.Officer30)).Lines, l => l.AppealId == complaint.Id).Kind);
        Assert.Single((await BellOfAsync(Demo.Chief)).Lines, l => l.AppealId == complaint.Id);

        // A theft answered and rated 2 of 5 reaches the chief; a 4 does not.
        var (low, lowCode) = await appeals.SubmitPublicAsync(Form(await BeatOfOfficer17Async()));
        var (good, goodCode) = await appeals.SubmitPublicAsync(Form(await BeatOfOfficer17Async()));
        foreach (var id in new[] { low.Id, good.Id })
        {
            Assert.True((await chiefAppeals.AnswerAsync(id, "Проверка проведена.", null, (await chiefAppeals.GetAsync(id))!.Version)).Succeeded);
        }

        Assert.True((await appeals.RateAsync(lowCode!, 2, "Долго")).Succeeded);
        Assert.True((await appeals.RateAsync(goodCode!, 4, null)).Succeeded);
        var chiefBell = (await BellOfAsync(Demo.Chief)).Lines;
        Assert.Equal(NotificationKind.AppealLowRating, Assert.Single(chiefBell, l => l.AppealId == low.Id).Kind);
        Assert.DoesNotContain(chiefBell, l => l.AppealId == good.Id);
    }
}
