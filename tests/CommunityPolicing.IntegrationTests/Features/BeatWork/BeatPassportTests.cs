using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.BeatWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.BeatWork;

[Collection(AppCollection.Name)]
public sealed class BeatPassportTests(TestApp app)
{
    [Fact]
    public async Task The_passports_visits_follow_the_logs_rule_officers_see_their_own_and_the_chief_the_departments()
    {
        await using var db = app.NewDbContext();
        var officer17 = await db.Officers.Where(o => db.Users.Any(u => u.Id == o.UserId && u.Email == Demo.Officer17)).Select(o => o.Id).SingleAsync();
        var beat = await db.LogEntries.Where(e => e.OfficerId == officer17 && e.Kind == LogEntryKind.DoorToDoor && e.BeatId != null)
            .Select(e => e.BeatId!.Value).FirstAsync();
        var visitsOf17 = await db.LogEntries.Where(e => e.BeatId == beat && e.OfficerId == officer17 && e.Kind == LogEntryKind.DoorToDoor).Select(e => e.Id).ToListAsync();

        var seenBy30 = await VisitsAsync(Demo.Officer30, beat);
        var seenBy17 = await VisitsAsync(Demo.Officer17, beat);
        var seenByChief = await VisitsAsync(Demo.Chief, beat);

        Assert.NotNull(seenBy30); // officer 30 reads post 17's passport (the department's registry) ...
        Assert.DoesNotContain(seenBy30, visitsOf17.Contains); // ... but not officer 17's log entries
        var officer30 = await OfficerOfAsync(Demo.Officer30);
        Assert.All(await OfficersOfAsync(seenBy30), o => Assert.Equal(officer30, o));
        Assert.NotEmpty(seenBy17!);
        Assert.All(await OfficersOfAsync(seenBy17!), o => Assert.Equal(officer17, o));
        Assert.NotEmpty(seenByChief!);
    }

    private async Task<List<int>> OfficersOfAsync(IReadOnlyList<long> entries)
    {
        await using var db = app.NewDbContext();
        return await db.LogEntries.Where(e => entries.Contains(e.Id)).Select(e => e.OfficerId).ToListAsync();
    }

    private async Task<int> OfficerOfAsync(string email)
    {
        await using var db = app.NewDbContext();
        return await db.Officers.Where(o => db.Users.Any(u => u.Id == o.UserId && u.Email == email)).Select(o => o.Id).SingleAsync();
    }

    private async Task<IReadOnlyList<long>?> VisitsAsync(string email, int beat)
    {
        await using var scope = await app.SignedInAsync(email);
        var passport = await scope.ServiceProvider.GetRequiredService<BeatWorkService>().PassportAsync(beat);
        return passport?.RecentVisits.Select(v => v.Id).ToList();
    }
}
