using MudBlazor;

namespace CommunityPolicing.Web.Components.Layout;

/// <summary>
/// The palette is where contrast is won (WCAG 2.1 AA, 4.5:1): every colour below carries text, on white and on the
/// page background, as filled chips and buttons (white text) and as outlined alerts and text buttons (coloured text).
/// MudBlazor's defaults (orange #ff9800, green #00c853, blue #2196f3) fall between 2:1 and 3:1.
/// </summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",      // 8.3:1 on white
            Secondary = "#8a5a00",    // 5.9:1
            Info = "#1565c0",         // 5.8:1
            Success = "#2e7d32",      // 5.1:1
            Warning = "#b45309",      // 5.0:1
            Error = "#c62828",        // 5.6:1
            TextSecondary = "rgba(0,0,0,0.64)",
            AppbarBackground = "#1f4e8c",
            Background = "#f5f7fa",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
