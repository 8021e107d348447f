using ConnectUi.Providers;

namespace ConnectUi.Connections.Storage;

/// <summary>A saved connection: settings in clear, every secret field in one encrypted blob.</summary>
public sealed class ConnectionRecord
{
    public Guid Id { get; set; }
    public required string ProviderId { get; set; }

    /// <summary>The person of the host application the connection belongs to, when the host tells us.</summary>
    public string? EndUserId { get; set; }

    /// <summary>
    /// The host API tenant the connection belongs to (the tenant of the key that created its session); only that tenant's
    /// keys see it. Null for a connection saved without a session, or before tenancy (<c>keys assign-unowned</c>).
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>JSON object of the fields whose <see cref="Providers.CredentialField.IsSecret"/> is false.</summary>
    public required string SettingsJson { get; set; }

    /// <summary>Data Protection payload of the JSON object of every secret field; see <see cref="CredentialProtector"/>.</summary>
    public required string ProtectedCredentials { get; set; }

    /// <summary>The non-secret description of the account the provider reported (company name, server version).</summary>
    public string? AccountLabel { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset LastVerifiedAt { get; set; }
    /// <summary>The outcome's name (<see cref="ProviderOutcome.Name"/>): a general category or the provider's own code.</summary>
    public required string LastOutcome { get; set; }


    public ConnectionStatus Status { get; set; } = ConnectionStatus.Healthy;

    /// <summary>When <see cref="Status"/> last changed.</summary>
    public DateTimeOffset StatusChangedAt { get; set; }

    /// <summary>Refusals of the stored credentials since the provider last accepted them; see <see cref="ConnectionHealth"/>.</summary>
    public int ConsecutiveRefusals { get; set; }

    /// <summary>
    /// When the background re-verification checks this connection next, in milliseconds since the Unix epoch: a number so the
    /// "which are due" query compares it in SQL on SQLite as on PostgreSQL.
    /// </summary>
    public long NextVerificationAtUnixMs { get; set; }
}
