namespace CommunityPolicing.Web.Security;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string StationChief = "StationChief";
    public const string DistrictOfficer = "DistrictOfficer";
    public const string VolunteerCoordinator = "VolunteerCoordinator";

    public static readonly string[] All = [Administrator, StationChief, DistrictOfficer, VolunteerCoordinator];
}

/// <summary>Authorization policy names; pages use these, services check the scope again.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string RegistryEditor = "RegistryEditor";
    public const string RegistryReader = "RegistryReader";
}
