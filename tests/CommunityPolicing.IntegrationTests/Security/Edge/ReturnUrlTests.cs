using System.Net;
using System.Text.RegularExpressions;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPolicing.IntegrationTests.Security.Edge;

/// <summary>Addresses that only look local (a tab, a backslash, a second slash) or are another site's: all lead to "/".</summary>
public static class Hostile
{
    public static readonly TheoryData<string> ReturnUrls = ["/\t/evil.example", "/\\evil.example", "//evil.example", "https://evil.example", "/ok\\..\\/evil.example"];
}

[Collection(AppCollection.Name)]
public sealed partial class ReturnUrlTests(TestApp app)
{
    [Theory]
    [MemberData(nameof(Hostile.ReturnUrls), MemberType = typeof(Hostile))]
    public async Task The_language_switch_returns_only_to_a_local_path(string returnUrl)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/culture?name=en&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.Local());
    }

    [Theory]
    [MemberData(nameof(Hostile.ReturnUrls), MemberType = typeof(Hostile))]
    public async Task Signing_in_returns_only_to_a_local_path(string returnUrl)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await client.GetStringAsync(url);

        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value,
            ["Input.Email"] = Demo.Officer17,
            ["Input.Password"] = DemoSeeder.Password,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.Local());
    }

    [Fact]
    public async Task A_local_path_is_kept()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/culture?name=en&returnUrl={Uri.EscapeDataString("/appeals?status=Registered")}");

        Assert.Equal("/appeals?status=Registered", response.Headers.Location!.Local());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>The two-factor pages: the set-up's continue link, the code and the recovery-code sign-in.</summary>
public sealed partial class TwoFactorReturnUrlTests(TwoFactorApp app) : IClassFixture<TwoFactorApp>
{
    [Theory]
    [MemberData(nameof(Hostile.ReturnUrls), MemberType = typeof(Hostile))]
    public async Task Two_factor_pages_return_only_to_a_local_path(string returnUrl)
    {
        var user = await app.NewUserAsync(Roles.StationChief, Demo.Chief);
        var query = $"?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        using var setUp = app.NewClient();
        await setUp.PostLoginAsync(user.Email!, DemoSeeder.Password);
        var page = await setUp.GetStringAsync("/Account/TwoFactor" + query);
        var key = SecretPattern().Match(page).Groups[1].Value;
        var done = await setUp.PostFormAsync("/Account/TwoFactor" + query, "two-factor-verify", new() { ["Input.Code"] = Totp.Code(key) });
        var codes = TwoFactorForms.RecoveryCodes(await done.Content.ReadAsStringAsync());
        Assert.Equal("/", ContinueLink(await done.Content.ReadAsStringAsync()));

        using var withCode = app.NewClient();
        await withCode.PostLoginAsync(user.Email!, DemoSeeder.Password);
        var codePage = await withCode.GetStringAsync("/Account/LoginWith2fa" + query);
        Assert.Contains("Account/LoginWithRecoveryCode?ReturnUrl=%2F\"", codePage);
        var signedIn = await withCode.PostFormAsync("/Account/LoginWith2fa" + query, "login-2fa", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.Local());

        using var withRecovery = app.NewClient();
        await withRecovery.PostLoginAsync(user.Email!, DemoSeeder.Password);
        var recovered = await withRecovery.PostFormAsync("/Account/LoginWithRecoveryCode" + query, "login-recovery", new() { ["Input.Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal("/", recovered.Headers.Location!.Local());
    }

    private static string ContinueLink(string html) =>
        WebUtility.HtmlDecode(HrefPattern().Match(ContinuePattern().Match(html).Value).Groups[1].Value);

    [GeneratedRegex("<a [^>]*data-testid=\"continue\"[^>]*>")]
    private static partial Regex ContinuePattern();

    [GeneratedRegex(" href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex SecretPattern();
}
