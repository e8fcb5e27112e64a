using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class RegistryTests(BrowserApp app)
{
    [Fact]
    public async Task The_chief_edits_the_equipment_of_a_post()
    {
        var page = await app.SignInAsync("chief.taraz@demo.local");
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        await page.GotoAsync("/precincts");
        await BrowserApp.WaitForCircuitAsync(page);
        await BrowserApp.ScreenshotAsync(page, "precincts");
        await BrowserApp.OpenRowAsync(page, "precincts-grid", "№ 17", "**/precincts/*");

        await page.ClickAsync("[data-testid=edit-equipment]");
        await page.Locator("input[data-testid=planned-CctvCamera], [data-testid=planned-CctvCamera] input").FillAsync("24");
        await page.Locator("input[data-testid=installed-CctvCamera], [data-testid=installed-CctvCamera] input").FillAsync("18");
        await page.AssertAccessibleAsync("equipment dialog");
        await page.ClickAsync(".mud-dialog [data-testid=save]");

        var cameras = page.Locator("[data-testid=equipment-CctvCamera]");
        await Assertions.Expect(cameras).ToContainTextAsync("24");
        await Assertions.Expect(cameras).ToContainTextAsync("18");
        await BrowserApp.ScreenshotAsync(page, "precinct-passport");

        await using var db = app.NewDbContext();
        var saved = await db.EquipmentItems.SingleAsync(e => e.Kind == EquipmentKind.CctvCamera
            && db.Precincts.Any(p => p.Id == e.PrecinctId && p.Number == "17" && p.Department!.Name == "Управление полиции г. Тараз"));
        Assert.Equal((24, 18), (saved.Planned, saved.Installed));
        Assert.True(blocked.Count == 0, string.Join("\n", blocked)); // the content security policy lets the interactive pages work
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_17_cannot_open_user_administration_or_another_departments_post()
    {
        int foreignId;
        string foreignName;
        await using (var db = app.NewDbContext())
        {
            var foreign = await db.Precincts.Where(p => p.Department!.Name != "Управление полиции г. Тараз").OrderBy(p => p.Id).FirstAsync();
            (foreignId, foreignName) = (foreign.Id, foreign.Name);
        }

        var page = await app.SignInAsync("officer.17@demo.local");

        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();

        await page.GotoAsync($"/precincts/{foreignId}");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        Assert.DoesNotContain(foreignName, await page.ContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_registry_is_usable_at_phone_width()
    {
        var page = await app.SignInAsync("officer.17@demo.local", phone: true);
        await BrowserApp.ScreenshotAsync(page, "home-phone");
        await page.GotoAsync("/precincts");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=precincts-grid] tbody tr").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "precincts-phone");

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390 + 1, $"the page scrolls sideways: {width}px wide at a 390px viewport");
        await page.Context.CloseAsync();
    }
}
