using ConnectUi.Providers;

namespace ConnectUi.Connections;

/// <summary>Verifies credentials with the provider, and saves the connection only when the provider accepts them.</summary>
public interface IConnectionService
{
    Task<ConnectResult> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the provider test call again with a saved connection's stored credentials and records the outcome, the status it
    /// leads to and the attempt in the connection's history. Never changes or deletes the credentials, whatever the provider
    /// answers. Null when there is no such connection.
    /// </summary>
    Task<StoredVerification?> VerifyStoredAsync(Guid connectionId, VerificationTrigger trigger, CancellationToken cancellationToken);
}

/// <summary>A person's submitted form.</summary>
/// <param name="ReconnectConnectionId">Set when the person re-enters credentials of an existing connection.</param>
/// <param name="SessionId">
/// The host's connect session the form was opened with. Its end user and reconnect id must match the request's; saving
/// uses the session up in the same transaction, and an expired or used session saves nothing.
/// </param>
public sealed record ConnectRequest(
    ProviderDefinition Provider,
    CredentialModel Credentials,
    string? EndUserId = null,
    Guid? ReconnectConnectionId = null,
    Guid? SessionId = null);

/// <summary>The outcome of testing a saved connection's stored credentials again.</summary>
/// <param name="Problem">What the provider objected to; null when verified. Never holds a secret.</param>
/// <param name="Status">The connection's status after this check.</param>
public sealed record StoredVerification(
    Guid ConnectionId,
    string ProviderId,
    VerificationOutcome Outcome,
    DateTimeOffset VerifiedAt,
    ConnectProblem? Problem,
    string? AccountLabel,
    ConnectionStatus Status = ConnectionStatus.Healthy)
{
    /// <summary>The provider's own code for an ending only it knows; see <see cref="ProviderOutcome"/>.</summary>
    public string? OutcomeCode { get; init; }

    /// <summary>The outcome as the host API names it: the provider's code, or the category.</summary>
    public string OutcomeName => OutcomeCode ?? Outcome.ToString();

    public bool IsVerified => Outcome == VerificationOutcome.Verified;
}
