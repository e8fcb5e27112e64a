using System.Globalization;
using System.Runtime.InteropServices;
using CommunityPolicing.Benchmarks.Blank;
using CommunityPolicing.DataGen;
using CommunityPolicing.Web.Data.EmbeddedPostgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CommunityPolicing.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/CommunityPolicing.Benchmarks [-- --iterations 100 --only dashboard --skip-http --skip-circuits]
/// Runs against the dataset CommunityPolicing.DataGen made (default .data/national on port 55433); prints Markdown.
/// </summary>
internal static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        var options = Arguments.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("""
                Usage: CommunityPolicing.Benchmarks [--data-dir .data/national] [--port 55433] [--connection <connection string>]
                       [--iterations 100] [--only <part of a path's name>] [--users 20] [--skip-http] [--skip-circuits]
                       [--circuit-page /] [--explain plans.md]
                """);
            return 2;
        }

        await using var cluster = options.Get("connection") is null
            ? await EmbeddedPostgresCluster.StartAsync(options.Get("data-dir") ?? Path.Combine(".data", "national"),
                int.Parse(options.Get("port") ?? "55433", CultureInfo.InvariantCulture), "communitypolicing", NullLogger.Instance)
            : null;
        var connectionString = options.Get("connection") ?? cluster!.ConnectionString("communitypolicing");
        await using var source = NpgsqlDataSource.Create(connectionString);
        var who = await Subjects.FindAsync(source);
        await MachineAsync(source, who);

        // Listening before the app starts: a pooled context's EF loggers, once they found nobody listening, do not look
        // again for a while.
        using var capture = new SqlCapture();
        var host = new BenchHost(connectionString, cacheDashboards: false);
        var iterations = int.Parse(options.Get("iterations") ?? "100", CultureInfo.InvariantCulture);
        var only = options.Get("only");
        var paths = HotPaths.For(who).Where(p => only is null || p.Name.Contains(only, StringComparison.OrdinalIgnoreCase));
        Console.WriteLine($"\nHot paths ({iterations} calls of each, in turns with its SQL, after every path was warmed up for 50 calls and a second):");
        await using var plans = options.Get("explain") is { } file ? File.CreateText(file) : null;
        var results = await HotPaths.RunAsync(host, capture, source, paths, iterations, Console.Out, plans);
        Console.WriteLine("""

            | Path | Service p50 | Service p95 | SQL p50 | SQL p95 | Statements | Service ÷ SQL (p50) | Allocated per call (service / SQL) | Target p95 | Met |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|:-:|
            """);
        foreach (var r in results)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Path.Name} | {r.Service.P50:F1} ms | {r.Service.P95:F1} ms | {r.Sql.P50:F1} ms | {r.Sql.P95:F1} ms | {r.Statements} | {r.Ratio:F2} | {r.Service.AllocatedKb:F0} KB / {r.Sql.AllocatedKb:F0} KB | ≤ {r.Path.TargetMs} ms | {(r.Met ? "yes" : "no")} |"));
        }

        await host.DisposeAsync();
        await using var app = new BenchHost(connectionString, cacheDashboards: true);

        if (!options.Has("skip-http"))
        {
            var users = int.Parse(options.Get("users") ?? "20", CultureInfo.InvariantCulture);
            var load = await PrerenderLoad.RunAsync(app.BaseUrl, who.Chief, who.Password, users, 10, "data-testid=\"quarter-report\"");
            Console.WriteLine(FormattableString.Invariant(
                $"\nPrerendered GET / as the chief, {users} concurrent users, {load.Count} requests: p50 {load.P50:F0} ms, p95 {load.P95:F0} ms (target p95 ≤ 300 ms)"));
        }

        if (!options.Has("skip-circuits"))
        {
            var path = options.Get("circuit-page") ?? "/";
            var officer = await CircuitMemory.MeasureAsync($"Officer's {(path == "/" ? "dashboard" : path)}", app.BaseUrl, path,
                context => SignInAsync(context, who.Officer, who.Password));
            await using var blankHost = await BlankHost.StartAsync();
            var blank = await CircuitMemory.MeasureAsync("Blank template (Counter page)", blankHost.BaseUrl, "/");
            Console.WriteLine("""

                | Idle circuits on | Heap at 10 / 30 / 60 pages | Per circuit (slope) |
                |---|---|---:|
                """);
            foreach (var m in new[] { officer, blank })
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"| {m.Page} | {string.Join(" / ", m.Points.Select(p => $"{p.HeapBytes / 1048576.0:F1} MB"))} | {m.BytesPerCircuit / 1024:F0} KB |"));
            }
        }

        return 0;
    }

    private static async Task SignInAsync(Microsoft.Playwright.IBrowserContext context, string email, string password)
    {
        var page = await context.NewPageAsync(); // stays open: one more circuit at every step, so the slope is unchanged
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    private static async Task MachineAsync(NpgsqlDataSource source, Subjects who)
    {
        await using var command = source.CreateCommand("SELECT version(), (SELECT count(*) FROM appeals), pg_size_pretty(pg_database_size(current_database()))");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"""
            Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}
            Database: {reader.GetString(0).Split(',')[0]}, {reader.GetInt64(1):N0} appeals, {reader.GetString(2)}
            Signed in as: chief {who.Chief}, officer {who.Officer}, administrator {who.Administrator}
            """);
    }
}
