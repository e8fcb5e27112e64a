using System.Text.Json;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Precincts;
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
