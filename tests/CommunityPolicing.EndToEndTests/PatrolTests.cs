using System.Globalization;
using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class PatrolTests(BrowserApp app)
{
    [Fact]
    public async Task The_coordinator_plans_a_series_a_double_booking_is_refused_and_officer_17s_report_shows_in_the_associations_hours()
    {
        var coordinator = await app.SignInAsync("coordinator@demo.local", culture: "en");
        await coordinator.GotoAsync("/patrols");
        await BrowserApp.WaitForCircuitAsync(coordinator);
        await BrowserApp.ScreenshotAsync(coordinator, "patrols");

        // Fridays and Saturdays, 19:00–23:00, for four weeks two months ahead (after the demo schedule ends).
        var first = DateTime.Today.AddMonths(2);
        first = first.AddDays(((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7);
        // Started on the Thursday, then moved to the Friday: the series' weekday follows the first date.
        var dialog = await OpenPlanAsync(coordinator, first.AddDays(-1));
        await Input(dialog, "patrol-repeat").CheckAsync();
        await Assertions.Expect(Input(dialog, "weekday-Thursday")).ToBeCheckedAsync();
        await FillDateAsync(dialog, "patrol-date", first);
        await Assertions.Expect(Input(dialog, "weekday-Friday")).ToBeCheckedAsync();
        await Assertions.Expect(Input(dialog, "weekday-Thursday")).Not.ToBeCheckedAsync();
        await FillDateAsync(dialog, "patrol-until", first.AddDays(22));
        await Input(dialog, "weekday-Saturday").CheckAsync();
        // The dates it will create are listed before Save: four Fridays and four Saturdays.
        await Assertions.Expect(dialog.Locator("[data-testid=series-preview] li")).ToHaveCountAsync(8);
        await Assertions.Expect(dialog.Locator("[data-testid=series-preview]")).ToContainTextAsync("Dates to plan: 8");
        await ChooseFirstOfficerAsync(coordinator, dialog);

        // Members who may not patrol on that day cannot be chosen, and say why.
        await dialog.Locator("[data-testid=patrol-volunteers]").First.ClickAsync();
        var members = coordinator.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(members.First).ToBeVisibleAsync();
        var barred = members.Filter(new() { Has = coordinator.Locator("[data-testid=not-eligible]") });
        Assert.True(await barred.CountAsync() > 0);
        await Assertions.Expect(barred.First).ToContainTextAsync("may not patrol:");
        await Assertions.Expect(barred.First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-list-item-disabled"));
        await BrowserApp.ScreenshotAsync(coordinator, "patrol-plan-members", fullPage: false);
        await CloseListAsync(coordinator);
        await BrowserApp.ScreenshotAsync(coordinator, "patrol-plan", fullPage: false);
        await dialog.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(coordinator.Locator(".mud-dialog")).ToHaveCountAsync(0);

        // The same officer on the first Friday and Sunday, 21:00–01:00: the Friday clashes with the series, with who and
        // which patrol; the Sunday is planned on its own, and the Friday stays listed with a way to plan it again.
        dialog = await OpenPlanAsync(coordinator, first);
        await FillTimeAsync(dialog, "patrol-start", "21:00");
        await FillTimeAsync(dialog, "patrol-end", "01:00");
        await Input(dialog, "patrol-repeat").CheckAsync();
        await FillDateAsync(dialog, "patrol-until", first.AddDays(2));
        await Input(dialog, "weekday-Sunday").CheckAsync();
        await ChooseFirstOfficerAsync(coordinator, dialog);
        await dialog.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=conflicts]")).ToContainTextAsync("is already on another patrol at that time: №");
        await BrowserApp.ScreenshotAsync(coordinator, "patrol-conflict", fullPage: false);
        await dialog.Locator("[data-testid=save-free]").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=skipped]")).ToContainTextAsync("Planned: 1. Not planned because of conflicts: 1.");
        await Assertions.Expect(dialog.Locator("[data-testid=skipped-date]")).ToContainTextAsync("is already on another patrol at that time: №");
        await dialog.Locator("[data-testid=retry-date]").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=retrying]")).ToBeVisibleAsync();
        await Assertions.Expect(Input(dialog, "patrol-date")).ToHaveValueAsync(first.ToString("M/d/yyyy", CultureInfo.InvariantCulture));
        await Assertions.Expect(Input(dialog, "patrol-start")).ToHaveValueAsync("21:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=retry-date]")).ToBeVisibleAsync();
        await dialog.Locator("[data-testid=done]").ClickAsync();
        await Assertions.Expect(coordinator.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await coordinator.ClickAsync("[data-testid=calendar-next]");
        await coordinator.ClickAsync("[data-testid=calendar-next]");
        await Assertions.Expect(coordinator.Locator("[data-testid=calendar-patrol]", new() { HasText = "19:00–23:00" }).First).ToBeVisibleAsync();
        await coordinator.Context.CloseAsync();

        // officer.17 reports the patrol that ended without a report; the association's patrol hours grow.
        var officer = await app.SignInAsync("officer.17@demo.local", culture: "en");
        await officer.GotoAsync("/associations");
        await BrowserApp.WaitForCircuitAsync(officer);
        await BrowserApp.OpenRowAsync(officer, "associations-grid", "Народная дружина", "**/associations/*");
        var associationUrl = officer.Url;
        var before = await YearHoursAsync(officer);

        await officer.GotoAsync("/patrols");
        await BrowserApp.WaitForCircuitAsync(officer);
        await officer.Locator("[data-testid=awaiting-patrol]").First.ClickAsync();
        await officer.WaitForURLAsync("**/patrols/*");
        await BrowserApp.WaitForCircuitAsync(officer);
        await officer.ClickAsync("[data-testid=file-report]");
        var report = officer.Locator(".mud-dialog");
        await Input(report, "incidents").FillAsync("1");
        await BrowserApp.ScreenshotAsync(officer, "patrol-report", fullPage: false);
        await report.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid=report]")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("[data-testid=patrol-status]")).ToHaveTextAsync("Completed");
        await BrowserApp.ScreenshotAsync(officer, "patrol");

        await officer.GotoAsync(associationUrl);
        await BrowserApp.WaitForCircuitAsync(officer);
        Assert.True(await YearHoursAsync(officer) > before);
        await officer.ClickAsync("[data-testid=month-report]");
        await Assertions.Expect(officer.Locator("[data-testid=report-patrols]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(officer, "association-month-report");
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task The_patrol_calendar_becomes_an_agenda_on_a_phone()
    {
        var page = await app.SignInAsync("officer.17@demo.local", phone: true, culture: "ru");
        await page.GotoAsync("/patrols");
        await BrowserApp.WaitForCircuitAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=calendar-patrol]").First).ToBeVisibleAsync();
        Assert.False(await page.Locator(".patrol-calendar .weekday").First.IsVisibleAsync());
        await BrowserApp.ScreenshotAsync(page, "patrols-phone");
        await page.Context.CloseAsync();
    }

    private static async Task<ILocator> OpenPlanAsync(IPage page, DateTime date)
    {
        await page.ClickAsync("[data-testid=plan-patrol]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("[data-testid=patrol-precinct]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "№ 17" }).First.ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=patrol-association]").First).ToContainTextAsync("Народная дружина");
        await FillDateAsync(dialog, "patrol-date", date);
        return dialog;
    }

    private static async Task ChooseFirstOfficerAsync(IPage page, ILocator dialog)
    {
        await dialog.Locator("[data-testid=patrol-officers]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await CloseListAsync(page);
    }

    /// <summary>Closes a multi-select's open list: Escape, or (when the click left the focus on an item) a click beside it.</summary>
    private static async Task CloseListAsync(IPage page)
    {
        var open = page.Locator(".mud-popover-open .mud-list-item");
        await page.Keyboard.PressAsync("Escape");
        try
        {
            await Assertions.Expect(open).ToHaveCountAsync(0, new() { Timeout = 2000 });
        }
        catch (PlaywrightException)
        {
            await page.Locator(".mud-overlay").Last.ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
            await Assertions.Expect(open).ToHaveCountAsync(0);
        }
    }

    private static async Task FillDateAsync(ILocator dialog, string testId, DateTime date)
    {
        var input = Input(dialog, testId);
        await input.FillAsync(date.ToString("M/d/yyyy", CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }

    private static async Task FillTimeAsync(ILocator dialog, string testId, string time)
    {
        var input = Input(dialog, testId);
        await input.FillAsync(time);
        await input.PressAsync("Tab");
    }

    /// <summary>MudBlazor puts data-testid on the input of some inputs and on the wrapper of others.</summary>
    private static ILocator Input(ILocator scope, string testId) => scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static async Task<decimal> YearHoursAsync(IPage page)
    {
        var figure = page.Locator("[data-testid=patrol-hours] .figure-value").Nth(2);
        await figure.WaitForAsync();
        return decimal.Parse(await figure.InnerTextAsync(), CultureInfo.InvariantCulture);
    }
}
