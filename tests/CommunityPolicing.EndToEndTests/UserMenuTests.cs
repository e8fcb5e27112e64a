namespace CommunityPolicing.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class UserMenuTests(BrowserApp app)
{
    [Fact]
    public async Task The_user_menu_opens_and_signs_out()
    {
        var page = await app.SignInAsync("officer.30@demo.local", culture: "en");

        await page.ClickAsync("[data-testid=user-menu] summary");
        await page.ClickAsync("[data-testid=sign-out]");

        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("/appeals");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
