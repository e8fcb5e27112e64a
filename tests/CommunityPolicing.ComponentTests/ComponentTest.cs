using System.Globalization;
using System.Security.Claims;
using Bunit;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace CommunityPolicing.ComponentTests;

/// <summary>
/// bUnit with the app's real MudBlazor services, resources and authorization policies; only the signed-in
/// user is made up.
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddTransient<MudLocalizer, MudTexts>();
        Services.AddAuthorizationCore(Policies.Configure);
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        Services.AddCascadingAuthenticationState();
        SignIn(null);
    }

    protected void SignIn(string? role) =>
        Services.AddSingleton<AuthenticationStateProvider>(new FixedUser(role is null
            ? new ClaimsPrincipal()
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone@demo.local"), new Claim(ClaimTypes.Role, role)], "test"))));

    // MudBlazor's services are async-disposable only, and xUnit 2 disposes test classes synchronously.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
            return;
        }

        base.Dispose(disposing);
    }

    private sealed class FixedUser(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
