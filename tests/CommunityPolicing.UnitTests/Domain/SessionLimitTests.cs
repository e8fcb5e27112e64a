using System.Security.Claims;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class SessionLimitTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, "test"));

    [Fact]
    public void A_sign_in_lasts_twelve_hours_and_not_a_second_more()
    {
        var principal = Principal(SessionLimit.Stamp(SignedIn));

        Assert.False(SessionLimit.IsOver(principal, SignedIn.AddHours(12)));
        Assert.True(SessionLimit.IsOver(principal, SignedIn.AddHours(12).AddSeconds(1)));
    }

    [Fact]
    public void A_principal_without_a_sign_in_time_is_over() =>
        Assert.True(SessionLimit.IsOver(Principal(new Claim(ClaimTypes.Name, "someone")), SignedIn));

    [Fact]
    public async Task Refreshing_the_principal_keeps_the_original_sign_in_time()
    {
        var current = Principal(SessionLimit.Stamp(SignedIn));
        var refreshed = Principal(SessionLimit.Stamp(SignedIn.AddHours(11)));

        await SessionLimit.KeepSignInTime(new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = current, NewPrincipal = refreshed });

        Assert.Equal(SignedIn.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(refreshed.FindAll(SessionLimit.SignedInAtClaim)).Value);
        Assert.True(SessionLimit.IsOver(refreshed, SignedIn.AddHours(13)));
    }
}
