using Microsoft.AspNetCore.Authorization;

namespace CommunityPolicing.Web.Security;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string StationChief = "StationChief";
    public const string DistrictOfficer = "DistrictOfficer";
    public const string VolunteerCoordinator = "VolunteerCoordinator";

    public static readonly string[] All = [Administrator, StationChief, DistrictOfficer, VolunteerCoordinator];
}

/// <summary>Authorization policies for pages and navigation; services check the scope again in SQL.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string RegistryEditor = "RegistryEditor";
    public const string RegistryReader = "RegistryReader";
    public const string AppealWorker = "AppealWorker";
    public const string AssociationReader = "AssociationReader";
    public const string PatrolReader = "PatrolReader";

    /// <summary>Preventive records: the police who keep them, never administrators or coordinators.</summary>
    public const string RecordKeeper = "RecordKeeper";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(RegistryEditor, p => p.RequireRole(Roles.Administrator, Roles.StationChief));
        options.AddPolicy(RegistryReader, p => p.RequireRole(Roles.Administrator, Roles.StationChief, Roles.DistrictOfficer));
        options.AddPolicy(AppealWorker, p => p.RequireRole(Roles.Administrator, Roles.StationChief, Roles.DistrictOfficer));
        options.AddPolicy(AssociationReader, p => p.RequireRole(Roles.All));
        options.AddPolicy(PatrolReader, p => p.RequireRole(Roles.All));
        options.AddPolicy(RecordKeeper, p => p.RequireRole(Roles.StationChief, Roles.DistrictOfficer));
    }
}
