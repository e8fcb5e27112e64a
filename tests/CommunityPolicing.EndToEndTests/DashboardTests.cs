using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserApp app)
{
    [Fact]
    public async Task The_Istaravshan_chief_reads_his_own_posts_figures_in_Tajik()
    {
        var page = await app.SignInAsync("chief.istaravshan@demo.local", culture: "tg");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "tg");
        await Assertions.Expect(page.Locator(".app-drawer")).ToContainTextAsync("Саҳифаи асосӣ");
        var posts = page.Locator("[data-testid=precinct-row]");
        await Assertions.Expect(posts.First).ToBeVisibleAsync();
        Assert.All(await posts.AllInnerTextsAsync(), post => Assert.DoesNotContain("УПП", post));
        await Assertions.Expect(posts.Filter(new() { HasText = "Маркази ҳамкории" })).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "home-chief.istaravshan-tg");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_chief_drills_from_a_posts_figure_to_its_beats_and_to_the_very_appeals_it_counts()
    {
        var page = await app.SignInAsync("chief.taraz@demo.local", culture: "en");
        await page.ClickAsync("[data-testid=period] >> text=Year");
        await Assertions.Expect(page.Locator("[data-testid=period-label]")).ToContainTextAsync($"1/1/{DateTime.Today.Year} – 12/31/{DateTime.Today.Year}");
        var row = page.Locator("[data-testid=precinct-row]").First;
        var received = int.Parse(await row.Locator("td").Nth(1).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(received > 0);

        await row.Locator("[data-testid=drill]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=beat-row]").First).ToBeVisibleAsync();
        var beats = await page.Locator("[data-testid=beat-row] td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(received, beats.Sum(b => int.Parse(b, System.Globalization.CultureInfo.InvariantCulture)));
        await BrowserApp.ScreenshotAsync(page, "dashboard-chief-year");

        await row.Locator("td").Nth(1).Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/appeals?**");
        await BrowserApp.WaitForCircuitAsync(page);
        var pager = page.Locator(".mud-table-pagination-caption", new() { HasText = " of " });
        await Assertions.Expect(pager).ToContainTextAsync($"of {received}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_quarterly_report_is_ready_to_print()
    {
        var page = await app.SignInAsync("chief.taraz@demo.local", culture: "en");
        await page.ClickAsync("[data-testid=quarter-report]");
        await page.WaitForURLAsync("**/reports/quarter**");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=summary]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-prevention]")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".app-drawer").IsVisibleAsync());
        await BrowserApp.ScreenshotAsync(page, "quarterly-report-print");
        await page.Context.CloseAsync();
    }
}
