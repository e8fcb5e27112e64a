using System.Text.Json;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Admin;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Associations;
using CommunityPolicing.Web.Features.Precincts;
using CommunityPolicing.Web.Features.Prevention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunityPolicing.IntegrationTests.Data;

[Collection(AppCollection.Name)]
public sealed class AuditTests(TestApp app)
{
    [Fact]
    public async Task A_change_writes_an_audit_row_with_the_user_role_and_old_and_new_values()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
        var id = (await precincts.ListAsync(new PrecinctListQuery(Search: "№ 30"))).Items.Single().Id;
        var form = (await precincts.GetFormAsync(id))!;
        var before = form.ReceptionHours;
        form.ReceptionHours = "Пн–Сб 17:00–20:00";

        Assert.True((await precincts.SaveAsync(form)).Succeeded);

        await using var db = app.NewDbContext();
        var entry = await db.AuditEntries.Where(a => a.EntityType == nameof(Precinct) && a.EntityKey == id.ToString())
            .OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal(AuditActions.Update, entry.Action);
        Assert.Equal(Demo.Chief, entry.UserName);
        Assert.Equal("StationChief", entry.Role);
        Assert.Equal(before, JsonDocument.Parse(entry.OldValues!).RootElement.GetProperty("ReceptionHours").GetString());
        Assert.Equal("Пн–Сб 17:00–20:00", JsonDocument.Parse(entry.NewValues!).RootElement.GetProperty("ReceptionHours").GetString());
    }

    [Fact]
    public async Task An_insert_is_audited_with_its_database_generated_key()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
        var post = (await precincts.ListAsync(new PrecinctListQuery(Search: "№ 17"))).Items.Single();

        var saved = await precincts.SaveBeatAsync(new BeatForm { PrecinctId = post.Id, Name = "Аудит-тест", Population = 10, Households = 3 });

        await using var db = app.NewDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Beat) && a.EntityKey == saved.Id.ToString());
        Assert.Equal(AuditActions.Insert, entry.Action);
        Assert.Null(entry.OldValues);
        Assert.Equal("Аудит-тест", JsonDocument.Parse(entry.NewValues!).RootElement.GetProperty("Name").GetString());
        Assert.Equal(saved.Id, JsonDocument.Parse(entry.NewValues!).RootElement.GetProperty("Id").GetInt32()); // not EF's temporary key
        Assert.Equal(post.Id, JsonDocument.Parse(entry.NewValues!).RootElement.GetProperty("PrecinctId").GetInt32());
    }

    [Fact]
    public async Task Personal_fields_are_named_in_the_audit_trail_never_copied_into_it()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        var appealId = (await appeals.CreateAsync(new AppealForm
        {
            CategoryId = 3,
            ApplicantName = "ZXQN Applicant",
            ApplicantPhone = "+7 701 000 00 99",
            ApplicantEmail = "zxqn@example.org",
            Description = "ZXQN description",
            Address = "ZXQN street 1",
        })).Id;
        await using (var db = await chief.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var appeal = await db.Appeals.SingleAsync(a => a.Id == appealId);
            appeal.ApplicantPhone = "+7 701 000 00 98";
            appeal.StatusNote = "Checked";
            await db.SaveChangesAsync();
        }

        await using var officer = await app.SignedInAsync(Demo.Officer17);
        await using var check = app.NewDbContext();
        var post17 = await check.Precincts.Where(p => p.Number == "17").Select(p => p.Id).SingleAsync();
        var recordId = (await officer.ServiceProvider.GetRequiredService<RecordService>().AddAsync(new RecordForm
        {
            PrecinctId = post17,
            Category = RecordCategory.JuvenileAtRisk,
            FullName = "ZXQN Person",
            BirthDate = new DateTime(2011, 5, 4),
            Address = "ZXQN yard 2",
            Grounds = "ZXQN grounds",
            StartedOn = DateTime.UtcNow.Date.AddDays(-1),
        })).Id;

        var rows = await check.AuditEntries.Where(a => (a.EntityType == nameof(Appeal) && a.EntityKey == appealId.ToString())
            || (a.EntityType == nameof(PreventiveRecord) && a.EntityKey == recordId.ToString())).OrderBy(a => a.Id).ToListAsync();
        Assert.DoesNotContain(rows, r => $"{r.OldValues}{r.NewValues}".Contains("ZXQN", StringComparison.Ordinal)
            || $"{r.OldValues}{r.NewValues}".Contains("701 000", StringComparison.Ordinal)
            || (r.EntityType == nameof(PreventiveRecord) && r.NewValues!.Contains("\"Category\"", StringComparison.Ordinal)));
        var appealInsert = rows.Single(r => r.EntityType == nameof(Appeal) && r.Action == AuditActions.Insert);
        Assert.Superset(new HashSet<string> { "ApplicantName", "ApplicantPhone", "ApplicantEmail", "Description", "Address", "TrackingCode" }, appealInsert.PersonalFields!.ToHashSet());
        Assert.Equal(appealId, JsonDocument.Parse(appealInsert.NewValues!).RootElement.GetProperty("Id").GetInt64());
        var update = rows.Single(r => r.EntityType == nameof(Appeal) && r.Action == AuditActions.Update);
        Assert.Equal(["ApplicantPhone"], update.PersonalFields!);
        Assert.Equal("Checked", JsonDocument.Parse(update.NewValues!).RootElement.GetProperty("StatusNote").GetString());
        var recordInsert = rows.Single(r => r.EntityType == nameof(PreventiveRecord) && r.Action == AuditActions.Insert);
        Assert.Superset(new HashSet<string> { "Category", "FullName", "BirthDate", "Address", "Grounds" }, recordInsert.PersonalFields!.ToHashSet());
        Assert.Equal(post17, JsonDocument.Parse(recordInsert.NewValues!).RootElement.GetProperty("PrecinctId").GetInt32());
    }

    [Fact]
    public async Task Reads_of_personal_data_and_of_the_audit_trail_are_audited()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        var appealId = (await appeals.CreateAsync(new AppealForm
        {
            CategoryId = 3,
            ApplicantName = "Сейткали Арман",
            Description = "Фото во вложении",
            Attachments = [new AttachmentUpload("photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])],
        })).Id;
        await using var check = app.NewDbContext();
        var attachmentId = await check.AppealAttachments.Where(f => f.AppealId == appealId).Select(f => f.Id).SingleAsync();
        var volunteerId = await check.Volunteers.Where(v => check.AssociationCoordinators
            .Any(c => c.AssociationId == v.AssociationId && check.Users.Any(u => u.Id == c.UserId && u.Email == Demo.Coordinator))).Select(v => v.Id).FirstAsync();
        var since = await check.AuditEntries.MaxAsync(a => a.Id);

        Assert.NotNull(await appeals.GetAsync(appealId));
        Assert.NotNull(await appeals.GetAttachmentAsync(appealId, attachmentId));
        await using (var coordinator = await app.SignedInAsync(Demo.Coordinator))
        {
            Assert.NotNull(await coordinator.ServiceProvider.GetRequiredService<AssociationService>().GetVolunteerFormAsync(volunteerId));
        }

        await using (var admin = await app.SignedInAsync(Demo.Admin))
        {
            await admin.ServiceProvider.GetRequiredService<AuditService>().ListAsync(new AuditQuery(EntityType: nameof(Appeal)));
        }

        var reads = await check.AuditEntries.Where(a => a.Id > since && a.Action == AuditActions.Read)
            .Select(a => new { a.UserName, a.EntityType, a.EntityKey }).ToListAsync();
        Assert.Contains(new { UserName = (string?)Demo.Chief, EntityType = (string?)nameof(Appeal), EntityKey = (string?)appealId.ToString() }, reads);
        Assert.Contains(new { UserName = (string?)Demo.Chief, EntityType = (string?)nameof(AppealAttachment), EntityKey = (string?)attachmentId.ToString() }, reads);
        Assert.Contains(new { UserName = (string?)Demo.Coordinator, EntityType = (string?)nameof(Volunteer), EntityKey = (string?)volunteerId.ToString() }, reads);
        Assert.Contains(new { UserName = (string?)Demo.Admin, EntityType = (string?)nameof(AuditEntry), EntityKey = (string?)null }, reads);
    }

    [Fact]
    public async Task Each_save_is_audited_under_its_own_scopes_user_though_contexts_are_reused_from_a_pool()
    {
        await using var check = app.NewDbContext();
        var post = await check.Precincts.OrderBy(p => p.Id).FirstAsync();
        var hours = post.ReceptionHours;
        var since = await check.AuditEntries.MaxAsync(a => a.Id);
        foreach (var (email, n) in new[] { (Demo.Chief, 1), (Demo.Officer17, 2), ((string?)null, 3) })
        {
            await using var scope = await app.SignedInAsync(email);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            (await db.Precincts.SingleAsync(p => p.Id == post.Id)).ReceptionHours = $"Пн–Пт 09:00–1{n}:00";
            await db.SaveChangesAsync();
        }

        var users = await check.AuditEntries.Where(a => a.Id > since && a.EntityType == nameof(Precinct) && a.EntityKey == post.Id.ToString())
            .OrderBy(a => a.Id).Select(a => a.UserName).ToListAsync();
        Assert.Equal([Demo.Chief, Demo.Officer17, null], users);
        await check.Precincts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ReceptionHours, hours));
    }

    [Fact]
    public async Task Secrets_never_reach_the_audit_trail()
    {
        await using var scope = await app.SignedInAsync(null);
        await using var db = app.NewDbContext();

        var userRows = await db.AuditEntries.Where(a => a.EntityType == "ApplicationUser").Select(a => a.NewValues).ToListAsync();

        Assert.NotEmpty(userRows);
        Assert.DoesNotContain(userRows, values => values!.Contains("PasswordHash") || values.Contains("SecurityStamp"));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'Tampered'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task The_audit_table_rejects_updates_and_deletes(string sql)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var before = await CountAsync(connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.MessageText);
        Assert.Equal(before, await CountAsync(connection));
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection) =>
        (long)(await new NpgsqlCommand("SELECT count(*) FROM audit_entries", connection).ExecuteScalarAsync())!;
}
