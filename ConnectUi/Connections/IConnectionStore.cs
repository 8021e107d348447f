using ConnectUi.Providers;

namespace ConnectUi.Connections;

/// <summary>Reads and deletes saved connections; saving goes through <see cref="IConnectionService"/>, which verifies first.</summary>
public interface IConnectionStore
{
    /// <summary>The connection without its secrets, or null when there is none with that id.</summary>
    Task<SavedConnection?> FindAsync(Guid connectionId, CancellationToken cancellationToken);

    /// <summary>
    /// The end user's connections, oldest first, optionally of one provider. A null <paramref name="endUserId"/> lists the
    /// connections saved without an end user, never everyone's.
    /// </summary>
    Task<IReadOnlyList<SavedConnection>> ListAsync(string? endUserId, string? providerId, CancellationToken cancellationToken);

    /// <summary>As <see cref="ListAsync(string?, string?, CancellationToken)"/>, within one host API tenant only.</summary>
    Task<IReadOnlyList<SavedConnection>> ListAsync(string tenantId, string? endUserId, string? providerId, CancellationToken cancellationToken);

    /// <summary>Every field value, secrets decrypted, ready to fill a provider's credential model; null when there is no such connection.</summary>
    Task<IReadOnlyDictionary<string, string>?> GetCredentialsAsync(Guid connectionId, CancellationToken cancellationToken);

    /// <summary>Deletes the connection; its verification attempts stay for support. False when there was none.</summary>
    Task<bool> DeleteAsync(Guid connectionId, CancellationToken cancellationToken);

    /// <summary>
    /// The connection's test calls, newest first, at most <paramref name="limit"/>: when, what started each, the outcome and
    /// the status it led to. Never a secret. Null when there is no such connection.
    /// </summary>
    Task<IReadOnlyList<VerificationHistoryEntry>?> HistoryAsync(Guid connectionId, int limit, CancellationToken cancellationToken);
}

/// <summary>One test call of a connection, as its history shows it.</summary>
/// <param name="Trigger">Null for calls recorded before triggers were.</param>
/// <param name="Outcome">The outcome's name (<see cref="ProviderOutcome.Name"/>): a general category or the provider's own code.</param>
/// <param name="StatusAfter">Null for calls recorded before statuses were.</param>
public sealed record VerificationHistoryEntry(
    DateTimeOffset AttemptedAt,
    VerificationTrigger? Trigger,
    string Outcome,
    ConnectionStatus? StatusAfter,
    long DurationMs);

/// <summary>A saved connection as pages may show it: settings only, never a secret.</summary>
/// <param name="Settings">Values of the provider's non-secret fields, by field name.</param>
/// <param name="LastOutcome">The last test call's outcome name (<see cref="ProviderOutcome.Name"/>), as the host API shows it.</param>
public sealed record SavedConnection(
    Guid Id,
    string ProviderId,
    string? EndUserId,
    IReadOnlyDictionary<string, string> Settings,
    string? AccountLabel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset LastVerifiedAt,
    string LastOutcome,
    ConnectionStatus Status = ConnectionStatus.Healthy,
    DateTimeOffset? StatusChangedAt = null,
    DateTimeOffset? NextVerificationAt = null,
    string? TenantId = null);
