using CommunityPolicing.DataGen;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Dashboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunityPolicing.IntegrationTests.Data;

/// <summary>The app on a database filled by the data generator (the tiny scale) instead of the demo data.</summary>
public sealed class GeneratedApp : TestApp
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    protected override string Name => "cp_gen";

    protected override bool DemoData => false;

    protected override async Task StartAsync()
    {
        await GeneratedDatabase.PrepareAsync(Database.ConnectionString, reset: false);
        await using var loading = GeneratedDatabase.Loading(Database.ConnectionString);
        await new Generator(loading, Scale.Tiny, seed: 7, Now, TextWriter.Null).RunAsync();
        await base.StartAsync();
    }
}

public sealed class DataGenTests(GeneratedApp app) : IClassFixture<GeneratedApp>
{
    [Fact]
    public async Task Generates_the_scale_s_numbers_of_records()
    {
        await using var db = app.NewDbContext();
        Assert.Equal(Scale.Tiny.Departments, await db.Departments.CountAsync());
        Assert.Equal(Scale.Tiny.Precincts, await db.Precincts.CountAsync());
        Assert.Equal(Scale.Tiny.Beats, await db.Beats.CountAsync());
        Assert.Equal(Scale.Tiny.Officers, await db.Officers.CountAsync());
        Assert.Equal(Scale.Tiny.Volunteers, await db.Volunteers.CountAsync());
        Assert.Equal(Scale.Tiny.Appeals, await db.Appeals.CountAsync());
        Assert.Equal(Scale.Tiny.Patrols, await db.Patrols.CountAsync());
        Assert.Equal(Scale.Tiny.PreventionActivities, await db.PreventionActivities.CountAsync());
        Assert.True(await db.Appeals.AllAsync(a => a.RegisteredAt <= GeneratedApp.Now && a.RegisteredAt > GeneratedApp.Now.AddYears(-Scale.Years)));
    }

    /// <summary>COPY ran without foreign-key triggers: every foreign key of the schema is checked here instead.</summary>
    [Fact]
    public async Task Every_foreign_key_points_at_an_existing_row()
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var keys = new List<(string Child, string Column, string Parent, string Key)>();
        await using (var query = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, pa.attname
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
            """, connection))
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        Assert.Contains(keys, k => k.Child == "appeals" && k.Column == "assigned_officer_id");
        foreach (var (child, column, parent, key) in keys)
        {
            await using var orphans = new NpgsqlCommand(
                $"SELECT count(*) FROM {child} c WHERE c.\"{column}\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.\"{key}\" = c.\"{column}\")",
                connection);
            Assert.True((long)(await orphans.ExecuteScalarAsync())! == 0, $"{child}.{column} has rows without a {parent}");
        }
    }

    [Fact]
    public void The_same_seed_and_now_give_the_same_data()
    {
        static string First(int seed) =>
            string.Join("|", new Activity(Organisation.Build(Scale.Tiny, seed), seed, GeneratedApp.Now).Appeals(50)
                .Select(a => $"{a.TrackingCode}{a.BeatId}{a.Status}{a.RegisteredAt:O}{a.ApplicantName}"));

        Assert.Equal(First(7), First(7));
        Assert.NotEqual(First(7), First(8));
    }

    [Fact]
    public async Task A_generated_chief_signs_in_and_the_dashboard_agrees_with_the_database()
    {
        await using var db = app.NewDbContext();
        var department = await db.Departments.OrderBy(d => d.Id).FirstAsync();
        await using var scope = await app.SignedInAsync($"chief.{department.Id}@{Generator.EmailDomain}");
        var year = Period.Of(PeriodKind.Year, LocalTime.Date(DateTimeOffset.UtcNow, department.TimeZoneId));
        var (from, to) = LocalTime.Range(department.TimeZoneId, year.From, year.To);

        var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardService>().ChiefAsync(year);
        var list = await scope.ServiceProvider.GetRequiredService<AppealService>().ListAsync(new AppealListQuery());

        Assert.NotNull(dashboard);
        Assert.Equal(await db.Appeals.CountAsync(a => a.DepartmentId == department.Id && a.RegisteredAt >= from && a.RegisteredAt < to), dashboard.Appeals.Received);
        Assert.Equal(await db.Appeals.CountAsync(a => a.DepartmentId == department.Id), list.Total);
        Assert.False(list.TotalIsEstimate);
        Assert.True(dashboard.Appeals.Received > 0);
    }
}
