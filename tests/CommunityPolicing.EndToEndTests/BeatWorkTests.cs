using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class BeatWorkTests(BrowserApp app)
{
    [Fact]
    public async Task On_a_phone_officer_17_logs_a_door_to_door_visit_and_marks_a_planned_lecture_done()
    {
        var page = await app.SignInAsync("officer.17@demo.local", phone: true, culture: "en");
        await page.GotoAsync("/log");
        await BrowserApp.WaitForCircuitAsync(page);

        await Input(page, "log-place").FillAsync("ul. Abaya, 12");
        await Input(page, "log-households").FillAsync("24");
        await Input(page, "log-note").FillAsync("Nobody complained");
        await page.ClickAsync("[data-testid=log-save]");
        var entry = page.Locator("[data-testid=log-entry]").First;
        await Assertions.Expect(entry).ToContainTextAsync("ul. Abaya, 12");
        await Assertions.Expect(entry).ToContainTextAsync("households: 24");
        await BrowserApp.ScreenshotAsync(page, "log-phone");

        await page.GotoAsync("/prevention");
        await BrowserApp.WaitForCircuitAsync(page);
        var lecture = page.Locator("[data-testid=activity]", new() { HasText = "Безопасный интернет" });
        await lecture.Locator("[data-testid=mark-done]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Input(dialog, "done-attendance").FillAsync("38");
        await Input(dialog, "done-outcome").FillAsync("Students asked about phone scams");
        await page.AssertAccessibleAsync("activity done dialog");
        await dialog.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(lecture.Locator("[data-testid=activity-done]")).ToContainTextAsync("Attendance: 38");
        await BrowserApp.ScreenshotAsync(page, "prevention-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_beat_passport_shows_the_tour_places_and_contacts()
    {
        var page = await app.SignInAsync("officer.17@demo.local", culture: "en");
        await page.GotoAsync("/log");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.GotoAsync("/records");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=records-grid] tbody tr").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "records");

        await page.GotoAsync("/analysis");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=summary]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=agreed-action]").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "analysis");

        await using var db = app.NewDbContext();
        var beat = await db.BeatPlaces.Where(p => p.Kind == Web.Domain.BeatPlaceKind.ProblemAddress).Select(p => p.BeatId).FirstAsync();
        await page.GotoAsync($"/beats/{beat}");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=tour]")).ToContainTextAsync("Households visited");
        await Assertions.Expect(page.Locator("[data-testid=places]")).ToContainTextAsync("Problem address");
        await BrowserApp.ScreenshotAsync(page, "beat-passport");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_in_russian_officer_17_corrects_the_entry_just_written_and_links_it_to_an_appeal()
    {
        var page = await app.SignInAsync("officer.17@demo.local", phone: true);
        await page.GotoAsync("/log");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("input[data-testid=log-earlier], [data-testid=log-earlier] input").CheckAsync();
        await AssertLabelsFitAsync(page);

        await page.Locator("input[data-testid=log-earlier], [data-testid=log-earlier] input").UncheckAsync();
        await Input(page, "log-place").FillAsync("ул. Абая, 12");
        await page.ClickAsync("[data-testid=log-save]");
        var entry = page.Locator("[data-testid=log-entry]").First;
        await Assertions.Expect(entry).ToContainTextAsync("ул. Абая, 12");

        await entry.Locator("[data-testid=log-correct]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=log-correcting]")).ToBeVisibleAsync();
        await Assertions.Expect(Input(page, "log-place")).ToHaveValueAsync("ул. Абая, 12");
        await Input(page, "log-place").FillAsync("ул. Абая, 14");
        await page.Locator("[data-testid=log-appeal]").ClickAsync();
        var appeal = page.Locator(".mud-popover-open .mud-list-item").First;
        var number = (await appeal.InnerTextAsync()).Split(' ')[0];
        await appeal.ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "log-correct-phone");
        await page.ClickAsync("[data-testid=log-save]");

        await Assertions.Expect(page.Locator("[data-testid=log-correcting]")).ToBeHiddenAsync();
        await Assertions.Expect(entry).ToContainTextAsync("ул. Абая, 14");
        await Assertions.Expect(entry).ToContainTextAsync("исправлено");
        await Assertions.Expect(entry.Locator("[data-testid=log-entry-appeal]")).ToHaveTextAsync($"По обращению {number}");
        await page.Context.CloseAsync();

        var kazakh = await app.SignInAsync("officer.17@demo.local", phone: true, culture: "kk");
        await kazakh.GotoAsync("/log");
        await BrowserApp.WaitForCircuitAsync(kazakh);
        await kazakh.Locator("input[data-testid=log-earlier], [data-testid=log-earlier] input").CheckAsync();
        await AssertLabelsFitAsync(kazakh);
        await kazakh.Context.CloseAsync();
    }

    /// <summary>No label of the log's form is cut off at the phone's width.</summary>
    private static async Task AssertLabelsFitAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("[data-testid=log-form] .mud-picker").First).ToBeVisibleAsync();
        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[data-testid=log-form] label, [data-testid=log-form] .mud-input-label')]
                .filter(label => label.scrollWidth > label.clientWidth + 1 || label.getBoundingClientRect().right > window.innerWidth)
                .map(label => label.textContent.trim())
            """);
        Assert.Empty(cut);
    }

    private static ILocator Input(IPage page, string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static ILocator Input(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] textarea, [data-testid={testId}] input").First;
}
