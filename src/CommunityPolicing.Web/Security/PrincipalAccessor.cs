using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommunityPolicing.Web.Security;

/// <summary>
/// The signed-in principal wherever code runs: an HTTP request (static pages, endpoints)
/// or an interactive circuit, where there is no HttpContext.
/// </summary>
public sealed class PrincipalAccessor(IHttpContextAccessor http, IServiceProvider services)
{
    public async Task<ClaimsPrincipal> GetAsync()
    {
        if (http.HttpContext is { } context)
        {
            return context.User;
        }

        var provider = services.GetService<AuthenticationStateProvider>();
        if (provider is null)
        {
            return new ClaimsPrincipal();
        }

        try
        {
            return (await provider.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a circuit (background work, seeding) there is no authentication state.
            return new ClaimsPrincipal();
        }
    }
}
