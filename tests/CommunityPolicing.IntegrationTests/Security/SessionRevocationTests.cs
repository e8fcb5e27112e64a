using System.Net;
using System.Security.Claims;
using CommunityPolicing.Web.Components.Account;
using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Features.Admin;
using CommunityPolicing.Web.Features.Associations;
using CommunityPolicing.Web.Features.Officers;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Security;

/// <summary>
/// A transfer, a coordinator taken off an association, a role change and a locked account end the user's open
/// sessions within a minute: the change renews the security stamp, the cookie's stamp is checked every minute and so
/// is an open circuit's. Each test holds a cookie from before the change and moves the app's clock on past the minute.
/// </summary>
[Collection(SessionCollection.Name)]
public sealed class SessionRevocationTests(SessionApp app)
{
    private static readonly TimeSpan PastTheCheck = TimeSpan.FromSeconds(61);

    [Fact]
    public async Task A_transferred_officers_cookie_and_circuit_are_refused_within_a_minute()
    {
        var (before, browser, bystander) = await SignedInAsync(Demo.Officer17);
        int post3;
        await using (var db = app.NewDbContext())
        {
            post3 = await db.Precincts.Where(p => p.Number == "3" && p.Department!.Name == Demo.TarazDepartment).Select(p => p.Id).SingleAsync();
        }

        await using (var chief = await app.SignedInScopeAsync(Demo.Chief))
        {
            var officers = chief.ServiceProvider.GetRequiredService<OfficerService>();
            var form = (await officers.GetFormAsync(await OfficerIdAsync(Demo.Officer17)))!;
            form.PrecinctId = post3;
            form.BeatIds = []; // the beats stay with post 17
            var saved = await officers.SaveAsync(form);
            Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Values));
        }

        await AssertEndedAsync(Demo.Officer17, before, browser, bystander);
    }

    [Fact]
    public async Task A_coordinator_taken_off_an_association_is_signed_out_within_a_minute()
    {
        var (before, browser, bystander) = await SignedInAsync(Demo.Coordinator);
        await using (var chief = await app.SignedInScopeAsync(Demo.Chief))
        {
            var associations = chief.ServiceProvider.GetRequiredService<AssociationService>();
            int id;
            await using (var db = app.NewDbContext())
            {
                id = await db.Associations.Where(a => a.Name == "Народная дружина «Тараз»").Select(a => a.Id).SingleAsync();
            }

            var form = (await associations.GetFormAsync(id))!;
            var coordinator = before.FindFirstValue(ClaimTypes.NameIdentifier)!;
            Assert.Contains(coordinator, form.CoordinatorIds);
            form.CoordinatorIds = [.. form.CoordinatorIds.Where(c => c != coordinator)];
            var saved = await associations.SaveAsync(form);
            Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Values));
        }

        await AssertEndedAsync(Demo.Coordinator, before, browser, bystander);
    }

    [Fact]
    public async Task A_user_whose_role_changes_is_signed_out_within_a_minute()
    {
        const string email = "role.change@demo.local";
        var id = await NewCoordinatorAsync(email);
        var (before, browser, bystander) = await SignedInAsync(email);

        await using (var admin = await app.SignedInScopeAsync(Demo.Admin))
        {
            var users = admin.ServiceProvider.GetRequiredService<UserAdminService>();
            var form = (await users.GetFormAsync(id))!;
            form.Role = Roles.StationChief;
            await using var db = app.NewDbContext();
            form.DepartmentId = await db.Departments.Where(d => d.Name == Demo.TarazDepartment).Select(d => d.Id).SingleAsync();
            var saved = await users.SaveAsync(form);
            Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Values));
        }

        await AssertEndedAsync(email, before, browser, bystander);
    }

    [Fact]
    public async Task A_locked_user_is_signed_out_within_a_minute()
    {
        const string email = "locked.out@demo.local";
        var id = await NewCoordinatorAsync(email);
        var (before, browser, bystander) = await SignedInAsync(email);

        await using (var admin = await app.SignedInScopeAsync(Demo.Admin))
        {
            Assert.True((await admin.ServiceProvider.GetRequiredService<UserAdminService>().LockAsync(id)).Succeeded);
        }

        await AssertEndedAsync(email, before, browser, bystander);
    }

    /// <summary>The user's principal as their circuit holds it, their browser, and another user's browser for comparison.</summary>
    private async Task<(ClaimsPrincipal Principal, HttpClient Browser, HttpClient Bystander)> SignedInAsync(string email)
    {
        await using var scope = app.Clocked.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>()
            .CreateAsync((await users.FindByEmailAsync(email))!);
        var browser = await app.BrowserAsync(email);
        var bystander = await app.BrowserAsync(Demo.Officer30);
        Assert.False(await IsSentToSignInAsync(browser));
        Assert.True(await CircuitStandsAsync(principal));
        return (principal, browser, bystander);
    }

    private async Task AssertEndedAsync(string email, ClaimsPrincipal before, HttpClient browser, HttpClient bystander)
    {
        await using (var db = app.NewDbContext())
        {
            var stamp = await db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync();
            Assert.NotEqual(before.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType), stamp);
        }

        // The open circuit ends at its next revalidation, at most a minute away.
        Assert.True(IdentityRevalidatingAuthenticationStateProvider.Interval <= TimeSpan.FromMinutes(1));
        Assert.False(await CircuitStandsAsync(before));

        app.Clock.Advance(PastTheCheck);
        Assert.True(await IsSentToSignInAsync(browser));
        Assert.False(await IsSentToSignInAsync(bystander)); // the minute alone signs nobody out
    }

    private async Task<bool> CircuitStandsAsync(ClaimsPrincipal principal)
    {
        await using var scope = app.Clocked.Services.CreateAsyncScope();
        var provider = (IdentityRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        return await provider.StillValidAsync(principal, CancellationToken.None);
    }

    private static async Task<bool> IsSentToSignInAsync(HttpClient browser)
    {
        var response = await browser.GetAsync("/patrols");
        return response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.Contains("Account/Login", StringComparison.Ordinal) == true;
    }

    private async Task<string> NewCoordinatorAsync(string email)
    {
        await using var admin = await app.SignedInScopeAsync(Demo.Admin);
        var users = admin.ServiceProvider.GetRequiredService<UserAdminService>();
        var created = await users.SaveAsync(new UserForm { Email = email, FullName = "Тестов Сессия", Role = Roles.VolunteerCoordinator, Password = DemoSeeder.Password });
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Values));
        return (await users.ListAsync(new UserListQuery(Search: email))).Items.Single().Id;
    }

    private async Task<int> OfficerIdAsync(string email)
    {
        await using var db = app.NewDbContext();
        return await db.Officers.Where(o => db.Users.Any(u => u.Id == o.UserId && u.Email == email)).Select(o => o.Id).SingleAsync();
    }
}
