using System.Net;
using System.Text.RegularExpressions;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Security;

/// <summary>
/// The demo data and, on the same database, a second instance of the app with demo mode off: there the demo
/// roles are held to the two-factor rule as real accounts would be.
/// </summary>
public sealed class TwoFactorApp : TestApp
{
    public WebApplicationFactory<Program> NoDemo { get; private set; } = default!;

    protected override string Name => "cp_2fa";

    protected override async Task StartAsync()
    {
        await base.StartAsync();
        NoDemo = Factory.WithWebHostBuilder(builder => builder.UseSetting("Seed:Demo", "false"));
        _ = NoDemo.Services;
    }

    public override async Task DisposeAsync()
    {
        await NoDemo.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A new account in the role (and the scope of the demo account <paramref name="like"/>), with the demo password.</summary>
    public async Task<ApplicationUser> NewUserAsync(string role, string like)
    {
        await using var scope = NoDemo.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var template = await users.FindByEmailAsync(like) ?? throw new InvalidOperationException(like);
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@example.test";
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            LockoutEnabled = true,
            FullName = "Test " + role,
            DepartmentId = template.DepartmentId,
            PrecinctId = template.PrecinctId,
        };
        Assert.True((await users.CreateAsync(user, DemoSeeder.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public HttpClient NewClient(bool demo = false) =>
        (demo ? Factory : NoDemo).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

/// <summary>Posting the app's static forms as a browser does.</summary>
public static partial class TwoFactorForms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(url);
        var values = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>Password step then, when asked, the code step; returns the final response.</summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(this HttpClient client, string email, string code)
    {
        var password = await client.PostLoginAsync(email, DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var next = password.Headers.Location!.Local();
        Assert.StartsWith("/Account/LoginWith2fa", next, StringComparison.Ordinal);
        return await client.PostFormAsync(next, "login-2fa", new() { ["Input.Code"] = code });
    }

    /// <summary>Sets up two-factor sign-in for a signed-in client; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, string[] RecoveryCodes)> SetUpAsync(this HttpClient client)
    {
        var page = await client.GetStringAsync("/Account/TwoFactor");
        var key = SecretPattern().Match(page).Groups[1].Value;
        Assert.NotEmpty(key);
        var response = await client.PostFormAsync("/Account/TwoFactor", "two-factor-verify", new() { ["Input.Code"] = Totp.Code(key) });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (key, RecoveryCodes(html));
    }

    public static string[] RecoveryCodes(string html) => RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>A redirect's target as a local path (Blazor's redirects are absolute, the app's own relative).</summary>
    public static string Local(this Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("data-testid=\"recovery-code\"[^>]*>([^<]+)<")]
    private static partial Regex RecoveryCodePattern();
}
