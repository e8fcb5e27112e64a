using System.Net;
using CommunityPolicing.Testing;

namespace CommunityPolicing.IntegrationTests.Security;

/// <summary>Its own app and cluster: this test stops the database.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private readonly TestApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Health_is_200_while_PostgreSQL_answers_and_503_when_it_does_not()
    {
        using var client = _app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        if (_app.Database.Cluster is not { } cluster)
        {
            return; // an external CP_TEST_DATABASE server is not ours to stop
        }

        await cluster.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }
}
