using ConnectUi.Connections.Storage;
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
            EndUserId = request.EndUserId,
            EndUserEmail = request.EndUserEmail,
            AllowedProviders = ConnectSession.JoinProviders(request.AllowedProviders),
            RedirectUrl = request.RedirectUrl?.AbsoluteUri,
            ReconnectConnectionId = request.ReconnectConnectionId,
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

    /// <summary>Shared with the connection service, which re-checks the session at the moment it saves.</summary>
    internal static SessionStatus StatusOf(ConnectSessionRecord record, DateTimeOffset now) =>
        record.ConsumedAt is not null ? SessionStatus.Used
        : now >= record.ExpiresAt ? SessionStatus.Expired
        : SessionStatus.Active;

    [LoggerMessage(Level = LogLevel.Information, Message = "Connect session {SessionId} created, expires at {ExpiresAt}")]
    private partial void LogCreated(Guid sessionId, DateTimeOffset expiresAt);
}
