using Bunit;
using CommunityPolicing.Web.Components.Layout;
using CommunityPolicing.Web.Security;

namespace CommunityPolicing.ComponentTests.Layout;

public sealed class NavMenuTests : ComponentTest
{
    [Theory]
    [InlineData(Roles.Administrator, new[] { "/", "/appeals", "/log", "/prevention", "/reports/quarter", "/patrols", "/analysis", "/associations", "/trainings", "/precincts", "/officers", "/admin/users", "/admin/categories", "/admin/calendar", "/admin/audit", "/admin/person" })]
    [InlineData(Roles.StationChief, new[] { "/", "/appeals", "/log", "/prevention", "/reports/quarter", "/records", "/patrols", "/analysis", "/associations", "/trainings", "/precincts", "/officers" })]
    [InlineData(Roles.DistrictOfficer, new[] { "/", "/appeals", "/log", "/prevention", "/reports/quarter", "/records", "/patrols", "/analysis", "/associations", "/trainings", "/precincts", "/officers" })]
    [InlineData(Roles.VolunteerCoordinator, new[] { "/", "/patrols", "/analysis", "/associations", "/trainings" })]
    public void Navigation_shows_only_what_the_role_may_use(string role, string[] links)
    {
        SignIn(role);

        var nav = Render<NavMenu>();

        Assert.Equal(links, nav.FindAll("a[href]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Navigation_is_in_the_users_language()
    {
        SignIn(Roles.Administrator);
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("kk");

        var nav = Render<NavMenu>();

        Assert.Contains("Учаскелік полиция пункттері", nav.Markup);
        Assert.Contains("Аудит журналы", nav.Markup);
    }
}
