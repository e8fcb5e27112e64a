using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CommunityPolicing.Web.Components.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A POST with the antiforgery token of the user menu's form: a link, an image or another site's form signs
        // nobody out (it is sent home, still signed in). Only a signed-in user's sign-out is audited.
        endpoints.MapPost("/Account/Logout", async (HttpContext context, [FromServices] SignInManager<ApplicationUser> signIn,
            [FromServices] AuditLog audit, [FromServices] IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.LocalRedirect("~/");
            }

            if (context.User.Identity?.IsAuthenticated == true)
            {
                await audit.WriteAsync(AuditActions.SignOut, context.User.Identity.Name);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        }).DisableAntiforgery(); // checked above, so a bad token is answered here and not by an error page

        // The language choice lives in the standard culture cookie for a year.
        endpoints.MapGet("/culture", (HttpContext context, string name, string? returnUrl) =>
        {
            if (Cultures.Supported.Contains(name))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            return TypedResults.LocalRedirect("~" + AccountUrls.Local(returnUrl));
        }).AllowAnonymous();
    }
}
