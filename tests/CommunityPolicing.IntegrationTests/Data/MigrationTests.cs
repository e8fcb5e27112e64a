using System.Text.Json;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommunityPolicing.IntegrationTests.Data;

[Collection(AppCollection.Name)]
public sealed class MigrationTests(TestApp app)
{
    [Fact]
    public async Task Every_migration_is_applied_to_the_empty_database_at_start_up()
    {
        await using var db = app.NewDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task The_empty_database_gets_the_Zhambyl_demo_data()
    {
        await using var db = app.NewDbContext();

        var posts = await db.Precincts.Where(p => p.Department!.Name == Demo.TarazDepartment).Select(p => p.Number).ToListAsync();
        Assert.Contains("17", posts);
        Assert.Contains("30", posts);
        Assert.True(await db.Departments.CountAsync() >= 2);
        Assert.InRange(await db.Precincts.CountAsync(), 13, 20);

        // About 38% of district-officer posts are vacant, as in the region's press release.
        var authorised = await db.Precincts.SumAsync(p => p.AuthorisedPosts);
        var filled = await db.Officers.CountAsync(o => o.Position == Web.Domain.OfficerPosition.DistrictInspector
            || o.Position == Web.Domain.OfficerPosition.SeniorDistrictInspector);
        Assert.InRange(100.0 * (authorised - filled) / authorised, 25, 50);
        Assert.True(await db.Officers.AnyAsync(o => !o.LivesOnBeat));
        Assert.True(await db.Precincts.AnyAsync(p => p.Status == Web.Domain.PrecinctStatus.Planned));
        Assert.True(await db.Precincts.AnyAsync(p => p.Status == Web.Domain.PrecinctStatus.UnderConstruction));
    }

    [Fact]
    public async Task The_audit_migration_removes_personal_values_already_recorded_and_says_so()
    {
        await using var database = await TestDatabase.StartAsync("cp_audit_migration");
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(database.ConnectionString).UseSnakeCaseNamingConvention().Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("PerformanceIndexes");
        // Rows as the audit trail wrote them before: the applicant's and the person's values copied verbatim.
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await new Npgsql.NpgsqlCommand("""
            INSERT INTO audit_entries (at, action, entity_type, entity_key, old_values, new_values) VALUES
            (now(), 'Insert', 'Appeal', '1', NULL, '{"Id": -5, "ApplicantName": "Иванов Иван", "TrackingCode": "ABCDEFGH1234", "Status": 0}'),
            (now(), 'Update', 'PreventiveRecord', '2', '{"Grounds": "old grounds", "CheckEveryDays": 30}', '{"Grounds": "new grounds", "CheckEveryDays": 14}'),
            (now(), 'Update', 'Precinct', '3', '{"Address": "ул. Абая, 1"}', '{"Address": "ул. Абая, 2"}')
            """, connection).ExecuteNonQueryAsync();

        await migrator.MigrateAsync();

        var rows = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(4, rows.Count);
        Assert.Equal("""{"Id": -5, "Status": 0}""", rows[0].NewValues);
        Assert.Equal(["TrackingCode", "ApplicantName"], rows[0].PersonalFields!); // in the order of the marking
        Assert.Equal("""{"CheckEveryDays": 30}""", rows[1].OldValues);
        Assert.Equal(["Grounds"], rows[1].PersonalFields!);
        Assert.Contains("ул. Абая, 2", rows[2].NewValues); // a post's address is no one's personal data
        Assert.Null(rows[2].PersonalFields);
        Assert.Equal("Redact", rows[3].Action);
        Assert.Equal(2, JsonDocument.Parse(rows[3].NewValues!).RootElement.GetProperty("rows").GetInt32());
        // The append-only trigger is back on after the migration.
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET action = 'x'"));
    }
}
