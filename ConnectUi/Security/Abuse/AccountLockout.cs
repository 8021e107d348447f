using Microsoft.Extensions.Options;

namespace ConnectUi.Security.Abuse;

/// <summary>
/// Exponential back-off per provider account after refused sign-ins: after <see cref="LockoutLimit.FailuresBeforeLockout"/>
/// failures in a row the account is locked for <see cref="LockoutLimit.FirstLockout"/>, doubling with each further
/// failure up to <see cref="LockoutLimit.MaxLockout"/>; a verified attempt clears it. Providers lock API users that
/// fail too often, and a customer should not lose theirs because someone guessed passwords through our form.
/// </summary>
public sealed class AccountLockout(IOptions<RateLimitOptions> options, TimeProvider time)
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
            var lockout = LockoutAfter(failures);
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

    private TimeSpan? LockoutAfter(int failures)
    {
        var doublings = failures - _limit.FailuresBeforeLockout;
        if (doublings < 0)
        {
            return null;
        }

        // Compared before shifting, so a long first lock-out or a long streak cannot overflow.
        if (doublings >= 62 || _limit.FirstLockout.Ticks > _limit.MaxLockout.Ticks >> doublings)
        {
            return _limit.MaxLockout;
        }

        return TimeSpan.FromTicks(_limit.FirstLockout.Ticks << doublings);
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
