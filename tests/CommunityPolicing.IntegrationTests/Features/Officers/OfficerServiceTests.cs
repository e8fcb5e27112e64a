using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Officers;
using CommunityPolicing.Web.Features.Precincts;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Officers;

[Collection(AppCollection.Name)]
public sealed class OfficerServiceTests(TestApp app)
{
    [Fact]
    public async Task Officers_are_listed_within_the_users_department_only()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        await using var admin = await app.SignedInAsync(Demo.Admin);
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);

        var mine = await chief.ServiceProvider.GetRequiredService<OfficerService>().ListAsync(new OfficerListQuery(PageSize: 200));
        var all = await admin.ServiceProvider.GetRequiredService<OfficerService>().ListAsync(new OfficerListQuery(PageSize: 200));
        var none = await coordinator.ServiceProvider.GetRequiredService<OfficerService>().ListAsync(new OfficerListQuery());

        Assert.All(mine.Items, o => Assert.Equal(Demo.TarazDepartment, o.Department));
        Assert.True(all.Total > mine.Total);
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task Another_departments_officer_is_not_found()
    {
        await using var admin = await app.SignedInAsync(Demo.Admin);
        var foreign = (await admin.ServiceProvider.GetRequiredService<OfficerService>().ListAsync(new OfficerListQuery(PageSize: 200)))
            .Items.First(o => o.Department != Demo.TarazDepartment);
        await using var officer = await app.SignedInAsync(Demo.Officer30);
        var officers = officer.ServiceProvider.GetRequiredService<OfficerService>();

        Assert.Null(await officers.GetAsync(foreign.Id));
        Assert.Null(await officers.GetFormAsync(foreign.Id));
    }

    [Fact]
    public async Task A_chief_adds_an_officer_who_fills_a_vacancy_and_takes_a_vacant_beat()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
        var officers = scope.ServiceProvider.GetRequiredService<OfficerService>();
        var post = (await precincts.ListAsync(new PrecinctListQuery(Search: "Мынбулак"))).Items.Single();
        var before = (await precincts.GetPassportAsync(post.Id))!;
        var vacantBeat = before.Beats.First(b => b.OfficerId is null);

        var result = await officers.SaveAsync(new OfficerForm
        {
            PrecinctId = post.Id,
            FullName = "Тестов Тест Тестович",
            Rank = "лейтенант полиции",
            BadgeNumber = "ZHM-T001",
            Position = OfficerPosition.DistrictInspector,
            Phone = "+7 701 000 00 00",
            BeatIds = [vacantBeat.Id],
        });

        Assert.True(result.Succeeded);
        var after = (await precincts.GetPassportAsync(post.Id))!;
        Assert.Equal(before.Staffing.Filled + 1, after.Staffing.Filled);
        Assert.Equal(result.Id, after.Beats.Single(b => b.Id == vacantBeat.Id).OfficerId);
    }

    [Fact]
    public async Task Duplicate_badges_bad_phones_and_beats_of_another_post_are_refused()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
        var officers = scope.ServiceProvider.GetRequiredService<OfficerService>();
        var post17 = (await precincts.ListAsync(new PrecinctListQuery(Search: "№ 17"))).Items.Single().Id;
        var post30 = (await precincts.ListAsync(new PrecinctListQuery(Search: "№ 30"))).Items.Single().Id;
        var existingBadge = (await officers.ListAsync(new OfficerListQuery())).Items.First().BadgeNumber;
        var beatOf30 = (await precincts.BeatOptionsAsync(post30)).First().Id;
        OfficerForm Form() => new() { PrecinctId = post17, FullName = "Дубль", Rank = "лейтенант полиции", BadgeNumber = "ZHM-T999" };

        var clash = Form();
        clash.BadgeNumber = existingBadge;
        var phone = Form();
        phone.BadgeNumber = "ZHM-T998";
        phone.Phone = "call me";
        var beats = Form();
        beats.BadgeNumber = "ZHM-T997";
        beats.BeatIds = [beatOf30];

        Assert.Equal("Validation.AlreadyUsed", (await officers.SaveAsync(clash)).Errors["BadgeNumber"]);
        Assert.Equal("Validation.Phone", (await officers.SaveAsync(phone)).Errors["Phone"]);
        Assert.Equal("Validation.BeatOfAnotherPost", (await officers.SaveAsync(beats)).Errors["BeatIds"]);
    }
}
