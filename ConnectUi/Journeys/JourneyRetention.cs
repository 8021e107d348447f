using ConnectUi.BackgroundWork;
using Microsoft.Extensions.Options;

namespace ConnectUi.Journeys;

/// <summary>
/// Deletes visits and journey events older than <c>ConnectUi:Support:Retention</c>, every <c>CleanupInterval</c>; on one
/// instance at a time (<see cref="LeasedSweep"/>).
/// </summary>
public sealed partial class JourneyRetention(
    VisitDirectory directory,
    IOptions<JourneyRetentionOptions> options,
    LeasedJobRunner runner,
    TimeProvider timeProvider,
    ILogger<JourneyRetention> logger) : LeasedSweep(runner, timeProvider, logger)
{
    public override string LeaseName => "journey-retention";

    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        var deleted = await directory.DeleteExpiredAsync(cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(deleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} visits older than the support retention")]
    private partial void LogDeleted(int count);
}
