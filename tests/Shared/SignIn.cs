using System.Text.RegularExpressions;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.Testing;

public static partial class SignIn
{
    /// <summary>
    /// Posts the real sign-in form (its antiforgery token read from the page first) with the client's cookies;
    /// the answer is a redirect when the password is right. For in-process test clients and the benchmarks' HTTP ones.
    /// </summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>
    /// A service scope signed in as the given user, the way an interactive circuit is: services see the
    /// user through the scope's authentication state. Null email: an anonymous scope.
    /// </summary>
    public static async Task<AsyncServiceScope> ScopeAsync(IServiceProvider root, string? email)
    {
        var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var principal = new System.Security.Claims.ClaimsPrincipal();
        if (email is not null)
        {
            var user = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
                ?? throw new InvalidOperationException($"No user {email}");
            principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        }

        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
