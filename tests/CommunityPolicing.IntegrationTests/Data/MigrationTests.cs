using CommunityPolicing.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.IntegrationTests.Data;

[Collection(AppCollection.Name)]
public sealed class MigrationTests(TestApp app)
{
    [Fact]
    public async Task Every_migration_is_applied_to_the_empty_database_at_start_up()
    {
        await using var db = app.NewDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task The_empty_database_gets_the_Zhambyl_demo_data()
    {
        await using var db = app.NewDbContext();

        var posts = await db.Precincts.Where(p => p.Department!.Name == Demo.TarazDepartment).Select(p => p.Number).ToListAsync();
        Assert.Contains("17", posts);
        Assert.Contains("30", posts);
        Assert.True(await db.Departments.CountAsync() >= 2);
        Assert.InRange(await db.Precincts.CountAsync(), 13, 20);

        // About 38% of district-officer posts are vacant, as in the region's press release.
        var authorised = await db.Precincts.SumAsync(p => p.AuthorisedPosts);
        var filled = await db.Officers.CountAsync(o => o.Position == Web.Domain.OfficerPosition.DistrictInspector
            || o.Position == Web.Domain.OfficerPosition.SeniorDistrictInspector);
        Assert.InRange(100.0 * (authorised - filled) / authorised, 25, 50);
        Assert.True(await db.Officers.AnyAsync(o => !o.LivesOnBeat));
        Assert.True(await db.Precincts.AnyAsync(p => p.Status == Web.Domain.PrecinctStatus.Planned));
        Assert.True(await db.Precincts.AnyAsync(p => p.Status == Web.Domain.PrecinctStatus.UnderConstruction));
    }
}
