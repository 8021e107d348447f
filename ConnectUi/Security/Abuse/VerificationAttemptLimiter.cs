using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConnectUi.Security.Abuse;

/// <summary>
/// The per-caller attempt limit of the whole app (a singleton). A Blazor submit is not an HTTP request, so the
/// rate-limiting middleware cannot see it; this is called instead. Provider accounts are not limited here: a hard
/// per-account limit would let anyone use up the owner's attempts (see <see cref="AccountLockout"/>).
/// </summary>
public sealed class VerificationAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perCaller;

    public VerificationAttemptLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        var limits = options.Value;
        _perCaller = PartitionedRateLimiter.Create<string, string>(caller =>
            RateLimitPartition.Get(caller, _ => new SlidingLogRateLimiter(limits.PerCaller, time)));
    }

    /// <summary>Takes one permit of the caller's, or none; a refusal says how long to wait.</summary>
    public AttemptPermit TryAcquire(string callerKey)
    {
        using var lease = _perCaller.AttemptAcquire(callerKey);
        if (lease.IsAcquired)
        {
            return AttemptPermit.Granted;
        }

        return AttemptPermit.Refused(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _perCaller.Dispose();
}

/// <summary>Whether an attempt may go to the provider, and if not, how long until it may.</summary>
public sealed record AttemptPermit(bool IsGranted, TimeSpan RetryAfter)
{
    public static AttemptPermit Granted { get; } = new(true, TimeSpan.Zero);

    public static AttemptPermit Refused(TimeSpan retryAfter) => new(false, retryAfter);
}
