using System.Net;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Admin;
using CommunityPolicing.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Security;

/// <summary>Two-factor sign-in over HTTP, as a browser does it, with demo mode off unless a test says otherwise.</summary>
public sealed class TwoFactorTests(TwoFactorApp app) : IClassFixture<TwoFactorApp>
{
    [Theory]
    [InlineData(Roles.Administrator, Demo.Admin)]
    [InlineData(Roles.StationChief, Demo.Chief)]
    public async Task Without_two_factor_pages_lead_to_the_set_up_and_everything_else_is_refused(string role, string like)
    {
        var user = await app.NewUserAsync(role, like);
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password)).StatusCode);

        foreach (var page in new[] { "/", "/appeals", "/precincts", "/public/track" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Account/TwoFactor?ReturnUrl={Uri.EscapeDataString(page)}", response.Headers.Location!.Local());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/appeals/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);

        // The set-up page itself, with the styles it needs, and signing out stay open.
        var setUp = await client.GetStringAsync("/Account/TwoFactor");
        Assert.Contains("data-testid=\"two-factor-required\"", setUp);
        Assert.Matches("otpauth://totp/CommunityPolicing:[^?]+\\?secret=[A-Z2-7]{32}&amp;issuer=CommunityPolicing", setUp);
        Assert.Contains("data:image/png;base64,", setUp);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
    }

    [Fact]
    public async Task Set_up_with_a_code_then_signing_in_needs_the_code_and_a_wrong_one_fails()
    {
        var user = await app.NewUserAsync(Roles.StationChief, Demo.Chief);
        using var first = app.NewClient();
        await first.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password);

        // A wrong first code leaves two-factor sign-in off and says so next to the field.
        var wrongSetUp = await first.PostFormAsync("/Account/TwoFactor", "two-factor-verify", new() { ["Input.Code"] = "000000" });
        Assert.Contains("data-testid=\"code-error\"", await wrongSetUp.Content.ReadAsStringAsync());

        var (key, codes) = await first.SetUpAsync();
        Assert.Equal(10, codes.Length);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/appeals")).StatusCode); // the same session goes on, now with two factors

        using var second = app.NewClient();
        var password = await second.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password);
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.Local(), StringComparison.Ordinal);
        var notYet = await second.GetAsync("/appeals");
        Assert.StartsWith("/Account/Login", notYet.Headers.Location!.Local(), StringComparison.Ordinal); // the password alone signs nobody in

        var wrong = await second.PostFormAsync(password.Headers.Location!.Local(), "login-2fa", new() { ["Input.Code"] = Totp.Wrong(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("data-testid=\"code-error\"", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/appeals")).StatusCode);

        var right = await second.PostFormAsync(password.Headers.Location!.Local(), "login-2fa", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.Local());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/appeals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/appeals/export.csv")).StatusCode);

        await using var db = app.NewDbContext();
        var actions = await db.AuditEntries.Where(a => a.EntityKey == user.Id).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.TwoFactorEnabled, actions);
        Assert.Contains(AuditActions.TwoFactorFailed, actions);
        Assert.Contains(AuditActions.TwoFactorSignIn, actions);
        Assert.Equal(0, (await db.Users.SingleAsync(u => u.Id == user.Id)).AccessFailedCount); // reset by the right code
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await app.NewUserAsync(Roles.Administrator, Demo.Admin);
        using (var setUp = app.NewClient())
        {
            await setUp.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password);
            var (_, codes) = await setUp.SetUpAsync();
            var code = codes[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal); // typed loosely

            using var first = app.NewClient();
            var password = await first.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password);
            var recoveryUrl = password.Headers.Location!.Local().Replace("LoginWith2fa", "LoginWithRecoveryCode", StringComparison.Ordinal);
            var used = await first.PostFormAsync(recoveryUrl, "login-recovery", new() { ["Input.Code"] = code });
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin/users")).StatusCode);

            using var again = app.NewClient();
            await again.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password);
            var reused = await again.PostFormAsync("/Account/LoginWithRecoveryCode", "login-recovery", new() { ["Input.Code"] = codes[3] });
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
            Assert.Contains("data-testid=\"code-error\"", await reused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/admin/users")).StatusCode);
        }

        await using var db = app.NewDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityKey == user.Id && a.Action == AuditActions.RecoveryCodeSignIn && a.NewValues == "{\"CodesLeft\":9}"));
        Assert.Equal(1, (await db.Users.SingleAsync(u => u.Id == user.Id)).AccessFailedCount); // the reused code counted as a failure
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_like_wrong_passwords()
    {
        var user = await app.NewUserAsync(Roles.StationChief, Demo.Chief);
        using var setUp = app.NewClient();
        await setUp.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password);
        var (key, _) = await setUp.SetUpAsync();

        using var client = app.NewClient();
        var password = await client.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password);
        var url = password.Headers.Location!.Local();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync(url, "login-2fa", new() { ["Input.Code"] = Totp.Wrong(key) });
        }

        // Locked: even the right code is refused now.
        var right = await client.PostFormAsync(url, "login-2fa", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("data-testid=\"code-error\"", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/appeals")).StatusCode);

        await using var db = app.NewDbContext();
        Assert.True((await db.Users.SingleAsync(u => u.Id == user.Id)).LockoutEnd > DateTimeOffset.UtcNow);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityKey == user.Id && a.Action == AuditActions.Lockout));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_a_reset_changes_the_key()
    {
        var user = await app.NewUserAsync(Roles.Administrator, Demo.Admin);
        using var client = app.NewClient();
        await client.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password);
        var (key, old) = await client.SetUpAsync();

        // Asked again first: a wrong password changes nothing, is shown beside the field, counts toward lockout, is audited.
        var wrong = await client.PostFormAsync("/Account/TwoFactor", "two-factor-renew", new() { ["Renew.Secret"] = "not the password at all" });
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"renew-error\"", wrongHtml);
        Assert.Empty(TwoFactorForms.RecoveryCodes(wrongHtml));
        await using (var check = app.NewDbContext())
        {
            Assert.Equal(1, (await check.Users.SingleAsync(u => u.Id == user.Id)).AccessFailedCount);
            Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityKey == user.Id && a.Action == AuditActions.ReauthenticationFailed));
        }

        var unasked = await client.PostFormAsync("/Account/TwoFactor", "two-factor-reset", []);
        Assert.Contains("data-testid=\"reset-error\"", await unasked.Content.ReadAsStringAsync());

        var renewed = await client.PostFormAsync("/Account/TwoFactor", "two-factor-renew", new() { ["Renew.Secret"] = Web.Data.Seeding.DemoSeeder.Password });
        var fresh = TwoFactorForms.RecoveryCodes(await renewed.Content.ReadAsStringAsync());
        Assert.Equal(10, fresh.Length);
        Assert.Empty(fresh.Intersect(old));
        Assert.Contains("data-testid=\"codes-left\"", await client.GetStringAsync("/Account/TwoFactor"));

        using (var withOld = app.NewClient())
        {
            await withOld.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password);
            var refused = await withOld.PostFormAsync("/Account/LoginWithRecoveryCode", "login-recovery", new() { ["Input.Code"] = old[0] });
            Assert.Contains("data-testid=\"code-error\"", await refused.Content.ReadAsStringAsync());
            var accepted = await withOld.PostFormAsync("/Account/LoginWithRecoveryCode", "login-recovery", new() { ["Input.Code"] = fresh[0] });
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        // Resetting the authenticator turns two-factor sign-in off and shows a new key; the role sends the user back to set-up.
        // The current code works as well as the password (the next time step's: the set-up's own code was used already).
        var reset = await client.PostFormAsync("/Account/TwoFactor", "two-factor-reset", new() { ["Reset.Secret"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        var html = await reset.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"authenticator-key\"", html);
        Assert.DoesNotContain($"secret={key}", html);
        Assert.StartsWith("/Account/TwoFactor", (await client.GetAsync("/appeals")).Headers.Location!.Local(), StringComparison.Ordinal);

        await using var db = app.NewDbContext();
        var actions = await db.AuditEntries.Where(a => a.EntityKey == user.Id).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.RecoveryCodesRenewed, actions);
        Assert.Contains(AuditActions.TwoFactorReset, actions);
    }

    [Theory]
    [InlineData(Demo.Officer17)]
    [InlineData(Demo.Coordinator)]
    public async Task Officers_and_coordinators_are_not_forced(string email)
    {
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostLoginAsync(email, Web.Data.Seeding.DemoSeeder.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patrols")).StatusCode);
    }

    [Fact]
    public async Task In_demo_mode_the_demo_accounts_sign_in_with_the_password_and_the_login_page_says_so()
    {
        using var demo = app.NewClient(demo: true);
        await demo.GetAsync("/culture?name=en");
        var login = await demo.GetStringAsync("/Account/Login");
        Assert.Contains("data-testid=\"demo-no-two-factor\"", login);
        Assert.Contains("Administrator, Station chief", login); // the roles the setting names, in the page's language
        var response = await demo.PostLoginAsync(Demo.Admin, Web.Data.Seeding.DemoSeeder.Password);
        Assert.Equal("/", response.Headers.Location!.Local());
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("/admin/users")).StatusCode);

        // The same account with demo mode off is held to the rule; the login page shows no demo box.
        using var real = app.NewClient();
        Assert.DoesNotContain("data-testid=\"demo-accounts\"", await real.GetStringAsync("/Account/Login"));
        await real.PostLoginAsync(Demo.Admin, Web.Data.Seeding.DemoSeeder.Password);
        Assert.StartsWith("/Account/TwoFactor", (await real.GetAsync("/admin/users")).Headers.Location!.Local(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_resets_a_users_two_factor_and_it_is_audited()
    {
        var user = await app.NewUserAsync(Roles.StationChief, Demo.Chief);
        using var setUp = app.NewClient();
        await setUp.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password);
        var (key, codes) = await setUp.SetUpAsync();

        var admin = await app.NewUserAsync(Roles.Administrator, Demo.Admin);
        await using (var scope = await app.SignedInAsync(admin.Email!))
        {
            var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();
            // The administrator's own password first: a wrong one resets nothing and counts against the administrator.
            var refused = await service.ResetTwoFactorAsync(user.Id, "not the password at all");
            Assert.Equal("Reauth.Wrong", refused.Errors[nameof(ReauthForm.Secret)]);
            await using (var check = app.NewDbContext())
            {
                Assert.True((await check.Users.SingleAsync(u => u.Id == user.Id)).TwoFactorEnabled);
                Assert.Equal(1, (await check.Users.SingleAsync(u => u.Id == admin.Id)).AccessFailedCount);
                Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityKey == admin.Id && a.Action == AuditActions.ReauthenticationFailed));
            }

            Assert.Equal("Reauth.Required", (await service.ResetTwoFactorAsync(user.Id, "")).Errors[nameof(ReauthForm.Secret)]);
            Assert.True((await service.ResetTwoFactorAsync(user.Id, Web.Data.Seeding.DemoSeeder.Password)).Succeeded);
        }

        // The password alone signs in again, straight to a fresh set-up.
        using var client = app.NewClient();
        Assert.Equal("/", (await client.PostLoginAsync(user.Email!, Web.Data.Seeding.DemoSeeder.Password)).Headers.Location!.Local());
        Assert.StartsWith("/Account/TwoFactor", (await client.GetAsync("/")).Headers.Location!.Local(), StringComparison.Ordinal);

        await using var db = app.NewDbContext();
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
        Assert.False(stored.TwoFactorEnabled);
        var reset = await db.AuditEntries.SingleAsync(a => a.EntityKey == user.Id && a.Action == AuditActions.TwoFactorReset);
        Assert.Equal(admin.Email, reset.UserName);
        // The audit trail recorded the key and recovery-code changes, never the secrets themselves.
        var values = (await db.AuditEntries.Where(a => a.EntityKey!.Contains(user.Id)).Select(a => new { a.OldValues, a.NewValues }).ToListAsync())
            .Select(a => a.OldValues + a.NewValues).ToList();
        Assert.Contains(values, v => v.Length > 0);
        Assert.DoesNotContain(values, v => v.Contains(key, StringComparison.Ordinal) || codes.Any(c => v.Contains(c, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Only_administrators_reset_two_factor()
    {
        var user = await app.NewUserAsync(Roles.DistrictOfficer, Demo.Officer17);
        await using var scope = await app.SignedInAsync(Demo.Chief);

        Assert.False((await scope.ServiceProvider.GetRequiredService<UserAdminService>().ResetTwoFactorAsync(user.Id, Web.Data.Seeding.DemoSeeder.Password)).Succeeded);
    }
}
