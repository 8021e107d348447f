namespace ConnectUi.BackgroundWork;

/// <summary>
/// Periodic clean-up that runs on one instance at a time, however many share the database: on each tick, the instance that
/// takes the sweep's lease runs it and the others skip that tick. The first tick waits one interval, so start-up (and its
/// database migration) is never slowed; a failure is logged and the next tick tries again.
/// </summary>
public abstract partial class LeasedSweep(LeasedJobRunner runner, TimeProvider timeProvider, ILogger logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>The lease's name: one per kind of sweep.</summary>
    public abstract string LeaseName { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Long enough for a sweep to start; renewed while it runs, so a long sweep keeps it.</summary>
    protected virtual TimeSpan LeaseDuration => TimeSpan.FromMinutes(1);

    /// <summary>The sweep itself; <paramref name="cancellationToken"/> is cancelled when the lease is lost or the app stops.</summary>
    protected abstract Task SweepAsync(CancellationToken cancellationToken);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Started here rather than in ExecuteAsync, which runs on a background thread: the interval counts from start-up.
        _timer = new PeriodicTimer(Interval, timeProvider);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer!.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    /// <summary>One tick: true when this instance held the lease and swept (or tried to), false when another instance holds it.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunAsync(LeaseName, LeaseDuration, SweepAsync, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSweepFailed(logger, exception, LeaseName);
            return true;
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background sweep {LeaseName} failed; the next tick tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string leaseName);
}
