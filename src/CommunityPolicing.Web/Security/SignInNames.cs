using System.Security.Cryptography;
using System.Text;

namespace CommunityPolicing.Web.Security;

/// <summary>What a failed sign-in records as the user name.</summary>
public static class SignInNames
{
    /// <summary>
    /// Typed text that is no account may be anything (a password in the wrong field, someone's name): the audit keeps
    /// a pseudonym instead, the same for the same text (trimmed, case ignored), so repeated attempts still show.
    /// </summary>
    public static string Pseudonym(string typed) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(typed.Trim().Normalize().ToUpperInvariant())))[..16];
}
