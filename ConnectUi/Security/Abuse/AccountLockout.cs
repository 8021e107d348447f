using Microsoft.Extensions.Options;

namespace ConnectUi.Security.Abuse;

/// <summary>
/// Exponential back-off per provider account after refused sign-ins: after <see cref="LockoutLimit.FailuresBeforeLockout"/>
/// failures in a row the account is locked for <see cref="LockoutLimit.FirstLockout"/>, doubling with each further
/// failure up to <see cref="LockoutLimit.MaxLockout"/>; a verified attempt clears it. Providers lock API users that
/// fail too often, and a customer should not lose theirs because someone guessed passwords through our form.
/// </summary>
public sealed class AccountLockout(IOptions<RateLimitOptions> options, TimeProvider time) : IAccountLockout
{
    /// <summary>Above this many remembered accounts, stale entries are swept on the next failure.</summary>
    internal const int SweepThreshold = 10_000;

    private readonly LockoutLimit _limit = options.Value.Lockout;
    private readonly Dictionary<string, Streak> _streaks = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    internal int RememberedAccounts
    {
        get
        {
            lock (_lock)
            {
                return _streaks.Count;
            }
        }
    }

    /// <summary>How long the account stays locked, or null when attempts may go to the provider.</summary>
    public TimeSpan? LockedFor(string accountKey)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            return _streaks.TryGetValue(accountKey, out var streak) && streak.LockedUntil > now ? streak.LockedUntil - now : null;
        }
    }

    /// <summary>Counts an authentication failure; returns the lock-out it starts, if any.</summary>
    public TimeSpan? RecordFailure(string accountKey)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_streaks.Count >= SweepThreshold)
            {
                Sweep(now);
            }

            var failures = _streaks.TryGetValue(accountKey, out var streak) && !IsForgotten(streak, now) ? streak.Failures + 1 : 1;
            var lockout = LockoutAfter(_limit, failures);
            _streaks[accountKey] = new Streak(failures, now, lockout is { } duration ? now + duration : DateTimeOffset.MinValue);
            return lockout;
        }
    }

    public void RecordSuccess(string accountKey)
    {
        lock (_lock)
        {
            _streaks.Remove(accountKey);
        }
    }

    public ValueTask<TimeSpan?> LockedForAsync(string accountKey, CancellationToken cancellationToken) => ValueTask.FromResult(LockedFor(accountKey));

    public ValueTask<TimeSpan?> RecordFailureAsync(string accountKey, CancellationToken cancellationToken) => ValueTask.FromResult(RecordFailure(accountKey));

    public ValueTask RecordSuccessAsync(string accountKey, CancellationToken cancellationToken)
    {
        RecordSuccess(accountKey);
        return ValueTask.CompletedTask;
    }

    /// <summary>The lock-out after this many failures in a row, if any: shared with <see cref="RedisAccountLockout"/>.</summary>
    internal static TimeSpan? LockoutAfter(LockoutLimit limit, int failures)
    {
        var doublings = failures - limit.FailuresBeforeLockout;
        if (doublings < 0)
        {
            return null;
        }

        // Compared before shifting, so a long first lock-out or a long streak cannot overflow.
        if (doublings >= 62 || limit.FirstLockout.Ticks > limit.MaxLockout.Ticks >> doublings)
        {
            return limit.MaxLockout;
        }

        return TimeSpan.FromTicks(limit.FirstLockout.Ticks << doublings);
    }

    private bool IsForgotten(Streak streak, DateTimeOffset now) => now - streak.LastFailureAt > _limit.ForgetFailuresAfter;

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, streak) in _streaks)
        {
            if (IsForgotten(streak, now) && streak.LockedUntil <= now)
            {
                _streaks.Remove(key);
            }
        }
    }

    private sealed record Streak(int Failures, DateTimeOffset LastFailureAt, DateTimeOffset LockedUntil);
}
