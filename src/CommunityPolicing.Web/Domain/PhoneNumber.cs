namespace CommunityPolicing.Web.Domain;

public static class PhoneNumber
{
    /// <summary>Digits with the usual separators, an optional leading +, and 6 to 15 digits (E.164 allows 15).</summary>
    public static bool IsPlausible(string phone)
    {
        var trimmed = phone.Trim();
        var digits = trimmed.Count(char.IsAsciiDigit);
        var body = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        return digits is >= 6 and <= 15 && body.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')');
    }
}
