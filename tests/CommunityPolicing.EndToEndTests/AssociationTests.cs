using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class AssociationTests(BrowserApp app)
{
    [Fact]
    public async Task The_coordinator_adds_a_volunteer_records_training_and_sees_the_volunteer_become_eligible()
    {
        var page = await app.SignInAsync("coordinator@demo.local", culture: "en");
        await page.GotoAsync("/associations");
        await BrowserApp.WaitForCircuitAsync(page);
        await BrowserApp.OpenRowAsync(page, "associations-grid", "Народная дружина", "**/associations/*");

        await page.ClickAsync("[data-testid=add-member]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("input[data-testid=volunteer-name], [data-testid=volunteer-name] input").FillAsync("Жаксыбеков Ерасыл");
        await DateAsync(dialog, "volunteer-birth", "3/14/1996");
        await DateAsync(dialog, "volunteer-consent", DateTime.Today.ToString("M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await DateAsync(dialog, "volunteer-check-on", DateTime.Today.ToString("M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await SelectAsync(page, dialog, "volunteer-status", "Active");
        await SelectAsync(page, dialog, "volunteer-check", "Passed");
        await page.AssertAccessibleAsync("member dialog");
        await dialog.Locator("[data-testid=save]").ClickAsync();
        var row = page.Locator("[data-testid=member-row]", new() { HasText = "Жаксыбеков Ерасыл" });
        await Assertions.Expect(row).ToContainTextAsync("no Legal basics training");

        foreach (var topic in new[] { "Legal basics", "Lawful use of physical force", "First aid" })
        {
            await page.ClickAsync("[data-testid=record-training]");
            var training = page.Locator(".mud-dialog");
            await SelectAsync(page, training, "training-topic", topic);
            await training.Locator("[data-testid=attendee]", new() { HasText = "Жаксыбеков Ерасыл" }).Locator("input[type=checkbox]").First.CheckAsync();
            await training.Locator("[data-testid=save]").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(row.Locator("[data-testid=eligible]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "association");
        await page.Context.CloseAsync();
    }

    private static async Task DateAsync(ILocator dialog, string testId, string date)
    {
        var input = dialog.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
        await input.FillAsync(date);
        await input.PressAsync("Tab");
    }

    private static async Task SelectAsync(IPage page, ILocator dialog, string testId, string option)
    {
        await dialog.Locator($"[data-testid={testId}]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }
}
