using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CommunityPolicing.Web.Components.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (HttpContext context, [FromServices] SignInManager<ApplicationUser> signIn,
            [FromServices] AuditLog audit) =>
        {
            await audit.WriteAsync(AuditActions.SignOut, context.User.Identity?.Name);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        // The language choice lives in the standard culture cookie for a year.
        endpoints.MapGet("/culture", (HttpContext context, string name, string? returnUrl) =>
        {
            if (Cultures.Supported.Contains(name))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            var local = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\");
            return TypedResults.LocalRedirect(local ? "~" + returnUrl : "~/");
        }).AllowAnonymous();
    }
}
