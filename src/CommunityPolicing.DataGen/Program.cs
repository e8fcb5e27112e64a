using System.Diagnostics;
using System.Globalization;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Data.EmbeddedPostgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CommunityPolicing.DataGen;

/// <summary>
/// dotnet run -c Release --project src/CommunityPolicing.DataGen -- --scale national [--compare-ef]
/// Fills a private PostgreSQL cluster under .data/(scale), or into --connection, with a generated country; see docs/performance.md.
/// </summary>
internal static class Cli
{
    public static async Task<int> Main(string[] args)
    {
        var options = Arguments.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("""
                Usage: CommunityPolicing.DataGen [--scale national|region|city|tiny] [--connection <connection string>]
                       [--data-dir <folder>] [--port <port>] [--seed <n>] [--now <yyyy-MM-ddTHH:mm:ssZ>] [--reset] [--compare-ef [<appeals>]]
                Without --connection a private cluster is started in --data-dir (default .data/<scale>) on --port (default 55433).
                """);
            return 2;
        }

        var scale = Scale.Parse(options.Get("scale") ?? "city");
        await using var cluster = options.Get("connection") is null
            ? await EmbeddedPostgresCluster.StartAsync(options.Get("data-dir") ?? Path.Combine(".data", scale.Name),
                int.Parse(options.Get("port") ?? "55433", CultureInfo.InvariantCulture), "communitypolicing", NullLogger.Instance)
            : null;
        var connectionString = options.Get("connection") ?? cluster!.ConnectionString("communitypolicing");
        var now = options.Get("now") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : DateTimeOffset.UtcNow;
        var seed = int.Parse(options.Get("seed") ?? "1", CultureInfo.InvariantCulture);

        Console.WriteLine($"Generating the '{scale.Name}' scale (seed {seed}, now {now:u}) into {new NpgsqlConnectionStringBuilder(connectionString) { Password = null }}");
        var total = Stopwatch.StartNew();
        await GeneratedDatabase.PrepareAsync(connectionString, options.Has("reset"));
        await using (var loading = GeneratedDatabase.Loading(connectionString))
        {
            await new Generator(loading, scale, seed, now, Console.Out).RunAsync();
        }

        Console.WriteLine($"  {total.Elapsed.TotalSeconds,6:F1} s  in all");
        await GeneratedDatabase.PrintCountsAsync(connectionString);

        if (options.Has("compare-ef"))
        {
            var count = int.TryParse(options.Get("compare-ef"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;
            await EfComparison.RunAsync(connectionString, scale, seed, now, count, Console.Out);
        }

        if (cluster is not null)
        {
            Console.WriteLine($"""

                Run the app on this data (accounts admin@, chief.<department>@, officer.<officer>@, coordinator.<association>@{Generator.EmailDomain},
                password {Generator.Password}):
                  EmbeddedDatabase__DataDirectory={cluster.DataDirectory} EmbeddedDatabase__Port={cluster.Port} Seed__Demo=false ./run.sh
                """);
        }

        return 0;
    }
}

/// <summary>--name value pairs; a flag without a value is present with a null value.</summary>
internal sealed class Arguments(Dictionary<string, string?> values)
{
    public string? Get(string name) => values.GetValueOrDefault(name);

    public bool Has(string name) => values.ContainsKey(name);

    public static Arguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string?>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i] == "--help")
            {
                return null;
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return new Arguments(values);
    }
}

internal static class GeneratedDatabase
{
    public static AppDbContext Context(string connectionString) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);

    /// <summary>Bulk-loading sessions: no per-row foreign-key triggers, no wait for the WAL flush on commit.</summary>
    public static NpgsqlDataSource Loading(string connectionString) => NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Options = "-c session_replication_role=replica -c synchronous_commit=off",
            CommandTimeout = 0,
        });

    /// <summary>The schema by the app's own migrations, into an empty database (or emptied with --reset).</summary>
    public static async Task PrepareAsync(string connectionString, bool reset)
    {
        await using var db = Context(connectionString);
        if (reset)
        {
            await db.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }

        await db.Database.MigrateAsync();
        if (await db.Departments.AnyAsync() || await db.Users.AnyAsync())
        {
            throw new InvalidOperationException("The database already holds data. Pass --reset to replace it.");
        }
    }

    public static async Task PrintCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "departments", "precincts", "beats", "officers", "associations", "volunteers", "appeals", "patrols", "patrol_participants", "prevention_activities", "\"AspNetUsers\"" })
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            Console.WriteLine($"  {(long)(await count.ExecuteScalarAsync())!,10:N0}  {table}");
        }
    }
}
