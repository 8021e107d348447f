namespace ConnectUi.Security.Abuse;

/// <summary>
/// Back-off after refused sign-ins, per account key. <see cref="AccountLockout"/> keeps the streaks in this process;
/// <see cref="RedisAccountLockout"/> keeps them in Redis, so a lock-out started on one instance holds on every other.
/// </summary>
public interface IAccountLockout
{
    /// <summary>How long the account stays locked, or null when attempts may go to the provider.</summary>
    /// <exception cref="LimitsUnavailableException">The shared store cannot be reached: refuse the attempt.</exception>
    ValueTask<TimeSpan?> LockedForAsync(string accountKey, CancellationToken cancellationToken);

    /// <summary>Counts an authentication failure; returns the lock-out it starts, if any.</summary>
    ValueTask<TimeSpan?> RecordFailureAsync(string accountKey, CancellationToken cancellationToken);

    ValueTask RecordSuccessAsync(string accountKey, CancellationToken cancellationToken);
}

/// <summary>The shared store of the limits (Redis) cannot be reached; the attempt is refused, never let through unchecked.</summary>
public sealed class LimitsUnavailableException(Exception innerException)
    : Exception("The shared store of the attempt limits cannot be reached.", innerException);
