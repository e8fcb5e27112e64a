using MudBlazor;

namespace CommunityPolicing.Web.Components.Layout;

public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#c28b00",
            AppbarBackground = "#1f4e8c",
            Background = "#f5f7fa",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
