namespace CommunityPolicing.Web.Components.Account;

public static class AccountUrls
{
    /// <summary>
    /// Only same-site paths, else "/": no open redirects. Stricter than <c>Url.IsLocalUrl</c>: no backslash and no
    /// control character anywhere, since browsers read "\" as "/" and drop tabs and line breaks ("/\t/evil" is "//evil").
    /// Every return address (sign-in, two-factor pages, language switch) goes through here.
    /// </summary>
    public static string Local(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' '));
}
