namespace CommunityPolicing.Web.Components.Account;

public static class AccountUrls
{
    /// <summary>Only same-site paths: no open redirects.</summary>
    public static string Local(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
