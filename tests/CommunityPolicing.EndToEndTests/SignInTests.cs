using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserApp app)
{
    private static readonly string[] RegistryLinks = ["/precincts", "/officers"];
    private static readonly string[] AdminLinks = ["/admin/users", "/admin/audit"];

    [Theory]
    [InlineData("admin@demo.local", "Administrator", true, true)]
    [InlineData("chief.taraz@demo.local", "StationChief", true, false)]
    [InlineData("officer.17@demo.local", "DistrictOfficer", true, false)]
    [InlineData("officer.30@demo.local", "DistrictOfficer", true, false)]
    [InlineData("coordinator@demo.local", "VolunteerCoordinator", false, false)]
    public async Task Each_demo_account_signs_in_and_sees_its_roles_navigation(string email, string role, bool registry, bool admin)
    {
        var page = await app.SignInAsync(email, culture: "en");
        var nav = page.Locator("[data-testid=nav]");

        foreach (var link in RegistryLinks)
        {
            Assert.Equal(registry ? 1 : 0, await nav.Locator($"a[href='{link}']").CountAsync());
        }

        foreach (var link in AdminLinks)
        {
            Assert.Equal(admin ? 1 : 0, await nav.Locator($"a[href='{link}']").CountAsync());
        }

        var roleName = role switch
        {
            "Administrator" => "Administrator",
            "StationChief" => "Station chief",
            "DistrictOfficer" => "District officer",
            _ => "Volunteer coordinator",
        };
        Assert.Equal(roleName, await page.Locator("[data-testid=user-role]").InnerTextAsync());
        var dashboard = role switch
        {
            "Administrator" => "system-health",
            "StationChief" => "appeal-figures",
            "DistrictOfficer" => "my-appeals",
            _ => "staffing-gaps",
        };
        await Assertions.Expect(page.Locator($"[data-testid={dashboard}]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, $"home-{email.Split('@')[0]}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_login_page_lists_the_demo_accounts_and_refuses_a_wrong_password()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        Assert.Contains("chief.taraz@demo.local", await page.Locator("[data-testid=demo-accounts]").InnerTextAsync());
        await BrowserApp.ScreenshotAsync(page, "login");

        await page.FillAsync("#email", "chief.taraz@demo.local");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToBeVisibleAsync();
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
