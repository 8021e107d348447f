namespace ConnectUi.Abuse;

/// <summary>
/// How long refused sign-ins lock or slow things down, from <see cref="LockoutLimit"/>; pure arithmetic, no storage.
/// OWASP's advice: lock the pair of account and caller, so nobody can lock an account for someone else, and across
/// callers only slow an account down, so guessing from many sessions stays capped while the owner still gets through.
/// </summary>
public sealed class LockoutPolicy(LockoutLimit limit)
{
    public LockoutLimit Limit => limit;

    /// <summary>The lock-out of one caller on one account after this many failures in a row, or null below the threshold.</summary>
    public TimeSpan? CallerLockoutAfter(int failures) =>
        Doubled(limit.FirstLockout, limit.MaxLockout, failures - limit.FailuresBeforeLockout);

    /// <summary>How much longer the caller stays locked, or null when it may try.</summary>
    public TimeSpan? CallerLockedFor(FailureStreak streak, DateTimeOffset now) =>
        CallerLockoutAfter(streak.Failures) is { } lockout && streak.LastFailureAt + lockout > now
            ? streak.LastFailureAt + lockout - now
            : null;

    /// <summary>
    /// The spacing between attempts on an account that this many callers' failures in a row have reached: zero below
    /// <see cref="LockoutLimit.AccountFailuresBeforeDelay"/>, then <see cref="LockoutLimit.AccountFirstDelay"/>, doubling
    /// up to <see cref="LockoutLimit.AccountMaxDelay"/>.
    /// </summary>
    public TimeSpan AccountSpacingAfter(int failures) =>
        Doubled(limit.AccountFirstDelay, limit.AccountMaxDelay, failures - limit.AccountFailuresBeforeDelay) ?? TimeSpan.Zero;

    private static TimeSpan? Doubled(TimeSpan first, TimeSpan max, int doublings)
    {
        if (doublings < 0)
        {
            return null;
        }

        // Compared before shifting, so a long first value or a long streak cannot overflow.
        return doublings >= 62 || first.Ticks > max.Ticks >> doublings ? max : TimeSpan.FromTicks(first.Ticks << doublings);
    }
}
