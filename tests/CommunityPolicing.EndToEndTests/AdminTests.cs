using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserApp app)
{
    [Fact]
    public async Task The_administrator_finds_users_and_reads_their_sign_ins_in_the_audit_trail()
    {
        var page = await app.SignInAsync("admin@demo.local", culture: "en");

        await page.GotoAsync("/admin/users");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("officer.17@demo.local");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Station chief");
        await BrowserApp.ScreenshotAsync(page, "admin-users");

        await page.GotoAsync("/admin/audit");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Signed in");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("admin@demo.local");
        await BrowserApp.ScreenshotAsync(page, "admin-audit", fullPage: false);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_administrator_finds_what_is_held_about_a_person_and_gets_the_download_link()
    {
        var page = await app.SignInAsync("admin@demo.local", culture: "en");

        await page.GotoAsync("/admin/person");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.GetByTestId("person-search").ClickAsync();
        await Assertions.Expect(page.GetByText("Enter a phone, an e-mail or a full name.")).ToBeVisibleAsync();

        await page.Locator("input[data-testid=person-email], [data-testid=person-email] input").FillAsync("officer.17@demo.local");
        await page.GetByTestId("person-search").ClickAsync();

        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("officer.17@demo.local");
        await Assertions.Expect(page.GetByTestId("person-export")).ToHaveAttributeAsync("href", "/admin/person/export.json?email=officer.17%40demo.local");
        await page.Context.CloseAsync();
    }
}
