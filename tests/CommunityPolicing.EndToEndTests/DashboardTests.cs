using System.Globalization;
using System.Text.RegularExpressions;
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
    public async Task Every_figure_on_the_chiefs_dashboard_opens_exactly_the_appeals_it_counts()
    {
        // An appeal with no post yet: a citizen names only the city, so the dashboard has its "no post yet" row.
        var citizen = await app.NewPageAsync(culture: "en");
        await citizen.GotoAsync("/public/appeal");
        await citizen.SelectOptionAsync("#category", new SelectOptionValue { Index = 1 });
        await citizen.FillAsync("#description", "Street lights off on the whole block since Monday.");
        await citizen.SelectOptionAsync("#department", new SelectOptionValue { Label = "Taraz city" });
        await citizen.CheckAsync("#anonymous");
        await citizen.ClickAsync("[data-testid=submit]");
        await Assertions.Expect(citizen.Locator("[data-testid=tracking-code]")).ToBeVisibleAsync();
        await citizen.Context.CloseAsync();

        var page = await app.SignInAsync("chief.taraz@demo.local", culture: "en");
        await page.ClickAsync("[data-testid=period] >> text=Year");
        await Assertions.Expect(page.Locator("[data-testid=period-label]")).ToContainTextAsync($"12/31/{DateTime.Today.Year}");
        await Assertions.Expect(page.Locator("[data-testid=precinct-row]", new() { HasText = "No post yet" })).ToHaveCountAsync(1);
        var figures = new List<(string Href, int Count)>();
        foreach (var link in await page.Locator("[data-testid=appeal-figures] a, [data-testid=by-precinct] td a").AllAsync())
        {
            var value = (await link.InnerTextAsync()).Trim().Split('\n')[^1].Trim();
            if (int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en"), out var count)) // not "4.2 / 5"
            {
                figures.Add(((await link.GetAttributeAsync("href"))!, count));
            }
        }

        Assert.True(figures.Count > 10, $"{figures.Count} figures with links");
        Assert.Contains(figures, f => f.Href.Contains("precinct=0", StringComparison.Ordinal) && f.Count > 0);
        foreach (var (href, count) in figures)
        {
            await page.GotoAsync(href);
            await BrowserApp.WaitForCircuitAsync(page);
            if (count == 0)
            {
                await Assertions.Expect(page.GetByText("No appeals match")).ToBeVisibleAsync();
            }
            else
            {
                await Assertions.Expect(page.Locator(".mud-table-pagination-caption", new() { HasText = " of " })).ToHaveTextAsync(new Regex($" of {count}$"));
            }
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_period_still_running_is_compared_with_as_many_days_of_the_one_before()
    {
        var page = await app.SignInAsync("chief.taraz@demo.local", culture: "en");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")).Date; // the department's day
        var compared = page.Locator("[data-testid=compared-with]");

        if (today.Day < DateTime.DaysInMonth(today.Year, today.Month))
        {
            var before = new DateTime(today.Year, today.Month, 1).AddMonths(-1);
            var to = before.AddDays(Math.Min(today.Day, DateTime.DaysInMonth(before.Year, before.Month)) - 1);
            await Assertions.Expect(compared).ToContainTextAsync("the same days of the period before");
            await Assertions.Expect(compared).ToContainTextAsync(to.ToString("d", CultureInfo.GetCultureInfo("en")));
        }

        await page.ClickAsync("[data-testid=period] >> text=Year");
        await Assertions.Expect(compared).ToContainTextAsync(today.Month == 12 && today.Day == 31 ? "compared with" : "the same days");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_quarterly_report_is_ready_to_print()
    {
        var page = await app.SignInAsync("chief.taraz@demo.local", culture: "en");
        await BrowserApp.WaitForCircuitAsync(page); // a click during prerendering would be a full load of the report
        await page.ClickAsync("[data-testid=quarter-report]");
        await page.WaitForURLAsync("**/reports/quarter**", new() { WaitUntil = WaitUntilState.Commit });
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=summary]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-prevention]")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".app-drawer").IsVisibleAsync());
        await BrowserApp.ScreenshotAsync(page, "quarterly-report-print");
        await page.Context.CloseAsync();
    }
}
