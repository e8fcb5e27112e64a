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

    /// <summary>
    /// One number one way, for comparing whole numbers: its digits, with Kazakhstan's and Russia's domestic trunk
    /// prefix (8 and ten digits, typed without a +) written as the country code 7, so +7 701 123 45 67 and
    /// 8 (701) 123-45-67 agree. Nothing else is guessed: a number without its country code stays short.
    /// </summary>
    public static string Normalise(string phone)
    {
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return !phone.TrimStart().StartsWith('+') && digits.Length == 11 && digits[0] == '8' ? "7" + digits[1..] : digits;
    }
}
