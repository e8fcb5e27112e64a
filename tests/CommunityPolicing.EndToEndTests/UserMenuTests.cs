using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class UserMenuTests(BrowserApp app)
{
    [Fact]
    public async Task The_user_menu_opens_and_signs_out()
    {
        var page = await app.SignInAsync("officer.30@demo.local", culture: "en");
        string name;
        await using (var db = app.NewDbContext())
        {
            name = db.Users.Single(u => u.Email == "officer.30@demo.local").FullName;
        }

        await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync(name); // the person, not the address
        await page.ClickAsync("[data-testid=user-menu] summary");
        await page.ClickAsync("[data-testid=sign-out]");

        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("/appeals");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
