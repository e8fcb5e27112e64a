using System.Net;
using System.Text;
using CommunityPolicing.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.IntegrationTests.Features.Associations;

[Collection(AppCollection.Name)]
public sealed class RosterExportTests(TestApp app)
{
    [Fact]
    public async Task The_coordinator_exports_the_full_roster_and_officers_get_it_without_personal_data()
    {
        await using var db = app.NewDbContext();
        var dnd = await db.Associations.Where(a => a.Name == "Народная дружина «Тараз»").Select(a => a.Id).SingleAsync();
        var documents = await db.Volunteers.Where(v => v.AssociationId == dnd && v.DocumentNumber != null).Select(v => v.DocumentNumber!).ToListAsync();
        using var coordinator = await app.SignedInClientAsync(Demo.Coordinator);
        using var officer = await app.SignedInClientAsync(Demo.Officer30);

        var full = Encoding.UTF8.GetString(await coordinator.GetByteArrayAsync($"/associations/{dnd}/roster.csv"));
        var masked = Encoding.UTF8.GetString(await officer.GetByteArrayAsync($"/associations/{dnd}/roster.csv"));

        Assert.Contains(documents[0], full);
        var members = await db.Volunteers.CountAsync(v => v.AssociationId == dnd);
        Assert.Equal(members + 1, full.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // a header and a row per member
        Assert.DoesNotContain(documents, masked.Contains);
        Assert.Contains("Номер удостоверения личности", full.Split("\r\n")[0]);
        Assert.DoesNotContain("Номер удостоверения личности", masked.Split("\r\n")[0]);
    }

    [Fact]
    public async Task Another_associations_roster_is_not_found()
    {
        await using var db = app.NewDbContext();
        var youth = await db.Associations.Where(a => a.Name.StartsWith("Молодёжный")).Select(a => a.Id).SingleAsync();
        using var coordinator = await app.SignedInClientAsync(Demo.Coordinator);

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/associations/{youth}/roster.xlsx")).StatusCode);
    }
}
