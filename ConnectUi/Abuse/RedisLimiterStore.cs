using System.Threading.RateLimiting;
using ConnectUi.Redis;
using RedisRateLimiting;
using StackExchange.Redis;

namespace ConnectUi.Abuse;

/// <summary>
/// Limits counted in Redis with RedisRateLimiting's fixed window, so attempts split across instances count together.
/// A fixed window (rather than the in-process sliding one) because it reports the exact wait for "try again in N
/// seconds"; across a window boundary a caller can get up to twice the limit. When Redis cannot be reached, the
/// permit is refused with <see cref="LimiterMetadata.Unavailable"/>: never unlimited.
/// </summary>
public sealed partial class RedisLimiterStore(RedisConnection redis, ILogger<RedisLimiterStore> logger) : ILimiterStore
{
    /// <summary>How long a person is asked to wait when the limits cannot be checked.</summary>
    public static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(5);

    public RateLimiter Create(string partitionKey, WindowLimit limit)
    {
        var inner = new RedisFixedWindowRateLimiter<string>(
            redis.KeyPrefix + "limit:" + partitionKey,
            new RedisFixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                ConnectionMultiplexerFactory = () => redis.Multiplexer,
            });
        return new RefusingWhenUnreachable(inner, this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis could not count an attempt; it is refused until Redis answers again")]
    private partial void LogUnreachable(Exception exception);

    /// <summary>Turns Redis failures into refusals, and the library's whole-seconds retry-after into the standard metadata.</summary>
    private sealed class RefusingWhenUnreachable(RateLimiter inner, RedisLimiterStore store) : RateLimiter
    {
        public override TimeSpan? IdleDuration => inner.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => null;

        // Redis is asked asynchronously only: callers that try a synchronous acquire first fall back to AcquireAsync.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => new Lease(false, retryAfter: null, unavailable: false);

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            try
            {
                using var lease = await inner.AcquireAsync(permitCount, cancellationToken);
                // The library truncates to whole seconds: one more, so "try again in N seconds" is never too early.
                var retryAfter = lease.TryGetMetadata(RateLimitMetadataName.RetryAfter.Name, out var seconds) && seconds is int whole
                    ? TimeSpan.FromSeconds(Math.Max(0, whole) + 1)
                    : (TimeSpan?)null;
                return new Lease(lease.IsAcquired, retryAfter, unavailable: false);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                store.LogUnreachable(exception);
                return new Lease(false, UnavailableRetryAfter, unavailable: true);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter, bool unavailable) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            (retryAfter is null ? [] : new[] { MetadataName.RetryAfter.Name }).Concat(unavailable ? [LimiterMetadata.Unavailable.Name] : []);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == MetadataName.RetryAfter.Name && retryAfter is { } wait)
            {
                metadata = wait;
                return true;
            }

            if (metadataName == LimiterMetadata.Unavailable.Name && unavailable)
            {
                metadata = true;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
