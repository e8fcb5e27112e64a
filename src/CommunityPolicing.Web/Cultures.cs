using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CommunityPolicing.Web;

/// <summary>The app's languages. The choice is kept in the standard culture cookie.</summary>
public static class Cultures
{
    public static readonly string[] Supported = ["en", "ru", "kk", "tg"];

    public static RequestLocalizationOptions LocalizationOptions(IConfiguration configuration)
    {
        var fallback = configuration["Localization:DefaultCulture"] ?? "ru";
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Supported.Contains(fallback) ? fallback : "ru")
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);

        // Only an explicit choice changes the language; the browser's Accept-Language does not.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>The address that switches to <paramref name="culture"/> and comes back to <paramref name="returnUrl"/>.</summary>
    public static string SwitchLink(string culture, string returnUrl) => $"culture?name={culture}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string NativeName(string culture) =>
        CultureInfo.GetCultureInfo(culture).NativeName is var name && name.Length > 0
            ? char.ToUpper(name[0], CultureInfo.GetCultureInfo(culture)) + name[1..]
            : culture;
}
