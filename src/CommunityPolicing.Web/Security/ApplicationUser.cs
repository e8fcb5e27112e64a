using Microsoft.AspNetCore.Identity;

namespace CommunityPolicing.Web.Security;

/// <summary>A staff account. Its scope: a department (chief), a precinct (officer) or associations (coordinator).</summary>
public sealed class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string FullName { get; set; } = "";

    public int? DepartmentId { get; set; }
    public int? PrecinctId { get; set; }
}
