using System.Threading.RateLimiting;

namespace CommunityPolicing.Web.Security;

/// <summary>
/// A count per client address (<see cref="ClientAddress.Bucket(HttpContext)"/>) in a 10-minute window, for limits a page checks
/// itself, so that a refusal comes as the page with a message and what was typed, not as a bare 429.
/// </summary>
public abstract class ClientLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    protected ClientLimiter(IConfiguration configuration, string setting, int defaultPermits)
    {
        Permits = Math.Max(1, configuration.GetValue(setting, defaultPermits));
        _limiter = PartitionedRateLimiter.Create<string, string>(bucket => RateLimitPartition.GetFixedWindowLimiter(bucket,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Permits, Window = Window, QueueLimit = 0 }));
    }

    public static TimeSpan Window { get; } = TimeSpan.FromMinutes(10);

    public int Permits { get; }

    /// <summary>Takes one for the request's client; false when its window is used up.</summary>
    public bool TryTake(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(ClientAddress.Bucket(context));
        return lease.IsAcquired;
    }

    /// <summary>Whether the client has one left, without taking it; when not, how long until its window turns.</summary>
    public bool HasRoom(HttpContext context, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(ClientAddress.Bucket(context), 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
