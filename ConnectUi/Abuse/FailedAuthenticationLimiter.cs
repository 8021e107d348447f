using Microsoft.Extensions.Options;

namespace ConnectUi.Abuse;

/// <summary>
/// Failed host API authentications per client address (<see cref="RateLimitOptions.FailedAuthentication"/>), counted in
/// the <see cref="ILockoutStore"/>, so with Redis every instance counts the same failures. After
/// <see cref="WindowLimit.PermitLimit"/> failures, each within <see cref="WindowLimit.Window"/> of the one before, every
/// request from that address is refused until a window has passed since the last failure, with or without a right
/// key: answering a right key then would tell a guesser which guess was right. A store that cannot be reached raises
/// <see cref="LimitsUnavailableException"/>, and the caller refuses rather than lets guesses through uncounted.
/// </summary>
public sealed class FailedAuthenticationLimiter(ILockoutStore store, IOptions<RateLimitOptions> options, TimeProvider time)
{
    private WindowLimit Limit => options.Value.FailedAuthentication;

    /// <summary>How long the address must wait, or null when it has failures left. Counts nothing.</summary>
    public async ValueTask<TimeSpan?> BlockedForAsync(string address, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(Key(address), cancellationToken) is not { } streak || streak.Failures < Limit.PermitLimit)
        {
            return null;
        }

        var wait = streak.LastFailureAt + Limit.Window - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>Counts one failed authentication from the address.</summary>
    public async ValueTask RecordFailureAsync(string address, CancellationToken cancellationToken) =>
        await store.RecordFailureAsync(Key(address), time.GetUtcNow(), Limit.Window, cancellationToken);

    private static string Key(string address) => "host-api-auth:" + address;
}
