using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Security;

/// <summary>
/// Identity's password messages in the user's language (its own are English only), for the change-password page and
/// the administrator's reset, which show them beside the field.
/// </summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Password.TooShort", length);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Password.RequiresSymbol");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Password.RequiresDigit");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Password.RequiresLower");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Password.RequiresUpper");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "Password.RequiresUnique", uniqueChars);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Password.WrongCurrent");

    /// <summary>Our own rule (<see cref="CommonPasswordValidator"/>).</summary>
    public IdentityError PasswordCommon() => Error(CommonPasswordValidator.Code, "Password.Common");

    private IdentityError Error(string code, string key, params object[] arguments) => new() { Code = code, Description = l[key, arguments] };
}
