using System.Threading.RateLimiting;

namespace ConnectUi.Abuse;

/// <summary>
/// Where the abuse limits keep their counts: in this process (<see cref="InMemoryLimiterStore"/>, one instance) or in
/// Redis (<see cref="RedisLimiterStore"/>), where every instance counts against the same limit. The policy (which
/// limits, partitioned how) stays with the callers; a store only makes the limiter for one partition.
/// </summary>
public interface ILimiterStore
{
    /// <summary>
    /// At most <see cref="WindowLimit.PermitLimit"/> permits per <see cref="WindowLimit.Window"/> for one partition.
    /// Acquire asynchronously: a shared store has to ask Redis. A refused lease carries <see cref="MetadataName.RetryAfter"/>,
    /// and <see cref="LimiterMetadata.Unavailable"/> when the count could not be checked at all.
    /// </summary>
    /// <param name="partitionKey">Names the limit and the partition, e.g. <c>attempts:caller:ip:203.0.113.9</c>.</param>
    RateLimiter Create(string partitionKey, WindowLimit limit);
}

/// <summary>Counts in this process, with the app's clock (tests move it).</summary>
public sealed class InMemoryLimiterStore(TimeProvider time) : ILimiterStore
{
    public RateLimiter Create(string partitionKey, WindowLimit limit) => new SlidingLogRateLimiter(limit, time);
}

public static class LimiterMetadata
{
    /// <summary>On a refused lease: the shared store could not be reached, so the permit was refused rather than granted unchecked.</summary>
    public static MetadataName<bool> Unavailable { get; } = new("CONNECTUI_LIMITS_UNAVAILABLE");

    /// <summary>How long to wait after a refusal, one second when the limiter does not say.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);

    /// <summary>A wait in whole seconds, at least one: what <c>Retry-After</c> and the messages say.</summary>
    public static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static bool IsUnavailable(RateLimitLease lease) => lease.TryGetMetadata(Unavailable, out var unavailable) && unavailable;
}
