using System.Net;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Features.Public;

namespace CommunityPolicing.IntegrationTests.Security.Edge;

/// <summary>Rate limits count the real client: behind a known proxy its X-Forwarded-For, never a header anyone can send.</summary>
[Collection(AppCollection.Name)]
public sealed class ClientLimitTests(TestApp app)
{
    // The limiter counts the post before antiforgery refuses it, so an empty post spends a permit.
    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/public/appeal") { Content = new FormUrlEncodedContent([]) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_known_proxy_passes_on_the_client_address_and_each_client_has_its_own_bucket()
    {
        await using var limited = app.WithSettings((PublicLimits.Setting, "1"));
        using var proxy = limited.ClientFrom("127.0.0.1");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SubmitAsync(proxy, "203.0.113.7")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SubmitAsync(proxy, "203.0.113.8")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SubmitAsync(proxy, "203.0.113.7")).StatusCode);
    }

    [Fact]
    public async Task Proxies_of_a_configured_network_are_believed_and_loopback_then_is_not()
    {
        await using var limited = app.WithSettings((PublicLimits.Setting, "1"), ("ForwardedHeaders:KnownNetworks", "10.1.0.0/16"));
        using var proxy = limited.ClientFrom("10.1.2.3");
        using var loopback = limited.ClientFrom("127.0.0.1");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SubmitAsync(proxy, "203.0.113.30")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SubmitAsync(proxy, "203.0.113.31")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SubmitAsync(proxy, "203.0.113.30")).StatusCode);
        // Loopback is no longer a proxy: its header is ignored and it is one client however it labels itself.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SubmitAsync(loopback, "203.0.113.32")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SubmitAsync(loopback, "203.0.113.33")).StatusCode);
    }

    [Fact]
    public async Task X_forwarded_for_from_a_client_that_is_no_proxy_does_not_change_its_bucket()
    {
        await using var limited = app.WithSettings((PublicLimits.Setting, "1"));
        using var client = limited.ClientFrom("198.51.100.20");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SubmitAsync(client, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SubmitAsync(client, "203.0.113.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SubmitAsync(client)).StatusCode);
    }

    [Fact]
    public async Task A_browser_over_the_flood_ceiling_gets_a_page_in_its_language_that_reads_on_a_phone()
    {
        await using var limited = app.WithSettings((PublicLimits.Setting, "1"));
        using var client = limited.ClientFrom("198.51.100.60");
        client.DefaultRequestHeaders.Add("Accept", "text/html");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dkk%7Cuic%3Dkk");

        await SubmitAsync(client);
        var refused = await SubmitAsync(client);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"kk\">", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("Бірнеше минуттан кейін", html);
    }

    [Fact]
    public async Task Ipv6_clients_in_one_64_share_a_bucket_and_other_prefixes_do_not()
    {
        await using var limited = app.WithSettings((PublicLimits.Setting, "1"));
        using var first = limited.ClientFrom("2001:db8:1:2::1");
        using var sameNetwork = limited.ClientFrom("2001:db8:1:2:ffff:ffff:ffff:fffe");
        using var otherNetwork = limited.ClientFrom("2001:db8:1:3::1");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SubmitAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SubmitAsync(sameNetwork)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SubmitAsync(otherNetwork)).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_are_limited_per_client_across_account_names_with_the_form_and_a_message()
    {
        await using var limited = app.WithSettings(("RateLimits:SignInsPerClient", "3"));
        using var client = limited.ClientFrom("198.51.100.40");
        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.PostLoginAsync($"guess{i}@example.test", "not the password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("data-testid=\"login-error\"", await wrong.Content.ReadAsStringAsync());
        }

        // The fourth attempt, with another account and its right password, is refused before the password is checked.
        var refused = await client.PostLoginAsync(Demo.Officer30, DemoSeeder.Password);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("data-testid=\"too-many-sign-ins\"", html);
        Assert.Contains("name=\"Input.Password\"", html); // the sign-in form, not a bare line
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/appeals")).StatusCode); // not signed in

        using var other = limited.ClientFrom("198.51.100.41");
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostLoginAsync(Demo.Officer30, DemoSeeder.Password)).StatusCode);
    }
}
