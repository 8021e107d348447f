namespace ConnectUi.Sessions;

/// <summary>
/// The saved connection a reconnect session renews, as the connect page shows it: its provider, settings (non-secret
/// field values by field name) and account; never a secret.
/// </summary>
public sealed record RenewedConnection(
    Guid ConnectionId,
    string ProviderId,
    IReadOnlyDictionary<string, string> Settings,
    string? AccountLabel,
    DateTimeOffset LastVerifiedAt);
