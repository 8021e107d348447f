using ConnectUi.BackgroundWork;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ConnectUi.Providers;
using ConnectUi.Storage;

namespace ConnectUi.Reverification;

/// <summary>
/// Tests every saved connection's stored credentials again when it is due (<see cref="VerificationOptions"/>), so a host
/// learns that a connection broke before its own calls fail. One instance at a time runs it (a database lease); at most
/// <see cref="VerificationOptions.ConcurrencyPerProvider"/> calls go to one provider at once, and a provider that answers
/// "too many requests" is left alone for a while. A check never changes the stored credentials.
/// </summary>
public sealed partial class ConnectionReverification(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<ConnectUiDbContext> dbContextFactory,
    LeasedJobRunner runner,
    IOptions<VerificationOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectionReverification> logger) : BackgroundService
{
    public const string JobName = "connection-reverification";

    /// <summary>Renewed while a round runs, so a long round keeps it; a crashed instance frees it this long after.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    private readonly Lock _backoffLock = new();
    private readonly Dictionary<string, ProviderBackoff> _backoff = new(StringComparer.OrdinalIgnoreCase);
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Created here rather than in ExecuteAsync, which runs on a background thread: the interval counts from start-up.
        _timer = new PeriodicTimer(options.Value.PollInterval, timeProvider);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (await _timer!.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    /// <summary>
    /// One round: checks the connections that are due, unless another instance is running the job. Returns how many were
    /// checked. A failure is logged and the next round tries again.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var checkedCount = 0;
        try
        {
            await runner.RunAsync(JobName, LeaseDuration, async held => checkedCount = await CheckDueAsync(held), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRoundFailed(exception);
        }

        return checkedCount;
    }

    private async Task<int> CheckDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        List<DueConnection> due;
        await using (var db = await dbContextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Connections.AsNoTracking()
                .Where(c => c.NextVerificationAtUnixMs <= now)
                .OrderBy(c => c.NextVerificationAtUnixMs)
                .Take(settings.BatchSize)
                .Select(c => new DueConnection(c.Id, c.ProviderId))
                .ToListAsync(cancellationToken);
        }

        var counts = await Task.WhenAll(due
            .GroupBy(c => c.ProviderId, StringComparer.OrdinalIgnoreCase)
            .Select(provider => CheckProviderAsync(provider.Key, provider.Select(c => c.Id).ToArray(), cancellationToken)));
        return counts.Sum();
    }

    /// <summary>One provider's due connections, at most the configured number at once, until it says "too many requests".</summary>
    private async Task<int> CheckProviderAsync(string providerId, Guid[] connectionIds, CancellationToken cancellationToken)
    {
        var checkedCount = 0;
        await Parallel.ForEachAsync(
            connectionIds,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConcurrencyPerProvider, CancellationToken = cancellationToken },
            async (connectionId, token) =>
            {
                if (IsBackingOff(providerId))
                {
                    // Left due: the first round after the pause checks it.
                    return;
                }

                var outcome = await CheckAsync(connectionId, token);
                Interlocked.Increment(ref checkedCount);
                if (outcome == VerificationOutcome.RateLimited)
                {
                    BackOff(providerId);
                }
                else if (outcome is not null)
                {
                    ClearBackoff(providerId);
                }
            });
        return checkedCount;
    }

    private async Task<VerificationOutcome?> CheckAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IConnectionService>()
                .VerifyStoredAsync(connectionId, VerificationTrigger.Scheduled, cancellationToken);
            return result?.Outcome;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The check itself failed (say, the key ring cannot decrypt the row): try this one again later, not every round.
            LogCheckFailed(exception, connectionId);
            await PostponeAsync(connectionId);
            return null;
        }
    }

    private async Task PostponeAsync(Guid connectionId)
    {
        try
        {
            var next = (timeProvider.GetUtcNow() + options.Value.RetryAfterFailure).ToUnixTimeMilliseconds();
            await using var db = await dbContextFactory.CreateDbContextAsync();
            await db.Connections.Where(c => c.Id == connectionId)
                .ExecuteUpdateAsync(setters => setters.SetProperty(c => c.NextVerificationAtUnixMs, next));
        }
        catch (Exception exception)
        {
            LogPostponeFailed(exception, connectionId);
        }
    }

    private bool IsBackingOff(string providerId)
    {
        lock (_backoffLock)
        {
            return _backoff.TryGetValue(providerId, out var backoff) && backoff.Until > timeProvider.GetUtcNow();
        }
    }

    private void BackOff(string providerId)
    {
        var settings = options.Value;
        lock (_backoffLock)
        {
            var strikes = _backoff.TryGetValue(providerId, out var previous) ? previous.Strikes + 1 : 1;
            var pause = TimeSpan.FromTicks(Math.Min(
                settings.MaxRateLimitBackoff.Ticks,
                settings.RateLimitBackoff.Ticks * (long)Math.Pow(2, Math.Min(strikes - 1, 30))));
            _backoff[providerId] = new ProviderBackoff(strikes, timeProvider.GetUtcNow() + pause);
            LogBackingOff(providerId, pause);
        }
    }

    private void ClearBackoff(string providerId)
    {
        lock (_backoffLock)
        {
            _backoff.Remove(providerId);
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    private sealed record DueConnection(Guid Id, string ProviderId);

    private sealed record ProviderBackoff(int Strikes, DateTimeOffset Until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A re-verification round failed; the next round tries again")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-verifying connection {ConnectionId} failed; it is tried again later")]
    private partial void LogCheckFailed(Exception exception, Guid connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postponing the re-verification of connection {ConnectionId} failed")]
    private partial void LogPostponeFailed(Exception exception, Guid connectionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ProviderId} answered too many requests; re-verification pauses for {Pause}")]
    private partial void LogBackingOff(string providerId, TimeSpan pause);
}
