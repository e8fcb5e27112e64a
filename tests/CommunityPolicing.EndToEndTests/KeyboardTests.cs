using System.Globalization;
using Microsoft.EntityFrameworkCore;
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
        await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync(); // the router's focus after navigating, not to race it
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
        await TabToAsync(page, page.Locator("#department"));
        await page.Keyboard.PressAsync("ArrowDown");
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
    public async Task On_a_phone_the_officer_logs_a_visit_with_the_keyboard_alone()
    {
        var page = await app.SignInAsync("officer.17@demo.local", phone: true, culture: "en");
        await page.GotoAsync("/log");
        await BrowserApp.WaitForCircuitAsync(page);

        // A door-to-door visit is the kind the form starts with; the coordinator's journey below chooses from selects.
        await TabToAsync(page, page.Locator("input[data-testid=log-place], [data-testid=log-place] input").First);
        await page.Keyboard.TypeAsync("ul. Zheltoksan, 3");
        await TabToAsync(page, page.Locator("input[data-testid=log-households], [data-testid=log-households] input").First);
        await page.Keyboard.TypeAsync("16");
        await TabToAsync(page, page.Locator("[data-testid=log-save]"));
        await page.Keyboard.PressAsync("Enter");

        var entry = page.Locator("[data-testid=log-entry]", new() { HasText = "ul. Zheltoksan, 3" });
        await Assertions.Expect(entry).ToContainTextAsync("households: 16");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_coordinator_plans_a_patrol_with_the_keyboard_alone()
    {
        var page = await app.SignInAsync("coordinator@demo.local", culture: "en");
        await page.GotoAsync("/patrols");
        await BrowserApp.WaitForCircuitAsync(page);
        var route = $"Keyboard route {Guid.NewGuid():N}";

        // A Wednesday three months ahead: after the demo schedule and the other browser tests' patrols.
        var date = DateTime.Today.AddMonths(3);
        date = date.AddDays(((int)DayOfWeek.Wednesday - (int)date.DayOfWeek + 7) % 7);
        await TabToAsync(page, page.Locator("[data-testid=plan-patrol]"));
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator(".mud-dialog");
        await ChooseAsync(page, dialog.Locator(".mud-select", new() { Has = page.Locator("[data-testid=patrol-precinct]") }).First, "№ 17");
        await Assertions.Expect(dialog.Locator("[data-testid=patrol-association]").First).ToContainTextAsync("Народная дружина");
        await TabToAsync(page, dialog.Locator("[data-testid=patrol-date] input, input[data-testid=patrol-date]").First);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(date.ToString("M/d/yyyy", CultureInfo.InvariantCulture));
        await ChooseAsync(page, dialog.Locator(".mud-select", new() { Has = page.Locator("[data-testid=patrol-officers]") }).First, null, multiple: true);
        await TabToAsync(page, dialog.GetByLabel("Route"));
        await page.Keyboard.TypeAsync(route);
        await TabToAsync(page, dialog.Locator("[data-testid=save]"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await using var db = app.NewDbContext();
        var patrol = await db.Patrols.Where(p => p.Route == route).Select(p => new { p.Date, Officers = p.Participants.Count(x => x.OfficerId != null) }).SingleAsync();
        Assert.Equal(DateOnly.FromDateTime(date), patrol.Date);
        Assert.True(patrol.Officers > 0);
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
        try
        {
            await Assertions.Expect(plan).ToBeFocusedAsync();
        }
        catch (PlaywrightException)
        {
            Assert.Fail("After the dialog the focus is on " + await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'"));
        }

        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Tabs to a select, opens it with Enter, moves down to the option whose text contains <paramref name="option"/> (or the
    /// first one) and takes it with Enter; a multiple select stays open, so Escape closes it then.
    /// </summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string? option, bool multiple = false)
    {
        await TabToAsync(page, select);
        await page.Keyboard.PressAsync("Enter");
        var list = page.Locator(".mud-popover-open .mud-list");
        await Assertions.Expect(list).ToBeVisibleAsync();
        const string Highlighted = "() => document.querySelector('.mud-popover-open .mud-list .mud-selected-item')?.innerText ?? ''";
        var current = await page.EvaluateAsync<string>(Highlighted);
        for (var i = 0; i < 50 && (option is null ? current.Length == 0 : !current.Contains(option, StringComparison.Ordinal)); i++)
        {
            // The server moves the highlight: wait for it before the next key, or keys overtake it and Enter takes another.
            await page.Keyboard.PressAsync("ArrowDown");
            try
            {
                await page.WaitForFunctionAsync($"previous => ({Highlighted})() !== previous", current, new() { Timeout = 2000 });
            }
            catch (TimeoutException)
            {
                // the first key of a list with nothing highlighted yet may only give it the focus
            }

            current = await page.EvaluateAsync<string>(Highlighted);
        }

        await page.Keyboard.PressAsync("Enter");
        if (multiple)
        {
            await Assertions.Expect(list.Locator("[aria-selected=true]").First).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Escape");
        }

        await Assertions.Expect(list).ToHaveCountAsync(0);
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
