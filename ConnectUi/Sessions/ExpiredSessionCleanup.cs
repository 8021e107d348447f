using Microsoft.Extensions.Options;

namespace ConnectUi.Sessions;

/// <summary>Deletes long-expired connect sessions every <see cref="SessionOptions.CleanupInterval"/>, so the table does not grow forever.</summary>
public sealed partial class ExpiredSessionCleanup(
    IServiceScopeFactory scopeFactory,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider,
    ILogger<ExpiredSessionCleanup> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Started here rather than in ExecuteAsync, which runs on a background thread: the interval counts from start-up.
        _timer = new PeriodicTimer(options.Value.CleanupInterval, timeProvider);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits one interval, so start-up (and its database migration) is never slowed by it.
        while (await _timer!.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    /// <summary>One sweep; a failure (say, the database is locked) is logged and the next tick tries again.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISessionService>().DeleteExpiredAsync(cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired connect sessions failed; the next sweep tries again")]
    private partial void LogSweepFailed(Exception exception);
}
