using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;

namespace CommunityPolicing.Web.Features.Admin;

/// <summary>The signed-in user's password or current authenticator code, asked again before a change to sign-in.</summary>
public sealed class ReauthForm
{
    public string Secret { get; set; } = "";
}

public sealed record UserListQuery(string? Search = null, string? Role = null, int Page = 0, int PageSize = 25);

public sealed record UserRow(
    string Id, string Email, string FullName, string Role, string? Department, string? Precinct, bool Locked, DateTimeOffset? LockoutEnd,
    bool TwoFactor = false);

public sealed class UserForm
{
    public string? Id { get; set; }
    public string Email { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Role { get; set; } = Roles.DistrictOfficer;
    public int? DepartmentId { get; set; }
    public int? PrecinctId { get; set; }
    public int? OfficerId { get; set; }

    /// <summary>Required for a new user; ignored when editing (passwords are reset separately).</summary>
    public string? Password { get; set; }

    public FieldErrors Validate() => new FieldErrors()
        .Required(nameof(Email), Email).MaxLength(nameof(Email), Email, 256)
        .When(Email.Length > 0 && !EmailAddress.IsValid(Email), nameof(Email), "Validation.Email")
        .Required(nameof(FullName), FullName).MaxLength(nameof(FullName), FullName, 200)
        .When(!Roles.All.Contains(Role), nameof(Role), "Validation.Required")
        .When(Role == Roles.StationChief && DepartmentId is null, nameof(DepartmentId), "Validation.Required")
        .When(Role == Roles.DistrictOfficer && PrecinctId is null, nameof(PrecinctId), "Validation.Required")
        .When(Id is null && string.IsNullOrEmpty(Password), nameof(Password), "Validation.Required");
}
