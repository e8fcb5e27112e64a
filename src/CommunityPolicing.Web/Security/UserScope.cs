namespace CommunityPolicing.Web.Security;

/// <summary>
/// What the signed-in user may see, resolved from the database once per circuit or request.
/// DepartmentId is the department whose registry the user reads: a chief's own, an officer's
/// precinct's department. Services filter every query by it.
/// </summary>
public sealed record UserScope(
    string UserId,
    string UserName,
    string FullName,
    string Role,
    int? DepartmentId,
    int? PrecinctId,
    int? OfficerId,
    IReadOnlyList<int> AssociationIds,
    Domain.OfficerPosition? Position = null)
{
    public static readonly UserScope Nobody = new("", "", "", "", null, null, null, []);

    /// <summary>A juvenile-affairs inspector: an officer account that works juvenile prevention across the department.</summary>
    public bool IsJuvenileInspector => IsOfficer && Position == Domain.OfficerPosition.JuvenileAffairsInspector;

    public bool IsAdministrator => Role == Roles.Administrator;
    public bool IsChief => Role == Roles.StationChief;
    public bool IsOfficer => Role == Roles.DistrictOfficer;
    public bool IsCoordinator => Role == Roles.VolunteerCoordinator;

    /// <summary>Administrators edit everywhere, chiefs their own department.</summary>
    public bool CanEditDepartment(int departmentId) =>
        IsAdministrator || (IsChief && DepartmentId == departmentId);
}
