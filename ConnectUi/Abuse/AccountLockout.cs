using System.Security.Cryptography;
using System.Text;
using ConnectUi.Connections;
using ConnectUi.Providers;
using Microsoft.Extensions.Options;

namespace ConnectUi.Abuse;

/// <summary>
/// Refused sign-ins, counted twice: per provider account and caller (a connect session or client address), which
/// locks that caller out of that account with exponential back-off; and per account across every caller, which past a
/// ceiling spaces attempts out (each waits for its turn) instead of locking, so a third party can slow the owner down
/// but never lock them out. A verified sign-in clears both. Counting lives in <see cref="ILockoutStore"/>, the
/// durations in <see cref="LockoutPolicy"/>.
/// </summary>
public sealed class AccountLockout(IOptions<RateLimitOptions> options, ILockoutStore store, TimeProvider time)
{
    private readonly LockoutPolicy _policy = new(options.Value.Lockout);

    /// <summary>How long this caller stays locked out of the account, or null when it may try.</summary>
    public async ValueTask<TimeSpan?> LockedForAsync(string accountKey, string callerKey, CancellationToken cancellationToken) =>
        await store.GetAsync(PairKey(accountKey, callerKey), cancellationToken) is { } streak
            ? _policy.CallerLockedFor(streak, time.GetUtcNow())
            : null;

    /// <summary>
    /// Starts an attempt on the account and says how long it must wait for its turn. The attempt counts as a failure
    /// from now on (<see cref="EndAttemptAsync"/> takes that back unless the provider refused the sign-in), so a burst
    /// of simultaneous attempts is spaced out as if each before it had failed.
    /// </summary>
    public async ValueTask<TimeSpan> BeginAttemptAsync(string accountKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var streak = await store.RecordFailureAsync(AccountKey(accountKey), now, _policy.Limit.ForgetFailuresAfter, cancellationToken);
        var spacing = _policy.AccountSpacingAfter(streak.Failures - 1);
        if (spacing <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var turn = await store.ReserveTurnAsync(AccountKey(accountKey), now, spacing, cancellationToken);
        return turn - now;
    }

    /// <summary>
    /// Ends an attempt begun with <see cref="BeginAttemptAsync"/>: null outcome when it never reached an answer. Returns
    /// the lock-out a refused sign-in starts for this caller, if any.
    /// </summary>
    public async ValueTask<TimeSpan?> EndAttemptAsync(string accountKey, string callerKey, VerificationOutcome? outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case VerificationOutcome.Verified:
                await store.ClearAsync(AccountKey(accountKey), cancellationToken);
                await store.ClearAsync(PairKey(accountKey, callerKey), cancellationToken);
                return null;
            case VerificationOutcome.InvalidCredentials:
                var pair = await store.RecordFailureAsync(PairKey(accountKey, callerKey), time.GetUtcNow(), _policy.Limit.ForgetFailuresAfter, cancellationToken);
                return _policy.CallerLockoutAfter(pair.Failures);
            default:
                // Timeouts, IP not allowed and the like say nothing about the password: not a failure of the account.
                await store.ForgiveFailureAsync(AccountKey(accountKey), cancellationToken);
                return null;
        }
    }

    private static string AccountKey(string accountKey) => "account:" + accountKey;

    /// <summary>Hashed, so the store holds neither the caller's address nor a guessable pairing.</summary>
    private static string PairKey(string accountKey, string callerKey) =>
        "caller:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accountKey + "\n" + callerKey)));
}
