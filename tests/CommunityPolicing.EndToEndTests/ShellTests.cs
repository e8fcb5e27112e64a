using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

/// <summary>The app's shell is plain HTML (a checkbox drawer, details menus): it must still behave like one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserApp app)
{
    [Fact]
    public async Task On_a_wide_screen_the_drawer_is_open_beside_the_page_and_the_menus_open_and_close()
    {
        var page = await app.SignInAsync("officer.30@demo.local", culture: "en");
        var drawer = page.Locator(".app-drawer");
        await Assertions.Expect(drawer).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=nav] a.active")).ToHaveAttributeAsync("href", "/");

        await page.ClickAsync("label[for=nav-toggle]");
        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await page.ClickAsync("label[for=nav-toggle]");
        await Assertions.Expect(drawer).ToBeVisibleAsync();

        var bell = page.Locator("[data-testid=notifications]");
        await bell.Locator("summary").ClickAsync();
        await Assertions.Expect(bell.Locator(".menu-list")).ToBeVisibleAsync();
        await page.Locator("h1").ClickAsync();
        await Assertions.Expect(bell.Locator(".menu-list")).ToBeHiddenAsync();

        await page.ClickAsync("[data-testid=language] summary");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=language] .menu-list")).ToBeHiddenAsync();
        await page.ClickAsync("[data-testid=language] summary");
        await page.ClickAsync("[data-testid=language] >> text=Русский");
        await page.WaitForURLAsync(url => !url.Contains("culture", StringComparison.Ordinal));
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=nav]")).ToContainTextAsync("Обращения");

        await page.ClickAsync("[data-testid=nav] a[href='/appeals']");
        await page.WaitForURLAsync("**/appeals");
        await Assertions.Expect(page.Locator("[data-testid=nav] a.active")).ToHaveAttributeAsync("href", "/appeals");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_drawer_opens_over_the_page_and_closes_after_a_choice()
    {
        var page = await app.SignInAsync("officer.30@demo.local", phone: true, culture: "en");
        var drawer = page.Locator(".app-drawer");
        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await BrowserApp.ScreenshotAsync(page, "home-officer-phone");

        await page.ClickAsync("label[for=nav-toggle]");
        await Assertions.Expect(drawer).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "nav-phone", fullPage: false);
        await drawer.Locator("a[href='/patrols']").ClickAsync();

        await page.WaitForURLAsync("**/patrols");
        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await page.ClickAsync("[data-testid=user-menu] summary");
        await Assertions.Expect(page.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "user-menu-phone", fullPage: false);
        await page.Context.CloseAsync();
    }
}
