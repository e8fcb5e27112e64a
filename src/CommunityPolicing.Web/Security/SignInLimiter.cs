namespace CommunityPolicing.Web.Security;

/// <summary>
/// Sign-in attempts (password, authenticator code, recovery code) per client address in a 10-minute window,
/// setting <c>RateLimits:SignInsPerClient</c>. Identity's lockout counts per account; this stops one client
/// trying one password on many accounts. Every attempt counts, right ones too: the limit is checked before the password.
/// </summary>
public sealed class SignInLimiter(IConfiguration configuration) : ClientLimiter(configuration, Setting, 20)
{
    public const string Setting = "RateLimits:SignInsPerClient";

    /// <summary>Takes one attempt for the request's client; false (and a 429 status) when its window is used up.</summary>
    public bool TryAttempt(HttpContext context)
    {
        if (TryTake(context))
        {
            return true;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return false;
    }
}
