using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

/// <summary>The officer's home and the coordinator's plan dialog as a Russian and a Kazakh reader meet them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserApp app)
{
    [Theory]
    [InlineData("ru", "Мои обращения по срокам", "жителей:", "Запланировать патруль", "Следующий месяц")]
    [InlineData("kk", "Маған тағайындалған өтініштер (мерзімі бойынша)", "тұрғын", "Патрульді жоспарлау", "Келесі ай")]
    public async Task The_officers_home_and_the_plan_dialog_read_in_the_language(string culture, string myAppeals, string beatSize,
        string planTitle, string nextMonth)
    {
        var officer = await app.SignInAsync("officer.17@demo.local", culture: culture);
        await Assertions.Expect(officer.Locator("[data-testid=my-appeals]")).ToContainTextAsync(myAppeals);
        await Assertions.Expect(officer.Locator("[data-testid=my-beats]")).ToContainTextAsync(beatSize);
        await BrowserApp.ScreenshotAsync(officer, $"home-officer.17-{culture}");
        await officer.Context.CloseAsync();

        var coordinator = await app.SignInAsync("coordinator@demo.local", culture: culture);
        await coordinator.GotoAsync("/patrols");
        await BrowserApp.WaitForCircuitAsync(coordinator);
        await coordinator.ClickAsync("[data-testid=plan-patrol]");
        var dialog = coordinator.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync(planTitle);

        // MudBlazor's own date picker speaks the language too.
        await dialog.Locator(".mud-picker").First.Locator(".mud-input-adornment button").ClickAsync();
        await Assertions.Expect(coordinator.Locator($".mud-popover-open button[aria-label^='{nextMonth}']")).ToBeVisibleAsync();
        await coordinator.Keyboard.PressAsync("Escape");
        await BrowserApp.ScreenshotAsync(coordinator, $"patrol-plan-{culture}", fullPage: false);
        await coordinator.Context.CloseAsync();
    }
}
