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

    public VerificationAttemptLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        var limits = options.Value;
        _perCaller = PartitionedRateLimiter.Create<AttemptKey, string>(attempt =>
            RateLimitPartition.Get(attempt.Caller, _ => new SlidingLogRateLimiter(limits.PerCaller, time)));
        _perAccount = PartitionedRateLimiter.Create<AttemptKey, string>(attempt => attempt.Account is { } account
            ? RateLimitPartition.Get(account, _ => new SlidingLogRateLimiter(limits.PerAccount, time))
            : RateLimitPartition.GetNoLimiter(string.Empty));
        _both = PartitionedRateLimiter.CreateChained(_perCaller, _perAccount);
    }

    /// <summary>Takes one permit from both limits, or none when either refuses; a refusal says how long to wait.</summary>
    public AttemptPermit TryAcquire(AttemptKey attempt)
    {
        using var lease = _both.AttemptAcquire(attempt);
        if (lease.IsAcquired)
        {
            return AttemptPermit.Granted;
        }

        return AttemptPermit.Refused(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
    }

    public void Dispose()
    {
        _both.Dispose();
        _perCaller.Dispose();
        _perAccount.Dispose();
    }
}

/// <summary>Whether an attempt may go to the provider, and if not, how long until it may.</summary>
public sealed record AttemptPermit(bool IsGranted, TimeSpan RetryAfter)
{
    public static AttemptPermit Granted { get; } = new(true, TimeSpan.Zero);

    public static AttemptPermit Refused(TimeSpan retryAfter) => new(false, retryAfter);
}
