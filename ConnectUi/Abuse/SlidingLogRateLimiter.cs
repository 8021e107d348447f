using System.Threading.RateLimiting;

namespace ConnectUi.Abuse;

/// <summary>
/// A sliding-window limiter that keeps the time of each granted permit and reads time from a <see cref="TimeProvider"/>.
/// The built-in window limiters read <c>Stopwatch</c>, which tests cannot move; this one plugs into the same
/// <see cref="PartitionedRateLimiter"/> machinery and answers the exact wait as <see cref="MetadataName.RetryAfter"/>.
/// </summary>
public sealed class SlidingLogRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(acquired: true, retryAfter: null);

    private readonly Queue<DateTimeOffset> _grants = new();
    private readonly Lock _lock = new();
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private DateTimeOffset _lastGrant;
    private long _successfulLeases;
    private long _failedLeases;

    public SlidingLogRateLimiter(WindowLimit limit, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit.PermitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit.Window, TimeSpan.Zero);
        _permitLimit = limit.PermitLimit;
        _window = limit.Window;
        _time = time;
        _lastGrant = time.GetUtcNow() - limit.Window;
    }

    /// <summary>Idle once the window holds no grant: the partitioned limiter may then drop this partition.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                Forget(now);
                return _grants.Count == 0 ? now - (_lastGrant + _window) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Forget(_time.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permitLimit - _grants.Count,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            Forget(now);
            var needed = Math.Max(permitCount, 1);
            if (_grants.Count + needed <= _permitLimit)
            {
                for (var i = 0; i < permitCount; i++)
                {
                    _grants.Enqueue(now);
                }

                if (permitCount > 0)
                {
                    _lastGrant = now;
                    _successfulLeases++;
                }

                return Granted;
            }

            // Enough permits come back when the grant that many places from the oldest leaves the window.
            var freedBy = _grants.ElementAt(_grants.Count + needed - _permitLimit - 1);
            _failedLeases++;
            return new Lease(acquired: false, retryAfter: freedBy + _window - now);
        }
    }

    /// <summary>Never queues: a refused attempt is answered at once with the time to wait.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }

    private void Forget(DateTimeOffset now)
    {
        while (_grants.TryPeek(out var oldest) && oldest + _window <= now)
        {
            _grants.Dequeue();
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
