using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConnectUi.Abuse;

/// <summary>
/// The per-caller attempt limit of the whole app (a singleton). A Blazor submit is not an HTTP request, so the
/// rate-limiting middleware cannot see it; this is called instead. Provider accounts are not limited here: a hard
/// per-account limit would let anyone use up the owner's attempts (see <see cref="AccountLockout"/>). The counts live
/// in the <see cref="ILimiterStore"/>: this process, or Redis, where every instance counts against the same limit.
/// </summary>
public sealed class VerificationAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perCaller;

    public VerificationAttemptLimiter(IOptions<RateLimitOptions> options, ILimiterStore store)
    {
        var limits = options.Value;
        _perCaller = PartitionedRateLimiter.Create<string, string>(caller =>
            RateLimitPartition.Get(caller, key => store.Create("attempts:caller:" + key, limits.PerCaller)));
    }

    /// <summary>
    /// Takes one permit of the caller's, or none; a refusal says how long to wait, and whether the limit could not be
    /// checked at all (a shared store that is down refuses rather than lets through).
    /// </summary>
    public async ValueTask<AttemptPermit> TryAcquireAsync(string callerKey, CancellationToken cancellationToken = default)
    {
        using var lease = await _perCaller.AcquireAsync(callerKey, cancellationToken: cancellationToken);
        return lease.IsAcquired
            ? AttemptPermit.Granted
            : AttemptPermit.Refused(LimiterMetadata.RetryAfter(lease), LimiterMetadata.IsUnavailable(lease));
    }

    public void Dispose() => _perCaller.Dispose();
}

/// <summary>Whether an attempt may go to the provider, and if not, how long until it may.</summary>
/// <param name="LimitsUnavailable">Refused because the shared limits could not be checked, not because they were reached.</param>
public sealed record AttemptPermit(bool IsGranted, TimeSpan RetryAfter, bool LimitsUnavailable = false)
{
    public static AttemptPermit Granted { get; } = new(true, TimeSpan.Zero);

    public static AttemptPermit Refused(TimeSpan retryAfter, bool limitsUnavailable = false) => new(false, retryAfter, limitsUnavailable);
}
