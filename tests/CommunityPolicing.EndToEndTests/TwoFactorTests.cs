using System.Text.RegularExpressions;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

/// <summary>
/// Two-factor sign-in in the browser. The app runs in demo mode, where only the demo accounts are exempt, so an
/// ordinary administrator account is held to the rule.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TwoFactorTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_sets_up_the_authenticator_then_signs_in_with_a_code()
    {
        var email = await NewAdministratorAsync();
        var page = await PasswordAsync(email, phone: false);
        await page.WaitForURLAsync(url => url.Contains("/Account/TwoFactor", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=two-factor-required]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=authenticator-qr]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "two-factor-setup");

        // A wrong code is refused next to the field; the app's code is accepted and the recovery codes appear once.
        var key = SecretPattern().Match(await page.Locator("[data-testid=authenticator-uri]").InnerTextAsync()).Groups[1].Value;
        await page.FillAsync("#code", Totp.Wrong(key));
        await page.ClickAsync("[data-testid=verify]");
        await Assertions.Expect(page.Locator("[data-testid=code-error]")).ToBeVisibleAsync();
        await page.FillAsync("#code", Totp.Code(key));
        await page.ClickAsync("[data-testid=verify]");
        await Assertions.Expect(page.Locator("[data-testid=recovery-code]")).ToHaveCountAsync(10);
        await BrowserApp.ScreenshotAsync(page, "two-factor-recovery-codes");
        await page.ClickAsync("[data-testid=continue]");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=system-health]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=user-menu] summary");
        await page.ClickAsync("[data-testid=two-factor-link]");
        await page.WaitForURLAsync(url => url.Contains("/Account/TwoFactor", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=codes-left]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        // Next time the password leads to the code step, on a phone too.
        var phone = await PasswordAsync(email, phone: true);
        await phone.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal));
        await BrowserApp.ScreenshotAsync(phone, "two-factor-code-phone");
        await phone.FillAsync("#code", Totp.Code(key));
        await phone.ClickAsync("button[type=submit]");
        await BrowserApp.WaitForCircuitAsync(phone);
        await Assertions.Expect(phone.Locator("[data-testid=system-health]")).ToBeVisibleAsync();

        // The management page: codes left, new codes, reset.
        await phone.GotoAsync("/Account/TwoFactor");
        await Assertions.Expect(phone.Locator("[data-testid=codes-left]")).ToContainTextAsync("10");
        await BrowserApp.ScreenshotAsync(phone, "two-factor-manage-phone");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task The_set_up_page_fits_a_phone()
    {
        var page = await PasswordAsync(await NewAdministratorAsync(), phone: true);
        await page.WaitForURLAsync(url => url.Contains("/Account/TwoFactor", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=authenticator-key]")).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
        await BrowserApp.ScreenshotAsync(page, "two-factor-setup-phone");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> PasswordAsync(string email, bool phone)
    {
        var page = await app.NewPageAsync(phone, culture: "en");
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoSeeder.Password);
        await page.ClickAsync("button[type=submit]");
        return page;
    }

    private async Task<string> NewAdministratorAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"admin.{Guid.NewGuid():N}"[..14] + "@police.example";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true, FullName = "Two-factor test" };
        Assert.True((await users.CreateAsync(user, DemoSeeder.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Administrator)).Succeeded);
        return email;
    }

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex SecretPattern();
}
