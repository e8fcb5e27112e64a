using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.BeatWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.BeatWork;

/// <summary>The officer corrects a slip in their own log the same day, and links an entry to the appeal it served.</summary>
[Collection(AppCollection.Name)]
public sealed class LogCorrectionTests(TestApp app)
{
    [Fact]
    public async Task The_author_corrects_an_entry_within_a_day_links_it_to_their_appeal_and_nobody_else_or_later_can()
    {
        await using var officer = await app.SignedInAsync(Demo.Officer17);
        var beatWork = officer.ServiceProvider.GetRequiredService<BeatWorkService>();
        var beat = (await beatWork.MyBeatsAsync())[0].Id;
        var added = await beatWork.AddLogAsync(new LogForm { Kind = LogEntryKind.DoorToDoor, BeatId = beat, Place = "ул. Абая, 5", Households = 12 });
        Assert.True(added.Succeeded);
        var id = (await beatWork.LogAsync(pageSize: 500)).Items.Single(e => e.Id == added.Id);
        Assert.True(id.CanCorrect);
        Assert.False(id.Corrected);

        // The officer's own open appeal can be linked; one of another post's cannot.
        var mine = (await beatWork.LinkableAppealsAsync())[0];
        await using var db = app.NewDbContext();
        var foreign = await db.Appeals.Where(a => a.Precinct!.Number == "30").Select(a => a.Id).FirstAsync();
        var form = (await beatWork.GetLogFormAsync(added.Id))!;
        Assert.Equal(("ул. Абая, 5", 12), (form.Place, form.Households));
        form.Place = "ул. Абая, 7";
        form.AppealId = foreign;
        Assert.Equal("Log.AppealUnknown", (await beatWork.CorrectLogAsync(added.Id, form)).Errors["AppealId"]);
        form.AppealId = mine.Id;
        Assert.True((await beatWork.CorrectLogAsync(added.Id, form)).Succeeded);

        var corrected = (await beatWork.LogAsync(pageSize: 500)).Items.Single(e => e.Id == added.Id);
        Assert.Equal(("ул. Абая, 7", mine.RegistrationNumber, true), (corrected.Place, corrected.AppealNumber, corrected.Corrected));
        Assert.Equal(id.At, corrected.At); // the time it happened stays unless the officer changes it
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(LogEntry) && a.EntityKey == added.Id.ToString() && a.Action == AuditActions.Update));

        // Another officer neither opens nor corrects it, and the chief reads it without a correct button.
        await using var other = await app.SignedInAsync(Demo.Officer30);
        var otherWork = other.ServiceProvider.GetRequiredService<BeatWorkService>();
        Assert.Null(await otherWork.GetLogFormAsync(added.Id));
        Assert.Equal("Log.CorrectionClosed", (await otherWork.CorrectLogAsync(added.Id, form)).Errors[""]);
        await using var chief = await app.SignedInAsync(Demo.Chief);
        Assert.False((await chief.ServiceProvider.GetRequiredService<BeatWorkService>().LogAsync(pageSize: 500)).Items.Single(e => e.Id == added.Id).CanCorrect);

        // A day after writing it, the entry is a record: its author cannot change it either.
        await db.LogEntries.Where(e => e.Id == added.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.CreatedAt, DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(-1)));
        Assert.False((await beatWork.LogAsync(pageSize: 500)).Items.Single(e => e.Id == added.Id).CanCorrect);
        Assert.Null(await beatWork.GetLogFormAsync(added.Id));
        form.Place = "ул. Абая, 9";
        Assert.Equal("Log.CorrectionClosed", (await beatWork.CorrectLogAsync(added.Id, form)).Errors[""]);
        Assert.Equal("ул. Абая, 7", await db.LogEntries.Where(e => e.Id == added.Id).Select(e => e.Place).SingleAsync());
    }
}
