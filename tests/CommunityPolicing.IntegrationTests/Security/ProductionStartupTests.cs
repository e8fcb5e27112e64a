using CommunityPolicing.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPolicing.IntegrationTests.Security;

[Collection(AppCollection.Name)]
public sealed class ProductionStartupTests(TestApp app)
{
    [Fact]
    public void Production_refuses_to_start_while_demo_accounts_exist()
    {
        using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("AllowedHosts", "police.example.kz")
            .UseSetting("ConnectionStrings:Default", app.Database.ConnectionString)
            .UseSetting("Logging:Directory", Path.Combine(Path.GetTempPath(), "cp-test-logs-production")));

        var error = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("Demo accounts", error.ToString());
    }

    [Theory]
    [InlineData("*")]
    [InlineData("police.example.kz;*")]
    [InlineData("")]
    public void Production_refuses_to_start_without_named_hosts(string hosts)
    {
        using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("AllowedHosts", hosts)
            .UseSetting("ConnectionStrings:Default", app.Database.ConnectionString)
            .UseSetting("Logging:Directory", Path.Combine(Path.GetTempPath(), "cp-test-logs-production")));

        var error = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("AllowedHosts", error.ToString());
    }
}
