using System.Globalization;
using System.Security.Claims;
using System.Text;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Data.Seeding;
using CommunityPolicing.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;

namespace CommunityPolicing.Web.Security;

/// <summary>
/// Who must sign in with an authenticator app: the roles in <c>Security:RequireTwoFactorFor</c> (by default
/// administrators and station chiefs). In demo mode the demo accounts are exempt so they keep working with the
/// documented password; any other account is held to the rule even then.
/// </summary>
public sealed class TwoFactorRequirement
{
    public const string Setting = "Security:RequireTwoFactorFor";

    /// <summary>The account had two-factor sign-in on when the cookie was issued (refreshed with the security stamp).</summary>
    public const string EnabledClaim = "cp:two_factor";

    public static readonly string[] DefaultRoles = [Roles.Administrator, Roles.StationChief];

    public TwoFactorRequirement(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Setting);
        var listed = section.Value is { } text
            ? text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "").Where(v => v.Length > 0).ToArray();
        RequiredRoles = (section.Exists() ? listed : DefaultRoles).Distinct(StringComparer.Ordinal).ToArray();
        DemoMode = DatabaseInitializer.SeedDemo(configuration, environment);
    }

    public IReadOnlyList<string> RequiredRoles { get; }

    public bool DemoMode { get; }

    /// <summary>The user's role asks for a second factor.</summary>
    public bool AppliesTo(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && RequiredRoles.Any(user.IsInRole)
        && !(DemoMode && IsDemoAccount(user.Identity.Name));

    /// <summary>The user must set up two-factor sign-in before doing anything else.</summary>
    public bool IsMissing(ClaimsPrincipal user) => AppliesTo(user) && user.FindFirstValue(EnabledClaim) != "true";

    public static bool IsDemoAccount(string? name) =>
        name is not null && name.EndsWith(DemoSeeder.NormalizedDomain, StringComparison.OrdinalIgnoreCase);

    public static Claim Claim(bool enabled) => new(EnabledClaim, enabled ? "true" : "false");
}

/// <summary>
/// The server-side gate: a user who must set up two-factor sign-in reaches only the set-up page, the sign-in pages,
/// sign-out, the language switch and static files. Pages redirect to the set-up; everything else (exports, APIs,
/// the Blazor circuit's hub) gets 403. It runs after authentication, so it sees the cookie's user.
/// </summary>
public static class TwoFactorGate
{
    public const string SetupPath = "/Account/TwoFactor";

    private static readonly string[] OpenPaths =
        [SetupPath, "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Logout", "/culture"];

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var requirement = context.RequestServices.GetRequiredService<TwoFactorRequirement>();
        if (!requirement.IsMissing(context.User) || IsOpen(context))
        {
            await next();
            return;
        }

        var endpoint = context.GetEndpoint();
        if (HttpMethods.IsGet(context.Request.Method) && endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{SetupPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Two-factor sign-in must be set up first: " + SetupPath, Encoding.UTF8);
    });

    private static bool IsOpen(HttpContext context) =>
        OpenPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
        || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
}

/// <summary>
/// Asking again who is at the keyboard before a change to the sign-in itself (a new key, new recovery codes, another
/// user's reset): an unattended open session must not be enough to take over or lock out an account.
/// </summary>
public static class Reauthentication
{
    /// <summary>
    /// Null when <paramref name="secret"/> is the user's password or a current authenticator code, else the resource
    /// key of the message. A wrong one counts toward the lockout as a failed sign-in does, and is audited.
    /// </summary>
    public static async Task<string?> CheckAsync(UserManager<ApplicationUser> users, AuditLog audit, ApplicationUser user, string? secret,
        string purpose, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return "Reauth.Required";
        }

        if (await users.IsLockedOutAsync(user))
        {
            return "Account.LockedOut";
        }

        // Passwords are at least 12 characters, so six digits (as the apps group them) can only be a code.
        var code = TwoFactorSession.CleanCode(secret);
        var right = code.Length == 6 && secret.Trim().Length <= 9 && await users.GetTwoFactorEnabledAsync(user)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : await users.CheckPasswordAsync(user, secret);
        if (right)
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }

        await users.AccessFailedAsync(user);
        var locked = await users.IsLockedOutAsync(user);
        await audit.WriteAsync(AuditActions.ReauthenticationFailed, user.Email, nameof(ApplicationUser), user.Id, new { Purpose = purpose, LockedOut = locked }, ct: ct);
        return locked ? "Account.LockedOut" : "Reauth.Wrong";
    }
}

/// <summary>Re-issues the sign-in cookie after a two-factor change, keeping the original sign-in time.</summary>
public static class TwoFactorSession
{
    public static async Task RefreshAsync(HttpContext context, SignInManager<ApplicationUser> signIn, ApplicationUser user)
    {
        var current = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        await SessionLimit.KeepSignInTime(new SecurityStampRefreshingPrincipalContext
        {
            CurrentPrincipal = current.Principal,
            NewPrincipal = principal,
        });
        await context.SignInAsync(IdentityConstants.ApplicationScheme, principal, current.Properties);
    }

    /// <summary>A key as authenticator apps show it: lower case in groups of four.</summary>
    public static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth:// URI authenticator apps read from the QR code (Google's Key Uri Format).</summary>
    public static string AuthenticatorUri(string issuer, string email, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6");

    /// <summary>Authenticator codes are typed with spaces or dashes as the apps group them.</summary>
    public static string CleanCode(string? code) => new((code ?? "").Where(char.IsAsciiDigit).ToArray());

    /// <summary>Recovery codes are stored as XXXXX-XXXXX in upper case; accept them typed without the dash or in lower case.</summary>
    public static string CleanRecoveryCode(string? code)
    {
        var plain = new string((code ?? "").Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : plain;
    }
}
