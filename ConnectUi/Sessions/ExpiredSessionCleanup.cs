using ConnectUi.BackgroundWork;
using Microsoft.Extensions.Options;

namespace ConnectUi.Sessions;

/// <summary>
/// Deletes long-expired connect sessions every <see cref="SessionOptions.CleanupInterval"/>, so the table does not grow
/// forever; on one instance at a time (<see cref="LeasedSweep"/>).
/// </summary>
public sealed class ExpiredSessionCleanup(
    IServiceScopeFactory scopeFactory,
    IOptions<SessionOptions> options,
    LeasedJobRunner runner,
    TimeProvider timeProvider,
    ILogger<ExpiredSessionCleanup> logger) : LeasedSweep(runner, timeProvider, logger)
{
    public override string LeaseName => "expired-session-cleanup";

    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISessionService>().DeleteExpiredAsync(cancellationToken);
    }
}
