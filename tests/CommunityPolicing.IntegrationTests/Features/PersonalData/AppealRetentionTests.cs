using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.PersonalData;

[Collection(AppCollection.Name)]
public sealed class AppealRetentionTests(TestApp app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private async Task<long> RegisterAsync(string name, params AttachmentUpload[] files)
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var saved = await chief.ServiceProvider.GetRequiredService<AppealService>().CreateAsync(new AppealForm
        {
            CategoryId = 3,
            ApplicantName = name,
            ApplicantPhone = "+7 701 555 00 11",
            ApplicantEmail = "applicant@example.kz",
            ApplicantAddress = "ул. Толе би, 12, кв. 5",
            Description = $"{name}: украли велосипед из подъезда",
            Address = "ул. Толе би, 12",
            Latitude = 42.9,
            Longitude = 71.37,
            Attachments = [.. files],
        });
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Values));
        return saved.Id;
    }

    /// <summary>Moves an appeal into the past: registered, answered and closed (or still in progress) at the given ages.</summary>
    private async Task AgeAsync(long id, AppealStatus status, TimeSpan registeredAgo, TimeSpan? finishedAgo)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = app.NewDbContext();
        await db.Appeals.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, status)
            .SetProperty(a => a.RegisteredAt, now - registeredAgo)
            .SetProperty(a => a.Answer, finishedAgo == null ? null : "Велосипед найден, возвращён заявителю")
            .SetProperty(a => a.AnsweredAt, finishedAgo == null ? null : now - finishedAgo - TimeSpan.FromDays(5))
            .SetProperty(a => a.ClosedAt, finishedAgo == null ? null : now - finishedAgo)
            .SetProperty(a => a.Rating, finishedAgo == null ? null : 4)
            .SetProperty(a => a.RatingComment, finishedAgo == null ? null : "Спасибо, Ерлан Серикович"));
        await db.AppealEvents.Where(e => e.AppealId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Note, "звонил заявитель, +7 701 555 00 11"));
    }

    private async Task<Dictionary<int, int>> CountsByCategoryAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Appeals.GroupBy(a => a.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    [Fact]
    public async Task Appeals_finished_longer_ago_than_the_period_lose_their_personal_data_and_nothing_else_changes()
    {
        var old = await RegisterAsync("Старов Пётр", new AttachmentUpload("passport.png", Png));
        var recent = await RegisterAsync("Новикова Анна");
        var openOld = await RegisterAsync("Открытов Максим");
        await AgeAsync(old, AppealStatus.Closed, TimeSpan.FromDays(6 * 365 + 30), TimeSpan.FromDays(6 * 365));
        await AgeAsync(recent, AppealStatus.Closed, TimeSpan.FromDays(400), TimeSpan.FromDays(365));
        await AgeAsync(openOld, AppealStatus.InProgress, TimeSpan.FromDays(6 * 365), null);
        var countsBefore = await CountsByCategoryAsync();
        await using var before = app.NewDbContext();
        var oldBefore = await before.Appeals.AsNoTracking().SingleAsync(a => a.Id == old);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var anonymised = await scope.ServiceProvider.GetRequiredService<AppealRetentionRunner>().RunOnceAsync();

        Assert.True(anonymised >= 1);
        await using var db = app.NewDbContext();
        var a = await db.Appeals.AsNoTracking().SingleAsync(x => x.Id == old);
        Assert.NotNull(a.AnonymisedAt);
        Assert.Equal((string?)null, a.ApplicantName ?? a.ApplicantPhone ?? a.ApplicantEmail ?? a.ApplicantAddress ?? a.Address ?? a.Answer ?? a.RatingComment);
        Assert.Equal("", a.Description);
        Assert.Null(a.Latitude);
        Assert.Empty(await db.AppealAttachments.Where(f => f.AppealId == old).ToListAsync());
        Assert.All(await db.AppealEvents.Where(e => e.AppealId == old).ToListAsync(), e => Assert.Null(e.Note));

        // What statistics count is untouched.
        Assert.Equal((oldBefore.CategoryId, oldBefore.BeatId, oldBefore.PrecinctId, oldBefore.Status, oldBefore.RegisteredAt, oldBefore.ClosedAt, oldBefore.Rating),
            (a.CategoryId, a.BeatId, a.PrecinctId, a.Status, a.RegisteredAt, a.ClosedAt, a.Rating));
        Assert.Equal(countsBefore, await CountsByCategoryAsync());

        foreach (var (id, name) in new[] { (recent, "Новикова Анна"), (openOld, "Открытов Максим") })
        {
            var kept = await db.AppealEvents.Where(e => e.AppealId == id).Select(e => e.Note).ToListAsync();
            var appeal = await db.Appeals.AsNoTracking().SingleAsync(x => x.Id == id);
            Assert.Equal((name, "+7 701 555 00 11", (DateTimeOffset?)null), (appeal.ApplicantName, appeal.ApplicantPhone, appeal.AnonymisedAt));
            Assert.StartsWith(name, appeal.Description);
            Assert.All(kept, note => Assert.NotNull(note));
        }

        var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.Anonymise).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(AppealRetentionRunner.SystemUser, audit.UserName);
        Assert.Contains(a.RegistrationNumber, audit.NewValues);
        Assert.DoesNotContain("Старов", audit.NewValues);
    }

    [Fact]
    public async Task A_rerun_changes_nothing_and_writes_no_audit_row()
    {
        var old = await RegisterAsync("Повторов Иван");
        await AgeAsync(old, AppealStatus.Answered, TimeSpan.FromDays(2000), TimeSpan.FromDays(1900));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<AppealRetentionRunner>();
        Assert.True(await runner.RunOnceAsync() >= 1);
        await using var db = app.NewDbContext();
        var stamped = (await db.Appeals.AsNoTracking().SingleAsync(a => a.Id == old)).AnonymisedAt;
        var auditRows = await db.AuditEntries.CountAsync(e => e.Action == AuditActions.Anonymise);

        Assert.Equal(0, await runner.RunOnceAsync());

        Assert.Equal(stamped, (await db.Appeals.AsNoTracking().SingleAsync(a => a.Id == old)).AnonymisedAt);
        Assert.Equal(auditRows, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.Anonymise));
    }

    [Fact]
    public async Task Staff_see_that_the_personal_data_was_removed()
    {
        var old = await RegisterAsync("Показов Олег");
        await AgeAsync(old, AppealStatus.Closed, TimeSpan.FromDays(2100), TimeSpan.FromDays(2000));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppealRetentionRunner>().RunOnceAsync();
        }

        using var client = await app.SignedInClientAsync(Demo.Chief);
        var html = await client.GetStringAsync($"/appeals/{old}");

        Assert.Contains("data-testid=\"personal-data-removed\"", html);
        Assert.DoesNotContain("Показов", html);
    }
}
