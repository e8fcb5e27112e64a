using CommunityPolicing.Testing;
using CommunityPolicing.Web.Features.Admin;
using CommunityPolicing.Web.Features.Precincts;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Admin;

[Collection(AppCollection.Name)]
public sealed class UserAdminServiceTests(TestApp app)
{
    [Theory]
    [InlineData(Demo.Chief)]
    [InlineData(Demo.Officer17)]
    [InlineData(Demo.Coordinator)]
    public async Task Only_administrators_manage_users_and_read_the_audit_trail(string email)
    {
        await using var scope = await app.SignedInAsync(email);
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();

        Assert.Equal(0, (await users.ListAsync(new UserListQuery())).Total);
        Assert.True((await users.SaveAsync(new UserForm { Email = "x@demo.test", FullName = "X", Role = Roles.Administrator, Password = "Long-enough-1!" })).NotFound);
        Assert.True((await users.LockAsync("any")).NotFound);
        Assert.Equal(0, (await audit.ListAsync(new AuditQuery())).Total);
    }

    [Fact]
    public async Task An_administrator_creates_an_officer_account_whose_scope_is_the_post_and_its_department()
    {
        await using var admin = await app.SignedInAsync(Demo.Admin);
        var users = admin.ServiceProvider.GetRequiredService<UserAdminService>();
        var precincts = admin.ServiceProvider.GetRequiredService<PrecinctService>();
        var post = (await precincts.ListAsync(new PrecinctListQuery(Search: "Салтанат"))).Items.Single();
        var officer = (await precincts.OfficerOptionsAsync(post.Id)).First();

        var result = await users.SaveAsync(new UserForm
        {
            Email = "officer.21@demo.test",
            FullName = officer.Name,
            Role = Roles.DistrictOfficer,
            PrecinctId = post.Id,
            OfficerId = officer.Id,
            Password = "Another-Passw0rd!",
        });

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Values));
        await using var newUser = await app.SignedInAsync("officer.21@demo.test");
        var scope = await newUser.ServiceProvider.GetRequiredService<CurrentUser>().GetScopeAsync();
        Assert.Equal((Roles.DistrictOfficer, post.Id, officer.Id), (scope.Role, scope.PrecinctId, scope.OfficerId));
        Assert.NotNull(scope.DepartmentId);
    }

    [Fact]
    public async Task Weak_passwords_and_missing_scope_are_refused_at_the_field_and_nothing_is_saved()
    {
        await using var admin = await app.SignedInAsync(Demo.Admin);
        var users = admin.ServiceProvider.GetRequiredService<UserAdminService>();

        var weak = await users.SaveAsync(new UserForm { Email = "weak@demo.test", FullName = "Weak", Role = Roles.Administrator, Password = "short" });
        var noDepartment = await users.SaveAsync(new UserForm { Email = "chief2@demo.test", FullName = "Chief", Role = Roles.StationChief, Password = "Long-enough-Passw0rd!" });

        Assert.True(weak.Errors.ContainsKey("Password"));
        Assert.Equal("Validation.Required", noDepartment.Errors["DepartmentId"]);
        var found = await users.ListAsync(new UserListQuery(Search: "weak@demo.test"));
        Assert.Equal(0, found.Total);
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_and_an_unlocked_one_can()
    {
        await using var admin = await app.SignedInAsync(Demo.Admin);
        var users = admin.ServiceProvider.GetRequiredService<UserAdminService>();
        var created = await users.SaveAsync(new UserForm { Email = "lock@demo.test", FullName = "Lock", Role = Roles.VolunteerCoordinator, Password = "Long-enough-Passw0rd!" });
        Assert.True(created.Succeeded);
        var id = (await users.ListAsync(new UserListQuery(Search: "lock@demo.test"))).Items.Single().Id;

        Assert.True((await users.LockAsync(id)).Succeeded);
        Assert.True((await users.ListAsync(new UserListQuery(Search: "lock@demo.test"))).Items.Single().Locked);
        Assert.True((await CheckPasswordAsync("lock@demo.test", "Long-enough-Passw0rd!")).IsLockedOut);

        Assert.True((await users.UnlockAsync(id)).Succeeded);
        Assert.True((await CheckPasswordAsync("lock@demo.test", "Long-enough-Passw0rd!")).Succeeded);
    }

    private async Task<SignInResult> CheckPasswordAsync(string email, string password)
    {
        await using var scope = await app.SignedInAsync(null);
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        return await signIn.CheckPasswordSignInAsync((await userManager.FindByEmailAsync(email))!, password, lockoutOnFailure: false);
    }

    [Theory]
    [InlineData("weak.one@demo.test", "Kazakhstan2026")]
    [InlineData("nurlan.s@demo.test", "Nurlan.S-2026-passw")]
    public async Task Common_passwords_and_passwords_containing_the_user_name_are_refused(string email, string password)
    {
        await using var admin = await app.SignedInAsync(Demo.Admin);
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("ru");

        var result = await admin.ServiceProvider.GetRequiredService<UserAdminService>()
            .SaveAsync(new UserForm { Email = email, FullName = "Test", Role = Roles.VolunteerCoordinator, Password = password });

        // In the administrator's language, as every message beside a field.
        Assert.Contains("слишком распространён или содержит ваш логин", result.Errors["Password"]);
    }
}
