using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Precincts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Precincts;

[Collection(AppCollection.Name)]
public sealed class PrecinctServiceTests(TestApp app)
{
    [Theory]
    [InlineData(Demo.Chief)]
    [InlineData(Demo.Officer17)]
    [InlineData(Demo.Officer30)]
    public async Task Chiefs_and_officers_list_only_their_own_department(string email)
    {
        await using var scope = await app.SignedInAsync(email);

        var page = await scope.ServiceProvider.GetRequiredService<PrecinctService>().ListAsync(new PrecinctListQuery(PageSize: 100));

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, p => Assert.Equal(Demo.TarazDepartment, p.Department));
        Assert.Equal(await CountAsync(p => p.Department!.Name == Demo.TarazDepartment), page.Total);
    }

    [Fact]
    public async Task Administrators_list_every_department()
    {
        await using var scope = await app.SignedInAsync(Demo.Admin);

        var page = await scope.ServiceProvider.GetRequiredService<PrecinctService>().ListAsync(new PrecinctListQuery(PageSize: 100));

        Assert.Equal(await CountAsync(_ => true), page.Total);
        Assert.True(page.Items.Select(p => p.Department).Distinct().Count() >= 2);
    }

    [Fact]
    public async Task Coordinators_and_anonymous_callers_see_no_registry()
    {
        foreach (var email in new[] { Demo.Coordinator, null })
        {
            await using var scope = await app.SignedInAsync(email);
            var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();

            Assert.Equal(0, (await precincts.ListAsync(new PrecinctListQuery())).Total);
            Assert.Null(await precincts.GetPassportAsync(await AnyPrecinctIdAsync(inTaraz: true)));
            Assert.Equal(0, (await precincts.SummaryAsync()).Posts);
        }
    }

    [Fact]
    public async Task Another_departments_post_is_not_found_and_the_attempt_is_audited()
    {
        var foreignId = await AnyPrecinctIdAsync(inTaraz: false);
        await using var scope = await app.SignedInAsync(Demo.Officer17);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();

        Assert.Null(await precincts.GetPassportAsync(foreignId));
        Assert.Null(await precincts.GetPassportAsync(foreignId)); // as a page does: prerendered, then interactive
        Assert.Null(await precincts.GetFormAsync(foreignId));
        Assert.Empty(await precincts.BeatOptionsAsync(foreignId));
        Assert.Empty(await precincts.OfficerOptionsAsync(foreignId));

        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.AccessDenied && a.EntityType == nameof(Precinct)
            && a.EntityKey == foreignId.ToString() && a.UserName == Demo.Officer17));
    }

    [Fact]
    public async Task The_passport_shows_staffing_equipment_beats_and_officers()
    {
        await using var scope = await app.SignedInAsync(Demo.Officer17);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
        var id = (await precincts.ListAsync(new PrecinctListQuery(Search: "№ 17"))).Items.Single().Id;

        var passport = (await precincts.GetPassportAsync(id))!;

        Assert.Equal("17", passport.Number);
        Assert.False(passport.CanEdit);
        Assert.Equal(Enum.GetValues<EquipmentKind>().Length, passport.Equipment.Count);
        Assert.NotEmpty(passport.Beats);
        Assert.Equal(passport.Officers.Count(o => Staffing.FillsDistrictPost(o.Position)), passport.Staffing.Filled);
    }

    [Fact]
    public async Task Officers_cannot_edit_and_chiefs_cannot_edit_another_department()
    {
        var tarazId = await AnyPrecinctIdAsync(inTaraz: true);
        var foreignId = await AnyPrecinctIdAsync(inTaraz: false);
        await using var chiefScope = await app.SignedInAsync(Demo.Chief);
        var chief = chiefScope.ServiceProvider.GetRequiredService<PrecinctService>();
        var form = (await chief.GetFormAsync(tarazId))!;

        await using var officerScope = await app.SignedInAsync(Demo.Officer17);
        var officer = officerScope.ServiceProvider.GetRequiredService<PrecinctService>();
        Assert.Null(await officer.GetFormAsync(tarazId));
        Assert.True((await officer.SaveAsync(form)).NotFound);
        Assert.True((await officer.SaveEquipmentAsync(tarazId, [])).NotFound);
        Assert.True((await officer.SaveBeatAsync(new BeatForm { PrecinctId = tarazId, Name = "x" })).NotFound);

        Assert.Null(await chief.GetFormAsync(foreignId));
        Assert.True((await chief.SaveAsync(new PrecinctForm
        {
            DepartmentId = await DepartmentOfAsync(foreignId),
            Number = "99",
            Name = "Чужой",
            Address = "—",
        })).NotFound);
        Assert.True((await chief.SaveEquipmentAsync(foreignId, [])).NotFound);
    }

    [Fact]
    public async Task A_chief_creates_a_post_that_starts_with_every_equipment_line()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
        var department = (await precincts.DepartmentsAsync()).Single();

        var result = await precincts.SaveAsync(new PrecinctForm
        {
            DepartmentId = department.Id,
            Number = "40",
            Name = "УПП № 40 (новый)",
            Address = "г. Тараз, ул. Абая, 1",
            Kind = PrecinctKind.Modular,
            Status = PrecinctStatus.Planned,
            AuthorisedPosts = 2,
        });

        Assert.True(result.Succeeded);
        var passport = (await precincts.GetPassportAsync(result.Id))!;
        Assert.Equal(2, passport.Staffing.Vacant);
        Assert.All(passport.Equipment, e => Assert.Equal(0, e.Planned));
    }

    [Fact]
    public async Task A_duplicate_post_number_in_the_department_is_refused_at_the_field()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
        var department = (await precincts.DepartmentsAsync()).Single();

        var result = await precincts.SaveAsync(new PrecinctForm { DepartmentId = department.Id, Number = "17", Name = "Дубль", Address = "—" });

        Assert.Equal("Validation.AlreadyUsed", result.Errors["Number"]);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_first_save_is_kept()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
        var id = (await precincts.ListAsync(new PrecinctListQuery(Search: "Жайлау"))).Items.Single().Id;
        var first = (await precincts.GetFormAsync(id))!;
        var second = (await precincts.GetFormAsync(id))!;

        first.Address = "г. Тараз, мкр. Жайлау, 41 (первый)";
        second.Address = "г. Тараз, мкр. Жайлау, 41 (второй)";
        Assert.True((await precincts.SaveAsync(first)).Succeeded);
        var stale = await precincts.SaveAsync(second);

        Assert.True(stale.Conflict);
        Assert.Equal(first.Address, (await precincts.GetPassportAsync(id))!.Address);
    }

    [Fact]
    public async Task Stale_equipment_counts_are_refused_and_fresh_ones_saved()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
        var id = (await precincts.ListAsync(new PrecinctListQuery(Search: "Карасу"))).Items.Single().Id;
        var lines = (await precincts.GetPassportAsync(id))!.Equipment;

        var cameras = lines.Single(l => l.Kind == EquipmentKind.CctvCamera);
        Assert.True((await precincts.SaveEquipmentAsync(id, [cameras with { Planned = 20, Installed = 12 }])).Succeeded);
        Assert.True((await precincts.SaveEquipmentAsync(id, [cameras with { Planned = 1, Installed = 1 }])).Conflict);
        Assert.True((await precincts.SaveEquipmentAsync(id, [cameras with { Installed = -1 }])).Errors.ContainsKey("CctvCamera.Installed"));

        var saved = (await precincts.GetPassportAsync(id))!.Equipment.Single(l => l.Kind == EquipmentKind.CctvCamera);
        Assert.Equal((20, 12), (saved.Planned, saved.Installed));
    }

    [Fact]
    public async Task A_beat_cannot_be_given_to_an_officer_of_another_post_or_an_invalid_boundary()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
        var post17 = (await precincts.ListAsync(new PrecinctListQuery(Search: "№ 17"))).Items.Single().Id;
        var post30 = (await precincts.ListAsync(new PrecinctListQuery(Search: "№ 30"))).Items.Single().Id;
        var officerOf30 = (await precincts.OfficerOptionsAsync(post30)).First().Id;

        var wrongOfficer = await precincts.SaveBeatAsync(new BeatForm { PrecinctId = post17, Name = "Новый", OfficerId = officerOf30 });
        var badBoundary = await precincts.SaveBeatAsync(new BeatForm { PrecinctId = post17, Name = "Новый", BoundaryGeoJson = "{\"type\":\"Point\"}" });

        Assert.Equal("Validation.OfficerOfAnotherPost", wrongOfficer.Errors["OfficerId"]);
        Assert.Equal("Validation.GeoJson", badBoundary.Errors["BoundaryGeoJson"]);
    }

    [Fact]
    public async Task The_summary_is_aggregated_over_the_users_department()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);

        var summary = await scope.ServiceProvider.GetRequiredService<PrecinctService>().SummaryAsync();

        Assert.Equal(await CountAsync(p => p.Department!.Name == Demo.TarazDepartment), summary.Posts);
        await using var db = app.NewDbContext();
        Assert.Equal(await db.Precincts.Where(p => p.Department!.Name == Demo.TarazDepartment).SumAsync(p => p.AuthorisedPosts),
            summary.Staffing.Authorised);
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Precinct, bool>> filter)
    {
        await using var db = app.NewDbContext();
        return await db.Precincts.CountAsync(filter);
    }

    private async Task<int> AnyPrecinctIdAsync(bool inTaraz)
    {
        await using var db = app.NewDbContext();
        return await db.Precincts.Where(p => (p.Department!.Name == Demo.TarazDepartment) == inTaraz).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private async Task<int> DepartmentOfAsync(int precinctId)
    {
        await using var db = app.NewDbContext();
        return await db.Precincts.Where(p => p.Id == precinctId).Select(p => p.DepartmentId).SingleAsync();
    }
}
