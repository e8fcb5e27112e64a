using CommunityPolicing.Testing;
using CommunityPolicing.Web.Features;
using CommunityPolicing.Web.Features.Associations;
using CommunityPolicing.Web.Features.Officers;
using CommunityPolicing.Web.Features.Precincts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Data;

/// <summary>
/// Two users edit the same record: every round exactly one save wins, the other is told of the conflict, and the
/// database holds the winner's values. Saves race truly at once (a barrier) and one after the other.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentEditTests(TestApp app)
{
    private const int Rounds = 100;

    [Fact]
    public async Task A_precinct_passport_edited_by_the_chief_and_an_administrator_loses_no_update()
    {
        await using var db = app.NewDbContext();
        var id = await db.Precincts.Where(p => p.Department!.Name == Demo.TarazDepartment).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        await RaceAsync<PrecinctForm, PrecinctService>(
            load: s => s.GetFormAsync(id),
            edit: (form, text) => form.ReceptionHours = text,
            save: (s, form) => s.SaveAsync(form),
            stored: async () =>
            {
                await using var check = app.NewDbContext();
                return await check.Precincts.Where(p => p.Id == id).Select(p => p.ReceptionHours).SingleAsync();
            });
    }

    [Fact]
    public async Task An_officer_edited_by_the_chief_and_an_administrator_loses_no_update()
    {
        await using var db = app.NewDbContext();
        var id = await db.Officers.Where(o => o.Precinct!.Department!.Name == Demo.TarazDepartment).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        await RaceAsync<OfficerForm, OfficerService>(
            load: s => s.GetFormAsync(id),
            edit: (form, text) => form.Phone = text,
            save: (s, form) => s.SaveAsync(form),
            stored: async () =>
            {
                await using var check = app.NewDbContext();
                return await check.Officers.Where(o => o.Id == id).Select(o => o.Phone).SingleAsync();
            });
    }

    [Fact]
    public async Task A_volunteer_edited_by_the_coordinator_and_an_administrator_loses_no_update()
    {
        await using var db = app.NewDbContext();
        var coordinator = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.Id).SingleAsync();
        var id = await db.Volunteers.Where(v => db.AssociationCoordinators.Any(c => c.AssociationId == v.AssociationId && c.UserId == coordinator))
            .OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        await RaceAsync<VolunteerForm, AssociationService>(
            load: s => s.GetVolunteerFormAsync(id),
            edit: (form, text) => form.Phone = text,
            save: (s, form) => s.SaveVolunteerAsync(form),
            stored: async () =>
            {
                await using var check = app.NewDbContext();
                return await check.Volunteers.Where(v => v.Id == id).Select(v => v.Phone).SingleAsync();
            },
            firstUser: Demo.Coordinator);
    }

    private async Task RaceAsync<TForm, TService>(Func<TService, Task<TForm?>> load, Action<TForm, string?> edit,
        Func<TService, TForm, Task<SaveResult>> save, Func<Task<string?>> stored, string firstUser = Demo.Chief)
        where TForm : class where TService : notnull
    {
        await using var chief = await app.SignedInAsync(firstUser);
        await using var admin = await app.SignedInAsync(Demo.Admin);
        var users = new[] { chief.ServiceProvider.GetRequiredService<TService>(), admin.ServiceProvider.GetRequiredService<TService>() };
        var original = await stored();

        for (var round = 0; round < Rounds; round++)
        {
            var forms = new TForm[2];
            for (var u = 0; u < 2; u++)
            {
                forms[u] = (await load(users[u]))!;
                edit(forms[u], $"+7 701 {round:D3} {u}0 00"); // a valid phone, and plausible reception hours
            }

            SaveResult[] results;
            if (round % 2 == 0)
            {
                // Truly at once: both wait at the barrier, then save.
                using var barrier = new Barrier(2);
                results = await Task.WhenAll(Enumerable.Range(0, 2).Select(u => Task.Run(async () =>
                {
                    barrier.SignalAndWait(TimeSpan.FromSeconds(10));
                    return await save(users[u], forms[u]);
                })));
            }
            else
            {
                // Interleaved: both loaded before either saved; the second to save is the one refused.
                var first = round % 4 == 1 ? 0 : 1;
                results = new SaveResult[2];
                results[first] = await save(users[first], forms[first]);
                results[1 - first] = await save(users[1 - first], forms[1 - first]);
                Assert.True(results[first].Succeeded, $"round {round}: {string.Join(", ", results[first].Errors.Values)}");
            }

            Assert.Equal(1, results.Count(r => r.Succeeded));
            var loser = Array.FindIndex(results, r => !r.Succeeded);
            Assert.True(results[loser].Conflict, $"round {round}: the losing save was not a conflict ({string.Join(", ", results[loser].Errors.Values)})");
            Assert.Equal($"+7 701 {round:D3} {1 - loser}0 00", await stored());
        }

        // Leave the demo record as it was for the other tests.
        var restore = (await load(users[0]))!;
        edit(restore, original);
        Assert.True((await save(users[0], restore)).Succeeded);
    }
}
