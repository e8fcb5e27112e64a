using System.Net.Mail;

namespace CommunityPolicing.Web.Domain;

public static class EmailAddress
{
    /// <summary>A plain address (name@host), not a display-name form.</summary>
    public static bool IsValid(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.');
}
