using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

/// <summary>The key journeys with the keyboard alone: Tab to move, Enter and Space to act, Escape to leave a dialog.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserApp app)
{
    [Fact]
    public async Task The_first_tab_stop_skips_to_the_page_and_focus_is_always_visible()
    {
        var page = await app.SignInAsync("officer.17@demo.local", culture: "en");
        await page.GotoAsync("/appeals");
        await BrowserApp.WaitForCircuitAsync(page);
        var url = page.Url;

        // From the top of the page, as a keyboard user arriving there (after a link, focus is on the page's heading).
        await page.EvaluateAsync("() => { document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); }");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(".skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
        Assert.Equal(url, page.Url);

        // The next stop is inside the page, and it shows where the focus is.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_files_an_appeal_on_the_portal_with_the_keyboard_alone()
    {
        var page = await app.NewPageAsync(phone: true, culture: "ru");
        await page.GotoAsync("/public/appeal");

        await TabToAsync(page, page.Locator("#category"));
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, page.Locator("#description"));
        await page.Keyboard.TypeAsync("Во дворе по ночам жгут костры, дым идёт в окна.");
        await TabToAsync(page, page.Locator("#address"));
        await page.Keyboard.TypeAsync("ул. Толе би, 12");
        await TabToAsync(page, page.Locator("#name"));
        await page.Keyboard.TypeAsync("Сейтказина Алия");
        await TabToAsync(page, page.Locator("#phone"));
        await page.Keyboard.TypeAsync("+7 701 555 44 33");
        await TabToAsync(page, page.Locator("#consent"));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.Locator("[data-testid=submit]"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-testid=tracking-code]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_chief_opens_a_figures_records_with_the_keyboard()
    {
        var page = await app.SignInAsync("chief.taraz@demo.local", culture: "en");
        var figure = page.Locator("[data-testid=precinct-row]").First.Locator("td").Nth(1).Locator("a");

        await TabToAsync(page, figure);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/appeals?**");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_dialog_keeps_the_focus_inside_and_gives_it_back_when_it_closes()
    {
        var page = await app.SignInAsync("coordinator@demo.local", culture: "en");
        await page.GotoAsync("/patrols");
        await BrowserApp.WaitForCircuitAsync(page);
        var plan = page.Locator("[data-testid=plan-patrol]");

        await TabToAsync(page, plan);
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"), $"Tab {i + 1} left the dialog");
        }

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(plan).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the element (or a part of it) has the focus; fails if it is not reachable.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        await target.WaitForAsync();
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}");
    }
}
