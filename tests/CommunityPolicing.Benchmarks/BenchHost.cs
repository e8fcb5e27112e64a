using System.Net;
using CommunityPolicing.Web.Data.EmbeddedPostgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace CommunityPolicing.Benchmarks;

/// <summary>
/// The real app in this process on Kestrel (so HTTP clients and Chromium reach it on a port) over the generated
/// database: no demo data, no reminder job; otherwise the app's own settings.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly string _logs = Path.Combine(Path.GetTempPath(), $"cp-bench-logs-{Guid.NewGuid():N}");

    // cacheDashboards: off for the hot paths, which time the work; on (as in production) for the page loads.
    public BenchHost(string connectionString, bool cacheDashboards)
    {
        var port = EmbeddedPostgresCluster.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSolutionRelativeContentRoot("src/CommunityPolicing.Web")
            .UseEnvironment("Development") // plain-HTTP cookies on loopback; everything else as in production
            .UseSetting("ConnectionStrings:Default", connectionString)
            .UseSetting("Seed:Demo", "false")
            .UseSetting("Logging:Directory", _logs)
            .UseSetting("Patrols:Reminders", "false")
            .UseSetting("RateLimits:SignInsPerClient", "100000") // every simulated user signs in from this machine
            .UseSetting("Security:RequireTwoFactorFor", "") // generated accounts sign in with a password alone
            .UseSetting("Retention:Enabled", "false") // an hourly job; kept out of the timings
            .UseSetting("Dashboards:CacheSeconds", cacheDashboards ? "60" : "0"));
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        Factory.StartServer();
    }

    public WebApplicationFactory<Program> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public string BaseUrl { get; }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (Directory.Exists(_logs))
        {
            Directory.Delete(_logs, recursive: true);
        }
    }
}
