using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConnectUi.Sessions;

public sealed partial class SessionService(
    IDbContextFactory<ConnectUiDbContext> dbContextFactory,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider,
    ILogger<SessionService> logger) : ISessionService
{
    public async Task<CreatedSession> CreateAsync(NewSession request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = timeProvider.GetUtcNow();
        var token = SessionToken.Create();
        var record = new ConnectSessionRecord
        {
            Id = Guid.CreateVersion7(now),
            TokenHash = SessionToken.Hash(token),
            TenantId = request.TenantId,
            EndUserId = request.EndUserId,
            EndUserEmail = request.EndUserEmail,
            AllowedProviders = ConnectSession.JoinProviders(request.AllowedProviders),
            RedirectUrl = request.RedirectUrl?.AbsoluteUri,
            ReconnectConnectionId = request.ReconnectConnectionId,
            Locale = request.Locale,
            PrefillJson = ConnectSession.JoinPrefill(request.Prefill),
            StartStep = request.StartStep,
            Branding = ConnectSession.SerializeBranding(request.Branding),
            CreatedAt = now,
            ExpiresAt = now + options.Value.Lifetime,
        };

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        db.ConnectSessions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(record.Id, record.ExpiresAt);
        return new CreatedSession(token, ConnectSession.FromRecord(record));
    }

    public async Task<SessionLookup> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!SessionToken.HasValidShape(token))
        {
            return SessionLookup.Unknown;
        }

        var hash = SessionToken.Hash(token!);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.ConnectSessions.AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        return record is null ? SessionLookup.Unknown : new SessionLookup(StatusOf(record, timeProvider.GetUtcNow()), ConnectSession.FromRecord(record));
    }

    public async Task<SessionLookup> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.ConnectSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return record is null ? SessionLookup.Unknown : new SessionLookup(StatusOf(record, timeProvider.GetUtcNow()), ConnectSession.FromRecord(record));
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.ExpiredRetention;
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);

        // SQLite cannot compare DateTimeOffset values in SQL, so the (small) id/expiry pairs are filtered here.
        var candidates = await db.ConnectSessions.AsNoTracking()
            .Select(s => new { s.Id, s.ExpiresAt })
            .ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var batch in candidates.Where(s => s.ExpiresAt < cutoff).Select(s => s.Id).Chunk(500))
        {
            deleted += await db.ConnectSessions.Where(s => batch.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        if (deleted > 0)
        {
            LogDeletedExpired(deleted, cutoff);
        }

        return deleted;
    }

    /// <summary>Shared with the connection service, which re-checks the session at the moment it saves.</summary>
    internal static SessionStatus StatusOf(ConnectSessionRecord record, DateTimeOffset now) =>
        record.ConsumedAt is not null ? SessionStatus.Used
        : now >= record.ExpiresAt ? SessionStatus.Expired
        : SessionStatus.Active;

    [LoggerMessage(Level = LogLevel.Information, Message = "Connect session {SessionId} created, expires at {ExpiresAt}")]
    private partial void LogCreated(Guid sessionId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} connect sessions that expired before {Cutoff}")]
    private partial void LogDeletedExpired(int count, DateTimeOffset cutoff);
}
