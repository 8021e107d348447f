using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConnectUi.Security.Abuse;

/// <summary>One verification attempt, as the limits see it: who makes it, and which provider account it tries.</summary>
/// <param name="Account">The hashed account key (<see cref="AccountKeys"/>), or null when the provider names none.</param>
public readonly record struct AttemptKey(string Caller, string? Account);

/// <summary>
/// The attempt limits of the whole app (a singleton): per caller and per provider account, chained so an attempt needs
/// both. A Blazor submit is not an HTTP request, so the rate-limiting middleware cannot see it; this is called instead.
/// </summary>
public sealed class VerificationAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<AttemptKey> _perCaller;
    private readonly PartitionedRateLimiter<AttemptKey> _perAccount;
    private readonly PartitionedRateLimiter<AttemptKey> _both;

    public VerificationAttemptLimiter(IOptions<RateLimitOptions> options, ILimiterStore store)
    {
        var limits = options.Value;
        _perCaller = PartitionedRateLimiter.Create<AttemptKey, string>(attempt =>
            RateLimitPartition.Get(attempt.Caller, caller => store.Create("attempts:caller:" + caller, limits.PerCaller)));
        _perAccount = PartitionedRateLimiter.Create<AttemptKey, string>(attempt => attempt.Account is { } account
            ? RateLimitPartition.Get(account, key => store.Create("attempts:account:" + key, limits.PerAccount))
            : RateLimitPartition.GetNoLimiter(string.Empty));
        _both = PartitionedRateLimiter.CreateChained(_perCaller, _perAccount);
    }

    /// <summary>
    /// Takes one permit from both limits, or none when either refuses; a refusal says how long to wait, and whether the
    /// limits could not be checked at all (a shared store that is down refuses rather than lets through).
    /// </summary>
    public async ValueTask<AttemptPermit> TryAcquireAsync(AttemptKey attempt, CancellationToken cancellationToken = default)
    {
        using var lease = await _both.AcquireAsync(attempt, cancellationToken: cancellationToken);
        if (lease.IsAcquired)
        {
            return AttemptPermit.Granted;
        }

        return AttemptPermit.Refused(LimiterMetadata.RetryAfter(lease), LimiterMetadata.IsUnavailable(lease));
    }

    public void Dispose()
    {
        _both.Dispose();
        _perCaller.Dispose();
        _perAccount.Dispose();
    }
}

/// <summary>Whether an attempt may go to the provider, and if not, how long until it may.</summary>
/// <param name="LimitsUnavailable">Refused because the shared limits could not be checked, not because they were reached.</param>
public sealed record AttemptPermit(bool IsGranted, TimeSpan RetryAfter, bool LimitsUnavailable = false)
{
    public static AttemptPermit Granted { get; } = new(true, TimeSpan.Zero);

    public static AttemptPermit Refused(TimeSpan retryAfter, bool limitsUnavailable = false) => new(false, retryAfter, limitsUnavailable);
}
