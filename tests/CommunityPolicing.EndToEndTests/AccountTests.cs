using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

/// <summary>What a signed-in person does with their own account from the user menu, on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserApp app)
{
    [Fact]
    public async Task A_coordinator_changes_their_password_from_the_user_menu_with_every_mistake_shown_beside_its_field()
    {
        var email = await NewCoordinatorAsync();
        var page = await PasswordAsync(email, DemoSeeder.Password);
        await BrowserApp.WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=user-menu] summary");
        await page.ClickAsync("[data-testid=change-password-link]");
        await page.WaitForURLAsync("**/Account/Manage/ChangePassword");

        // A wrong current password and a new one that breaks the rules: both said in Russian beside their fields.
        await page.FillAsync("#current-password", "Не-тот-пароль-1!");
        await page.FillAsync("#new-password", "короткий1!");
        await page.FillAsync("#confirm-password", "короткий1!");
        await page.ClickAsync("[data-testid=change]");
        await Assertions.Expect(page.Locator("#new-password-error")).ToContainTextAsync("Не менее 12 символов.");
        await Assertions.Expect(page.Locator("#new-password-error")).ToContainTextAsync("Добавьте заглавную латинскую букву (A–Z).");
        await Assertions.Expect(page.Locator("#new-password")).ToHaveAttributeAsync("aria-invalid", "true");

        const string changed = "Novyi-Parol-Druzhiny-7";
        await page.FillAsync("#current-password", "Не-тот-пароль-1!");
        await page.FillAsync("#new-password", changed);
        await page.FillAsync("#confirm-password", changed);
        await page.ClickAsync("[data-testid=change]");
        await Assertions.Expect(page.Locator("#current-password-error")).ToHaveTextAsync("Это не ваш текущий пароль.");
        await BrowserApp.ScreenshotAsync(page, "change-password-phone");

        await page.FillAsync("#current-password", DemoSeeder.Password);
        await page.FillAsync("#new-password", changed);
        await page.FillAsync("#confirm-password", changed + "8");
        await page.ClickAsync("[data-testid=change]");
        await Assertions.Expect(page.Locator("#confirm-password-error")).ToHaveTextAsync("Новые пароли не совпадают.");

        await page.FillAsync("#current-password", DemoSeeder.Password);
        await page.FillAsync("#new-password", changed);
        await page.FillAsync("#confirm-password", changed);
        await page.ClickAsync("[data-testid=change]");
        await Assertions.Expect(page.Locator("[data-testid=password-changed]")).ToBeVisibleAsync();
        // This session goes on: the home page opens without signing in again.
        await page.ClickAsync("[data-testid=continue]");
        await BrowserApp.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("Смена Пароля");
        await page.Context.CloseAsync();

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var actions = await db.AuditEntries.Where(a => a.UserName == email).Select(a => a.Action).ToListAsync();
            Assert.Contains(AuditActions.PasswordChanged, actions);
            Assert.Contains(AuditActions.ReauthenticationFailed, actions); // the wrong current password
        }

        // The old password no longer opens the account; the new one does.
        var old = await PasswordAsync(email, DemoSeeder.Password);
        await Assertions.Expect(old.Locator("#password")).ToBeVisibleAsync();
        Assert.Contains("/Account/Login", old.Url, StringComparison.Ordinal);
        await old.Context.CloseAsync();
        var again = await PasswordAsync(email, changed);
        await again.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await again.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_menu_opens_whole_on_a_phone()
    {
        var page = await app.SignInAsync("officer.17@demo.local", phone: true, culture: "kk");
        await page.ClickAsync("[data-testid=language] summary");
        var menu = page.Locator("[data-testid=language] .menu-list");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        var box = (await menu.BoundingBoxAsync())!;
        var width = await page.EvaluateAsync<double>("window.innerWidth");
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"The menu runs from {box.X} to {box.X + box.Width} on a {width} px screen.");
        var languages = menu.Locator("a");
        await Assertions.Expect(languages).ToHaveCountAsync(4);
        for (var i = 0; i < 4; i++)
        {
            await Assertions.Expect(languages.Nth(i)).ToBeInViewportAsync(new() { Ratio = 1 });
        }

        await BrowserApp.ScreenshotAsync(page, "language-menu-phone", fullPage: false);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> PasswordAsync(string email, string password)
    {
        var page = await app.NewPageAsync(phone: true, culture: "ru");
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    private async Task<string> NewCoordinatorAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"coord.{Guid.NewGuid():N}"[..14] + "@police.example";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true, FullName = "Смена Пароля" };
        Assert.True((await users.CreateAsync(user, DemoSeeder.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.VolunteerCoordinator)).Succeeded);
        return email;
    }
}
