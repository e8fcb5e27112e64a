using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.Testing;

public static class SignIn
{
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
}
