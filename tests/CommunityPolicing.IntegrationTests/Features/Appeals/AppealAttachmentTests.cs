using System.Net;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Appeals;

[Collection(AppCollection.Name)]
public sealed class AppealAttachmentTests(TestApp app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static AppealForm Form(params AttachmentUpload[] files) => new()
    {
        CategoryId = 1,
        IsAnonymous = true,
        Description = "Шум во дворе, фото прилагаю",
        Attachments = [.. files],
    };

    [Fact]
    public async Task An_appeal_registered_with_a_photo_keeps_it_and_serves_it_only_within_scope()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();

        var saved = await appeals.CreateAsync(Form(new AttachmentUpload("IMG_0001.JPG.png", Png)));

        Assert.True(saved.Succeeded);
        var file = (await appeals.GetAsync(saved.Id))!.Attachments.Single();
        Assert.Equal(("image/png", Png.Length), (file.ContentType, (int)file.Size));
        using var chiefClient = await app.SignedInClientAsync(Demo.Chief);
        var download = await chiefClient.GetAsync($"/appeals/{saved.Id}/attachments/{file.Id}");
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        using var officer30 = await app.SignedInClientAsync(Demo.Officer30);
        Assert.Equal(HttpStatusCode.NotFound, (await officer30.GetAsync($"/appeals/{saved.Id}/attachments/{file.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("photo.exe", "photo.jpg")]
    [InlineData("scan.pdf.exe", "scan.pdf.jpg")]
    [InlineData("IMG_0002.JPEG", "IMG_0002.jpg")]
    [InlineData("noextension", "noextension.jpg")]
    public async Task A_photo_is_stored_and_served_under_the_extension_of_its_real_type(string uploaded, string stored)
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8, 0];
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();

        var saved = await appeals.CreateAsync(Form(new AttachmentUpload(uploaded, jpeg)));

        var file = (await appeals.GetAsync(saved.Id))!.Attachments.Single();
        Assert.Equal((stored, "image/jpeg"), (file.FileName, file.ContentType));
        using var client = await app.SignedInClientAsync(Demo.Chief);
        var download = await client.GetAsync($"/appeals/{saved.Id}/attachments/{file.Id}");
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(stored, download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition.DispositionType);
    }

    [Fact]
    public async Task An_older_attachment_stored_under_a_wrong_extension_is_served_under_its_real_one()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        var saved = await appeals.CreateAsync(Form(new AttachmentUpload("map.png", Png)));
        await using (var db = app.NewDbContext())
        {
            // As rows stored before the name followed the type may still be.
            await db.AppealAttachments.Where(f => f.AppealId == saved.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.FileName, "map.html"));
        }

        var file = (await appeals.GetAsync(saved.Id))!.Attachments.Single();
        using var client = await app.SignedInClientAsync(Demo.Chief);
        var download = await client.GetAsync($"/appeals/{saved.Id}/attachments/{file.Id}");

        Assert.Equal("map.png", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
    }

    [Fact]
    public async Task A_program_disguised_as_a_photo_is_refused_and_nothing_is_saved()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        await using var db = app.NewDbContext();
        var before = await db.Appeals.CountAsync();

        var result = await chief.ServiceProvider.GetRequiredService<AppealService>()
            .CreateAsync(Form(new AttachmentUpload("photo.jpg", [.. "MZ\0\0 program"u8])));

        Assert.Equal("Attachment.WrongType", result.Errors["Attachments"]);
        Assert.Equal(before, await db.Appeals.CountAsync());
    }

    [Fact]
    public async Task At_most_five_files_and_only_by_those_who_work_the_appeal()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        var id = (await appeals.CreateAsync(Form([.. Enumerable.Range(1, 5).Select(i => new AttachmentUpload($"{i}.png", Png))]))).Id;

        Assert.Equal("Attachment.TooMany", (await appeals.AttachAsync(id, new AttachmentUpload("6.png", Png))).Errors["Attachments"]);
        await using var officer30 = await app.SignedInAsync(Demo.Officer30);
        Assert.True((await officer30.ServiceProvider.GetRequiredService<AppealService>().AttachAsync(id, new AttachmentUpload("x.png", Png))).NotFound);
        await using var db = app.NewDbContext();
        Assert.Equal(5, await db.AppealAttachments.CountAsync(f => f.AppealId == id));
        var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(AppealAttachment) && a.Action == AuditActions.Insert).Select(a => a.NewValues!).ToListAsync();
        Assert.NotEmpty(audited);
        Assert.DoesNotContain(audited, values => values.Contains("\"Content\"", StringComparison.Ordinal)); // file bytes stay out of the audit trail
    }
}
