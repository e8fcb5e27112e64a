using System.Diagnostics;
using System.Net;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data.EmbeddedPostgres;
using CommunityPolicing.Web.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunityPolicing.IntegrationTests.Data;

/// <summary>
/// The backup of docs/operations.md, done for real: pg_dump -Fc of the app's database, pg_restore into a fresh
/// cluster, and the app started on the copy works as before.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BackupRestoreTests(TestApp app)
{
    [Fact]
    public async Task A_custom_format_dump_restored_into_a_fresh_cluster_runs_the_app_with_the_same_data()
    {
        var folder = Directory.CreateTempSubdirectory("cp-backup-");
        var dump = Path.Combine(folder.FullName, "communitypolicing.dump");
        try
        {
            var chiefAppeals = await ChiefAppealCountAsync(app);
            await using var source = app.NewDbContext();
            var users = await source.Users.CountAsync();
            var lastAudit = await source.AuditEntries.MaxAsync(a => a.Id);
            var audit = await source.AuditEntries.CountAsync();

            await PgToolAsync("pg_dump", app.Database.ConnectionString, "--format=custom", "--file", dump);

            var restored = new RestoredApp(dump);
            await restored.InitializeAsync();
            try
            {
                // Start-up found the migrations applied and the data present: nothing re-seeded, nothing lost.
                Assert.Equal(chiefAppeals, await ChiefAppealCountAsync(restored));
                await using var copy = restored.NewDbContext();
                Assert.Equal(users, await copy.Users.CountAsync());
                Assert.Equal(audit, await copy.AuditEntries.CountAsync(a => a.Id <= lastAudit));

                // Passwords, sign-in and the Data Protection keys came along; sequences go on from where they were.
                using var client = await restored.SignedInClientAsync(Demo.Chief);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/appeals")).StatusCode);
                await using var chief = await restored.SignedInAsync(Demo.Chief);
                var saved = await chief.ServiceProvider.GetRequiredService<AppealService>()
                    .CreateAsync(new AppealForm { CategoryId = 1, IsAnonymous = true, Description = "После восстановления из резервной копии" });
                Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Values));
            }
            finally
            {
                await restored.DisposeAsync();
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<int> ChiefAppealCountAsync(TestApp target)
    {
        await using var chief = await target.SignedInAsync(Demo.Chief);
        return (await chief.ServiceProvider.GetRequiredService<AppealService>().ListAsync(new AppealListQuery())).Total;
    }

    /// <summary>Runs pg_dump or pg_restore from the machine's PostgreSQL against a connection string.</summary>
    internal static async Task PgToolAsync(string tool, string connectionString, params string[] args)
    {
        var bin = EmbeddedPostgresCluster.FindBinDirectory() ?? throw new InvalidOperationException("PostgreSQL binaries not found");
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(bin, tool),
            ["--host", c.Host!, "--port", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", c.Username!, "--dbname", c.Database!, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PGPASSWORD"] = c.Password;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}{await output}");
    }

    /// <summary>The app on a fresh cluster into which the dump was restored before start-up.</summary>
    private sealed class RestoredApp(string dump) : TestApp
    {
        protected override string Name => "cp_restored";

        protected override async Task<TestDatabase> CreateDatabaseAsync()
        {
            var database = await TestDatabase.StartAsync(Name);
            await PgToolAsync("pg_restore", database.ConnectionString, "--no-owner", "--exit-on-error", dump);
            return database;
        }
    }
}
