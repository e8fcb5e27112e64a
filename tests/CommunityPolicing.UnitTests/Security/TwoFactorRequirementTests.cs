using System.Security.Claims;
using CommunityPolicing.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace CommunityPolicing.UnitTests.Security;

public sealed class TwoFactorRequirementTests
{
    [Fact]
    public void By_default_administrators_and_station_chiefs_need_it_and_others_do_not()
    {
        var requirement = Requirement(demo: false);

        Assert.True(requirement.IsMissing(User("admin@police.kz", Roles.Administrator)));
        Assert.True(requirement.IsMissing(User("chief@police.kz", Roles.StationChief)));
        Assert.False(requirement.IsMissing(User("officer@police.kz", Roles.DistrictOfficer)));
        Assert.False(requirement.IsMissing(User("coordinator@police.kz", Roles.VolunteerCoordinator)));
        Assert.False(requirement.IsMissing(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public void A_cookie_issued_with_two_factor_on_passes()
    {
        var requirement = Requirement(demo: false);

        Assert.False(requirement.IsMissing(User("admin@police.kz", Roles.Administrator, twoFactor: true)));
    }

    [Fact]
    public void In_demo_mode_only_the_demo_accounts_are_exempt()
    {
        var requirement = Requirement(demo: true);

        Assert.False(requirement.IsMissing(User("admin@demo.local", Roles.Administrator)));
        Assert.False(requirement.IsMissing(User("Chief.Taraz@DEMO.local", Roles.StationChief)));
        Assert.True(requirement.IsMissing(User("admin@police.kz", Roles.Administrator)));
        Assert.True(Requirement(demo: false).IsMissing(User("admin@demo.local", Roles.Administrator)));
    }

    [Theory]
    [InlineData("DistrictOfficer", true)]
    [InlineData("Administrator, DistrictOfficer", true)]
    [InlineData("", false)]
    public void The_roles_are_a_setting(string setting, bool officerNeedsIt)
    {
        var requirement = Requirement(demo: false, setting);

        Assert.Equal(officerNeedsIt, requirement.IsMissing(User("officer@police.kz", Roles.DistrictOfficer)));
        Assert.Equal(setting.Contains(Roles.Administrator, StringComparison.Ordinal), requirement.IsMissing(User("admin@police.kz", Roles.Administrator)));
    }

    [Fact]
    public void The_roles_may_also_be_a_list()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Security:RequireTwoFactorFor:0"] = Roles.VolunteerCoordinator,
        }).Build();
        var requirement = new TwoFactorRequirement(configuration, new HostingEnvironment { EnvironmentName = "Production" });

        Assert.Equal([Roles.VolunteerCoordinator], requirement.RequiredRoles);
    }

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData(" 123-456 ", "123456")]
    public void Authenticator_codes_are_read_as_the_apps_group_them(string typed, string code) =>
        Assert.Equal(code, TwoFactorSession.CleanCode(typed));

    [Theory]
    [InlineData("ABCDE-23456", "ABCDE-23456")]
    [InlineData("abcde 23456", "ABCDE-23456")]
    [InlineData("abcde23456", "ABCDE-23456")]
    public void Recovery_codes_are_read_as_typed(string typed, string code) =>
        Assert.Equal(code, TwoFactorSession.CleanRecoveryCode(typed));

    [Fact]
    public void The_key_is_shown_in_groups_of_four_and_the_uri_names_the_account()
    {
        Assert.Equal("abcd efgh ijkl mn", TwoFactorSession.FormatKey("ABCDEFGHIJKLMN"));
        Assert.Equal("otpauth://totp/CommunityPolicing:chief%40police.kz?secret=ABCD&issuer=CommunityPolicing&digits=6",
            TwoFactorSession.AuthenticatorUri("CommunityPolicing", "chief@police.kz", "ABCD"));
    }

    private static TwoFactorRequirement Requirement(bool demo, string? roles = null)
    {
        var settings = new Dictionary<string, string?> { ["Seed:Demo"] = demo ? "true" : "false" };
        if (roles is not null)
        {
            settings[TwoFactorRequirement.Setting] = roles;
        }

        return new TwoFactorRequirement(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new HostingEnvironment { EnvironmentName = "Production" });
    }

    private static ClaimsPrincipal User(string email, string role, bool twoFactor = false) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role), TwoFactorRequirement.Claim(twoFactor)], "test"));
}
