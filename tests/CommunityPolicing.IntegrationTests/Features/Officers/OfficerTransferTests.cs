using CommunityPolicing.IntegrationTests.Security;
using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Features.Admin;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Officers;
using CommunityPolicing.Web.Features.Patrols;
using CommunityPolicing.Web.Features.Prevention;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Officers;

/// <summary>An officer account's scope is the officer record's post: a transfer moves it, and no record means no scope.</summary>
[Collection(SessionCollection.Name)]
public sealed class OfficerTransferTests(SessionApp app)
{
    [Fact]
    public async Task A_transferred_officer_reads_the_new_posts_appeals_and_records_and_no_longer_the_old_posts()
    {
        await using var db = app.NewDbContext();
        var post30 = await PostAsync(db, "30");
        var post5 = await PostAsync(db, "5");
        var officer = await db.Officers.Where(o => db.Users.Any(u => u.Id == o.UserId && u.Email == Demo.Officer30)).Select(o => o.Id).SingleAsync();
        var oldRecords = await db.PreventiveRecords.Where(r => r.PrecinctId == post30).Select(r => r.Id).ToListAsync();
        var newRecords = await db.PreventiveRecords.Where(r => r.PrecinctId == post5).Select(r => r.Id).ToListAsync();
        Assert.NotEmpty(oldRecords);
        Assert.True(await AppealsOfAsync(Demo.Officer30, post30) > 0);

        await using (var chief = await app.SignedInScopeAsync(Demo.Chief))
        {
            var officers = chief.ServiceProvider.GetRequiredService<OfficerService>();
            var form = (await officers.GetFormAsync(officer))!;
            form.PrecinctId = post5;
            form.BeatIds = [];
            var saved = await officers.SaveAsync(form);
            Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Values));
        }

        Assert.Equal(0, await AppealsOfAsync(Demo.Officer30, post30));
        Assert.Equal(await db.Appeals.CountAsync(a => a.PrecinctId == post5 && !a.Category!.IsComplaintAboutOfficer), await AppealsOfAsync(Demo.Officer30, post5));
        var records = await RecordsSeenByAsync(Demo.Officer30);
        Assert.DoesNotContain(records, oldRecords.Contains);
        Assert.Equal(newRecords.Order(), records.Order());
        await using var officerScope = await app.SignedInScopeAsync(Demo.Officer30);
        var scope = await officerScope.ServiceProvider.GetRequiredService<CurrentUser>().GetScopeAsync();
        Assert.Equal((post5, await db.Precincts.Where(p => p.Id == post5).Select(p => (int?)p.DepartmentId).SingleAsync()), (scope.PrecinctId, scope.DepartmentId));
        // The account's copy of the post follows the record, so the user list shows where the officer now serves.
        Assert.Equal(post5, await db.Users.Where(u => u.Email == Demo.Officer30).Select(u => u.PrecinctId).SingleAsync());
    }

    [Fact]
    public async Task An_officer_account_without_an_officer_record_sees_nothing()
    {
        const string email = "no.record@demo.local";
        await using var db = app.NewDbContext();
        var post17 = await PostAsync(db, "17");
        await using (var admin = await app.SignedInScopeAsync(Demo.Admin))
        {
            var created = await admin.ServiceProvider.GetRequiredService<UserAdminService>().SaveAsync(new UserForm
            {
                Email = email,
                FullName = "Без Записи",
                Role = Roles.DistrictOfficer,
                PrecinctId = post17,
                Password = DemoSeeder.Password,
            });
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Values));
        }

        Assert.Equal(0, await AppealsOfAsync(email, null));
        Assert.Empty(await RecordsSeenByAsync(email));
        await using var scope = await app.SignedInScopeAsync(email);
        Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<PatrolService>().ListAsync(new PatrolQuery())).Total);
        Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<OfficerService>().ListAsync(new OfficerListQuery())).Total);
    }

    private static Task<int> PostAsync(Web.Data.AppDbContext db, string number) =>
        db.Precincts.Where(p => p.Number == number && p.Department!.Name == Demo.TarazDepartment).Select(p => p.Id).SingleAsync();

    private async Task<int> AppealsOfAsync(string email, int? post)
    {
        await using var scope = await app.SignedInScopeAsync(email);
        return (await scope.ServiceProvider.GetRequiredService<AppealService>().ListAsync(new AppealListQuery(PrecinctId: post))).Total;
    }

    private async Task<IReadOnlyList<int>> RecordsSeenByAsync(string email)
    {
        await using var scope = await app.SignedInScopeAsync(email);
        return [.. (await scope.ServiceProvider.GetRequiredService<RecordService>().ListAsync(includeRemoved: true, pageSize: 500)).Items.Select(r => r.Id)];
    }
}
