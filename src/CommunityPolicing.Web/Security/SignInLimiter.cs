using System.Threading.RateLimiting;

namespace CommunityPolicing.Web.Security;

/// <summary>
/// Sign-in attempts (password, authenticator code, recovery code) per client address in a 10-minute window,
/// setting <c>RateLimits:SignInsPerClient</c>. Identity's lockout counts per account; this stops one client
/// trying one password on many accounts. Every attempt counts, right ones too: the limit is checked before the password.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    public const string Setting = "RateLimits:SignInsPerClient";

    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInLimiter(IConfiguration configuration)
    {
        var permits = Math.Max(1, configuration.GetValue(Setting, 20));
        _limiter = PartitionedRateLimiter.Create<string, string>(bucket => RateLimitPartition.GetFixedWindowLimiter(bucket,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 }));
    }

    /// <summary>Takes one attempt for the request's client; false (and a 429 status) when its window is used up.</summary>
    public bool TryAttempt(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(ClientAddress.Bucket(context));
        if (!lease.IsAcquired)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
