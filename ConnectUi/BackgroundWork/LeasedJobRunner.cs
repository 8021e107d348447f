namespace ConnectUi.BackgroundWork;

/// <summary>
/// Runs a piece of background work only on the instance that holds its lease, renews the lease while the work runs, and
/// stops the work when the lease is lost, so two instances never run it at once.
/// </summary>
public sealed partial class LeasedJobRunner(IBackgroundLease lease, TimeProvider timeProvider, ILogger<LeasedJobRunner> logger)
{
    public static readonly TimeSpan MinimumLeaseDuration = TimeSpan.FromSeconds(3);

    /// <summary>
    /// False, without running anything, when another instance holds the lease. Otherwise runs <paramref name="work"/> with a
    /// token that is cancelled when a renewal is refused (another instance took the lease) or the lease ran out while the
    /// database could not be reached, then releases the lease. The lease is renewed every third of <paramref name="duration"/>.
    /// </summary>
    public async Task<bool> RunAsync(string jobName, TimeSpan duration, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, MinimumLeaseDuration);
        if (!await lease.TryAcquireAsync(jobName, duration, cancellationToken))
        {
            return false;
        }

        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = KeepRenewingAsync(jobName, duration, held, stopRenewing.Token);
        try
        {
            await work(held.Token);
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogStoppedAfterLoss(jobName);
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewing;
            await TryReleaseAsync(jobName);
        }

        return true;
    }

    private async Task KeepRenewingAsync(string jobName, TimeSpan duration, CancellationTokenSource held, CancellationToken stop)
    {
        var heldUntil = timeProvider.GetUtcNow() + duration;
        using var timer = new PeriodicTimer(duration / 3, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var renewedAt = timeProvider.GetUtcNow();
                try
                {
                    if (!await lease.RenewAsync(jobName, duration, stop))
                    {
                        LogLost(jobName, lease.HolderId);
                        await held.CancelAsync();
                        return;
                    }

                    heldUntil = renewedAt + duration;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database hiccup: the lease is still ours until it expires, and the next tick tries again.
                    LogRenewFailed(exception, jobName);
                    if (timeProvider.GetUtcNow() >= heldUntil)
                    {
                        await held.CancelAsync();
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task TryReleaseAsync(string jobName)
    {
        try
        {
            await lease.ReleaseAsync(jobName, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Not released means the lease expires on its own: the next run waits at most one lease duration.
            LogReleaseFailed(exception, jobName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background job {JobName} lost its lease to another holder (this one is {HolderId}); stopping it")]
    private partial void LogLost(string jobName, string holderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Background job {JobName} stopped because its lease was lost")]
    private partial void LogStoppedAfterLoss(string jobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of background job {JobName} failed; trying again until it expires")]
    private partial void LogRenewFailed(Exception exception, string jobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the lease of background job {JobName} failed; it expires on its own")]
    private partial void LogReleaseFailed(Exception exception, string jobName);
}
