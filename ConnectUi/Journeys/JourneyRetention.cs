using Microsoft.Extensions.Options;

namespace ConnectUi.Journeys;

/// <summary>Deletes visits and journey events older than <c>ConnectUi:Support:Retention</c>, every <c>CleanupInterval</c>.</summary>
public sealed partial class JourneyRetention(
    VisitDirectory directory,
    IOptions<JourneyRetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<JourneyRetention> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(options.Value.CleanupInterval, timeProvider);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer!.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    /// <summary>One sweep; a failure is logged and the next tick tries again.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await directory.DeleteExpiredAsync(cancellationToken);
            if (deleted > 0)
            {
                LogDeleted(deleted);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSweepFailed(exception);
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} visits older than the support retention")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting old journey events failed; the next sweep tries again")]
    private partial void LogSweepFailed(Exception exception);
}
