namespace ConnectUi.BackgroundWork;

/// <summary>
/// A named lease that at most one instance holds at a time, so a background job runs once however many instances share the
/// database. A lease that is not renewed expires, so a crashed holder blocks nobody for longer than the lease lasted.
/// </summary>
public interface IBackgroundLease
{
    /// <summary>This instance's identity in the lease table.</summary>
    string HolderId { get; }

    /// <summary>
    /// Takes the lease when nobody holds it or its holder let it expire, or extends it when this instance holds it already.
    /// True when this instance now holds it for <paramref name="duration"/>.
    /// </summary>
    Task<bool> TryAcquireAsync(string jobName, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease only if nobody took it since this instance last acquired or renewed it. False means another instance
    /// may be running the job: stop.
    /// </summary>
    Task<bool> RenewAsync(string jobName, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up when this instance holds it, so another instance need not wait for it to expire.</summary>
    Task ReleaseAsync(string jobName, CancellationToken cancellationToken);
}
