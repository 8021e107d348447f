using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Connections.Storage;

/// <summary>One provider test call of a saved connection, as support staff see it.</summary>
public sealed record VerificationHistoryEntry(DateTimeOffset AttemptedAt, VerificationOutcome Outcome, long DurationMs);

/// <summary>The test calls made with a connection: when it was saved and each re-verification since.</summary>
public interface IVerificationHistory
{
    /// <summary>The newest <paramref name="take"/> attempts of the connection, newest first.</summary>
    Task<IReadOnlyList<VerificationHistoryEntry>> ListAsync(Guid connectionId, int take, CancellationToken cancellationToken);
}

public sealed class VerificationHistory(IDbContextFactory<ConnectUiDbContext> databases) : IVerificationHistory
{
    public async Task<IReadOnlyList<VerificationHistoryEntry>> ListAsync(Guid connectionId, int take, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var attempts = await db.VerificationAttempts.AsNoTracking()
            .Where(a => a.ConnectionId == connectionId)
            .Select(a => new VerificationHistoryEntry(a.AttemptedAt, a.Outcome, a.DurationMs))
            .ToListAsync(cancellationToken);

        // SQLite cannot order by DateTimeOffset in SQL; one connection's attempts are few.
        return attempts.OrderByDescending(a => a.AttemptedAt).Take(take).ToArray();
    }
}
