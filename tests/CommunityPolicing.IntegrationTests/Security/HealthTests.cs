using System.Diagnostics;
using System.Net;
using CommunityPolicing.Testing;

namespace CommunityPolicing.IntegrationTests.Security;

/// <summary>Its own app on its own cluster: this test stops the database.</summary>
public sealed class HealthApp : TestApp
{
    protected override string Name => "cp_health";

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.StartAsync(Name, privateCluster: true);
}

public sealed class HealthTests(HealthApp app) : IClassFixture<HealthApp>
{
    [Fact]
    public async Task Health_and_ready_are_200_while_PostgreSQL_answers_and_503_at_once_when_it_does_not_while_live_stays_200()
    {
        // The retries the pages use (10, up to 2 s apart) would hold a health check far longer than a probe waits.
        using var host = app.Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Database:RetryCount", "10").UseSetting("Database:RetryMaxDelaySeconds", "2"));
        using var client = host.CreateClient();
        foreach (var path in new[] { "/health", "/health/ready", "/health/live" })
        {
            Assert.Equal((path, HttpStatusCode.OK), (path, (await client.GetAsync(path)).StatusCode));
        }

        await app.Database.Cluster!.StopAsync();

        foreach (var path in new[] { "/health", "/health/ready" })
        {
            var clock = Stopwatch.StartNew();
            var status = (await client.GetAsync(path)).StatusCode;
            // A generous bound: with the retry strategy the answer took about 17 s; without it, well under 2 s.
            Assert.Equal((path, HttpStatusCode.ServiceUnavailable, true), (path, status, clock.Elapsed < TimeSpan.FromSeconds(5)));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
