namespace ConnectUi.Sessions;

/// <summary>Creates connect sessions for the host API and resolves their tokens for the UI.</summary>
/// <remarks>A session is used up by <see cref="Connections.IConnectionService"/>, in the same transaction that saves the connection.</remarks>
public interface ISessionService
{
    Task<CreatedSession> CreateAsync(NewSession request, CancellationToken cancellationToken);

    /// <summary>The session a token opens and whether it is still usable; never throws for a malformed token.</summary>
    Task<SessionLookup> FindAsync(string? token, CancellationToken cancellationToken);

    /// <summary>
    /// The session with this id and whether it is still usable: for a circuit resumed from persisted state, which keeps
    /// the session's id and never its token.
    /// </summary>
    Task<SessionLookup> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes the sessions that expired longer ago than <see cref="SessionOptions.ExpiredRetention"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(CancellationToken cancellationToken);
}
