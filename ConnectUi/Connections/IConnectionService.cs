using ConnectUi.Providers;

namespace ConnectUi.Connections;

/// <summary>Verifies credentials with the provider, and saves the connection only when the provider accepts them.</summary>
public interface IConnectionService
{
    Task<ConnectResult> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken);
}

/// <summary>A person's submitted form.</summary>
/// <param name="ReconnectConnectionId">Set when the person re-enters credentials of an existing connection.</param>
public sealed record ConnectRequest(
    ProviderDefinition Provider,
    CredentialModel Credentials,
    string? EndUserId = null,
    Guid? ReconnectConnectionId = null);
