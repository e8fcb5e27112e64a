using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommunityPolicing.Web.Security;

/// <summary>
/// A sign-in lasts at most 12 hours however active the user is (CJIS: a session ends, it is not kept alive for ever);
/// the idle limit is the cookie's 30 sliding minutes. The sign-in time travels as a claim, kept when the security
/// stamp validator refreshes the principal.
/// </summary>
public static class SessionLimit
{
    public const string SignedInAtClaim = "cp:signed_in_at";

    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    public static Claim Stamp(DateTimeOffset now) =>
        new(SignedInAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    /// <summary>True when the sign-in is older than the limit, or carries no sign-in time at all.</summary>
    public static bool IsOver(ClaimsPrincipal principal, DateTimeOffset now) =>
        !long.TryParse(principal.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > Absolute;

    /// <summary>Carries the original sign-in time over when the principal is rebuilt (security stamp revalidation).</summary>
    public static Task KeepSignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SignedInAtClaim) is { } original && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            foreach (var fresh in identity.FindAll(SignedInAtClaim).ToList())
            {
                identity.RemoveClaim(fresh);
            }

            identity.AddClaim(new Claim(SignedInAtClaim, original.Value, original.ValueType));
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Identity's claims plus the moment of sign-in, whether two-factor sign-in is on (see TwoFactorGate) and the person's
/// name, which the shell shows instead of the sign-in address.
/// </summary>
public sealed class SessionClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    TimeProvider clock) : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string FullName = "cp:full_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.FullName.Length > 0)
        {
            identity.AddClaim(new Claim(FullName, user.FullName));
        }

        identity.AddClaim(SessionLimit.Stamp(clock.GetUtcNow()));
        identity.AddClaim(TwoFactorRequirement.Claim(await UserManager.GetTwoFactorEnabledAsync(user)));
        return identity;
    }
}
