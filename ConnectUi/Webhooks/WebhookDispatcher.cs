using ConnectUi.BackgroundWork;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ConnectUi.Storage;

namespace ConnectUi.Webhooks;

/// <summary>
/// Delivers the outbox to the host: each committed event until the host answers 2xx, retrying with exponential back-off for
/// <see cref="WebhookOptions.RetryFor"/>, with the same <c>webhook-id</c> every time. One connection's events go in the order
/// they were written: a later one waits while an earlier one is still being retried. Events left by a stopped instance are
/// sent after restart, since they are rows, not memory. One instance dispatches at a time (a database lease).
/// </summary>
public sealed partial class WebhookDispatcher(
    IDbContextFactory<ConnectUiDbContext> dbContextFactory,
    WebhookSender sender,
    ConnectionEventOutbox outbox,
    LeasedJobRunner runner,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string JobName = "webhook-dispatch";

    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    /// <summary>Rounds one wake-up runs at most, each sending the next event of every connection that has one due.</summary>
    private const int MaxRoundsPerWakeUp = 50;

    private const int BatchSize = 200;

    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(options.Value.PollInterval, timeProvider);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Url is null)
        {
            return;
        }

        // At start: whatever a stopped instance committed but did not deliver goes first.
        await RunOnceAsync(stoppingToken);
        var tick = _timer!.WaitForNextTickAsync(stoppingToken).AsTask();
        var committed = outbox.WaitForCommitAsync(stoppingToken);
        while (true)
        {
            var woken = await Task.WhenAny(tick, committed);
            if (woken == tick)
            {
                if (!await tick)
                {
                    return;
                }

                tick = _timer.WaitForNextTickAsync(stoppingToken).AsTask();
            }
            else
            {
                await committed;
                committed = outbox.WaitForCommitAsync(stoppingToken);
            }

            await RunOnceAsync(stoppingToken);
        }
    }

    /// <summary>Delivers what is due, unless another instance is dispatching. Returns how many attempts were made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            await runner.RunAsync(
                JobName,
                LeaseDuration,
                async held =>
                {
                    for (var round = 0; round < MaxRoundsPerWakeUp; round++)
                    {
                        var made = await RunRoundAsync(held);
                        attempts += made.Attempts;
                        if (made.Delivered == 0)
                        {
                            break;
                        }
                    }
                },
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRoundFailed(exception);
        }

        return attempts;
    }

    /// <summary>One attempt for the oldest pending event of each connection whose attempt is due.</summary>
    private async Task<(int Attempts, int Delivered)> RunRoundAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        List<ConnectionEventRecord> heads;
        await using (var db = await dbContextFactory.CreateDbContextAsync(cancellationToken))
        {
            var events = db.ConnectionEvents;
            heads = await events.AsNoTracking()
                .Where(e => e.Delivery == ConnectionEventDelivery.Pending && e.NextAttemptAtUnixMs <= now)
                .Where(e => !events.Any(earlier =>
                    earlier.ConnectionId == e.ConnectionId
                    && earlier.Delivery == ConnectionEventDelivery.Pending
                    && earlier.Sequence < e.Sequence))
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var delivered = 0;
        await Parallel.ForEachAsync(
            heads,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (head, token) =>
            {
                if (await AttemptAsync(head, token))
                {
                    Interlocked.Increment(ref delivered);
                }
            });
        return (heads.Count, delivered);
    }

    private async Task<bool> AttemptAsync(ConnectionEventRecord head, CancellationToken cancellationToken)
    {
        var error = await sender.SendAsync(head, cancellationToken);
        var at = timeProvider.GetUtcNow();
        var attempts = head.Attempts + 1;
        var settings = options.Value;
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var events = db.ConnectionEvents.Where(e => e.Sequence == head.Sequence);
        if (error is null)
        {
            await events.ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(e => e.Delivery, ConnectionEventDelivery.Delivered)
                    .SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.LastAttemptAt, at)
                    .SetProperty(e => e.DeliveredAt, at),
                cancellationToken);
            LogDelivered(head.MessageId, head.Type, attempts);
            return true;
        }

        var givingUp = at - head.RetryingSince >= settings.RetryFor;
        var next = at + RetryDelay(attempts, settings);
        // Only the row as this attempt found it: a replay, or an operator marking it, since it was read stays as they left it.
        await events.Where(e => e.Delivery == ConnectionEventDelivery.Pending && e.Attempts == head.Attempts).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(e => e.Delivery, givingUp ? ConnectionEventDelivery.Failed : ConnectionEventDelivery.Pending)
                .SetProperty(e => e.Attempts, attempts)
                .SetProperty(e => e.LastAttemptAt, at)
                .SetProperty(e => e.LastError, error.Length > 300 ? error[..300] : error)
                .SetProperty(e => e.NextAttemptAtUnixMs, next.ToUnixTimeMilliseconds()),
            cancellationToken);
        if (givingUp)
        {
            LogGaveUp(head.MessageId, head.Type, attempts, error);
        }
        else
        {
            LogAttemptFailed(head.MessageId, head.Type, attempts, error, next);
        }

        return false;
    }

    /// <summary>After the n-th failed attempt: the initial delay doubled n-1 times, at most the maximum.</summary>
    public static TimeSpan RetryDelay(int failedAttempts, WebhookOptions settings)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 40);
        var delay = settings.InitialRetryDelay.TotalSeconds * Math.Pow(2, doublings);
        return TimeSpan.FromSeconds(Math.Min(delay, settings.MaxRetryDelay.TotalSeconds));
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {MessageId} ({Type}) delivered on attempt {Attempts}")]
    private partial void LogDelivered(string messageId, string type, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {MessageId} ({Type}) attempt {Attempts} failed: {Error}; next attempt at {NextAttemptAt}")]
    private partial void LogAttemptFailed(string messageId, string type, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {MessageId} ({Type}) failed {Attempts} times, the last with {Error}; it is listed as failed until replayed")]
    private partial void LogGaveUp(string messageId, string type, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook dispatch round failed; the next round tries again")]
    private partial void LogRoundFailed(Exception exception);
}
