using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Connections.Storage;

/// <summary>The SQLite-backed read side of saved connections; one short-lived DbContext per call.</summary>
public sealed class ConnectionStore(
    IDbContextFactory<ConnectUiDbContext> dbContextFactory,
    CredentialProtector protector,
    ConnectionEventOutbox events,
    TimeProvider timeProvider) : IConnectionStore
{
    public async Task<SavedConnection?> FindAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        return record is null ? null : ToSavedConnection(record);
    }

    public Task<IReadOnlyList<SavedConnection>> ListAsync(string? endUserId, string? providerId, CancellationToken cancellationToken) =>
        ListAsync(db => db.Connections.AsNoTracking().Where(c => c.EndUserId == endUserId), providerId, cancellationToken);

    public Task<IReadOnlyList<SavedConnection>> ListAsync(string tenantId, string? endUserId, string? providerId, CancellationToken cancellationToken) =>
        ListAsync(db => db.Connections.AsNoTracking().Where(c => c.TenantId == tenantId && c.EndUserId == endUserId), providerId, cancellationToken);

    private async Task<IReadOnlyList<SavedConnection>> ListAsync(
        Func<ConnectUiDbContext, IQueryable<ConnectionRecord>> connections, string? providerId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var query = connections(db);
        if (providerId is not null)
        {
            query = query.Where(c => c.ProviderId == providerId);
        }

        var records = await query.ToListAsync(cancellationToken);
        // SQLite cannot order by DateTimeOffset in SQL; one person's connections are few.
        return records.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(ToSavedConnection).ToArray();
    }

    public async Task<IReadOnlyDictionary<string, string>?> GetCredentialsAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(ConnectionSettings.Deserialize(record.SettingsJson), StringComparer.Ordinal);
        foreach (var (name, value) in protector.Unprotect(record.Id, record.ProtectedCredentials))
        {
            values[name] = value;
        }

        return values;
    }

    public async Task<bool> DeleteAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Connections.SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (record is null)
        {
            return false;
        }

        // One SaveChanges: the row goes and its connection.deleted event is stored, or neither.
        db.Connections.Remove(record);
        events.Add(db, ConnectionEventTypes.Deleted, record, timeProvider.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request deleted it first, and wrote the event.
            return false;
        }

        events.NotifyCommitted();
        return true;
    }

    public async Task<IReadOnlyList<VerificationHistoryEntry>?> HistoryAsync(Guid connectionId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Connections.AnyAsync(c => c.Id == connectionId, cancellationToken))
        {
            return null;
        }

        var attempts = await db.VerificationAttempts.AsNoTracking()
            .Where(a => a.ConnectionId == connectionId)
            .Select(a => new VerificationHistoryEntry(a.AttemptedAt, a.Trigger, a.Outcome, a.StatusAfter, a.DurationMs))
            .ToListAsync(cancellationToken);
        // SQLite cannot order by DateTimeOffset in SQL; one connection's attempts are a few a day.
        return attempts.OrderByDescending(a => a.AttemptedAt).Take(limit).ToArray();
    }

    private static SavedConnection ToSavedConnection(ConnectionRecord record) => new(
        record.Id,
        record.ProviderId,
        record.EndUserId,
        ConnectionSettings.Deserialize(record.SettingsJson),
        record.AccountLabel,
        record.CreatedAt,
        record.UpdatedAt,
        record.LastVerifiedAt,
        record.LastOutcome,
        record.Status,
        record.StatusChangedAt,
        DateTimeOffset.FromUnixTimeMilliseconds(record.NextVerificationAtUnixMs),
        record.TenantId);
}
