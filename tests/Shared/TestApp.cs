using CommunityPolicing.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.Testing;

/// <summary>The real app on a throwaway PostgreSQL database with the demo data, as the tests drive it.</summary>
public class TestApp : IAsyncLifetime
{
    private readonly string _logs = Path.Combine(Path.GetTempPath(), $"cp-test-logs-{Guid.NewGuid():N}");

    public TestDatabase Database { get; private set; } = default!;

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    protected virtual string Name => "cp_test";

    /// <summary>Whether the app seeds its demo data into the empty database at start-up.</summary>
    protected virtual bool DemoData => true;

    /// <summary>The database the app runs on: a fresh one, or one prepared first (a restored backup).</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.StartAsync(Name);

    protected virtual void Configure(WebApplicationFactory<Program> factory)
    {
    }

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Development")
            .UseSetting("ConnectionStrings:Default", Database.ConnectionString)
            .UseSetting("Seed:Demo", DemoData ? "true" : "false")
            .UseSetting("Logging:Directory", _logs)
            .UseSetting("Patrols:Reminders", "false") // tests run the reminders themselves
            .UseSetting("Retention:Enabled", "false") // and the retention job
            .UseSetting("Dashboards:CacheSeconds", "0") // tests change data and read the figures at once; DashboardTests checks the cache
            .UseSetting("RateLimits:PublicSubmissions", "10000") // tests post far more than one visitor; some tests check the limits
            .UseSetting("RateLimits:PublicRequests", "10000")
            .UseSetting("RateLimits:SignInsPerClient", "10000")); // and sign in far more often; ClientLimitTests check both
        Configure(Factory);
        await StartAsync();
    }

    protected virtual Task StartAsync()
    {
        _ = Factory.Services; // starts the host: migrations and demo data
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(_logs))
        {
            Directory.Delete(_logs, recursive: true);
        }
    }

    /// <summary>A context straight on the test database, for arranging and checking; it bypasses services and audit.</summary>
    public AppDbContext NewDbContext() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseNpgsql(Database.ConnectionString).UseSnakeCaseNamingConvention().Options);

    /// <summary>A service scope signed in as the given user, as a circuit is (see <see cref="SignIn"/>); null: anonymous.</summary>
    public Task<AsyncServiceScope> SignedInAsync(string? email) => SignIn.ScopeAsync(Factory.Services, email);
}
