using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConnectUi.Abuse;

/// <summary>
/// Failed host API authentications per client address (<see cref="RateLimitOptions.FailedAuthentication"/>). Past the
/// limit, every request from that address is refused until the window frees a permit, with or without a right key:
/// answering a right key then would tell a guesser which guess was right.
/// </summary>
public sealed class FailedAuthenticationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public FailedAuthenticationLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        var limit = options.Value.FailedAuthentication;
        _failures = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.Get(address, _ => new SlidingLogRateLimiter(limit, time)));
    }

    /// <summary>How long the address must wait, or null when it has failures left. Takes nothing from its allowance.</summary>
    public TimeSpan? BlockedFor(string address)
    {
        using var peek = _failures.AttemptAcquire(address, permitCount: 0);
        return peek.IsAcquired ? null : RetryAfter(peek);
    }

    /// <summary>Counts one failed authentication from the address.</summary>
    public void RecordFailure(string address)
    {
        using var _ = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
}
