using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Security;

/// <summary>
/// The demo data in a database of its own, served by an app whose clock the tests move on: these tests transfer demo
/// officers, take coordinators off associations and change roles, which the shared app's other tests must not see.
/// </summary>
public sealed class SessionApp : TestApp
{
    public MovableClock Clock { get; } = new();

    /// <summary>The app on the movable clock: cookies are issued and checked on its time.</summary>
    public WebApplicationFactory<Program> Clocked { get; private set; } = default!;

    protected override string Name => "cp_sessions";

    protected override Task StartAsync()
    {
        Clocked = Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock)));
        _ = Clocked.Services; // migrations and demo data
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await Clocked.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A service scope signed in as the user on the clocked app, as a circuit is.</summary>
    public Task<AsyncServiceScope> SignedInScopeAsync(string email) => SignIn.ScopeAsync(Clocked.Services, email);

    /// <summary>A browser signed in through the sign-in form: it holds the user's cookie and does not follow redirects.</summary>
    public async Task<HttpClient> BrowserAsync(string email, string password = DemoSeeder.Password)
    {
        var client = Clocked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostLoginAsync(email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

/// <summary>The system clock moved on by whatever the test says, so a check due "after a minute" comes without waiting.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}

[CollectionDefinition(Name)]
public sealed class SessionCollection : ICollectionFixture<SessionApp>
{
    public const string Name = "sessions";
}
