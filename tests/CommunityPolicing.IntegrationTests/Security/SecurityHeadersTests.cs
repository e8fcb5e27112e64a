using CommunityPolicing.Testing;

namespace CommunityPolicing.IntegrationTests.Security;

[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(TestApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/public/appeal")]
    [InlineData("/open311/v2/services.json")]
    public async Task Every_response_forbids_framing_sniffing_and_foreign_scripts(string path)
    {
        using var client = app.Factory.CreateClient();

        var response = await client.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
