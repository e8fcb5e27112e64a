using Microsoft.AspNetCore.Identity;

namespace CommunityPolicing.Web.Security;

/// <summary>Refuses passwords from a list of common and leaked ones (ASVS 2.1.7), case-insensitively.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string Code = "PasswordCommon";

    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CommunityPolicing.Web.Security.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#')).Select(line => line.ToLowerInvariant())];
    });

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && (IsCommon(password)
            || password.Contains(user.UserName?.Split('@')[0] ?? "\u0000", StringComparison.OrdinalIgnoreCase))
            ? IdentityResult.Failed((manager.ErrorDescriber as LocalizedIdentityErrors)?.PasswordCommon()
                ?? new IdentityError { Code = Code, Description = "This password is too common or contains the user name." })
            : IdentityResult.Success);
}
