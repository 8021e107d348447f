namespace ConnectUi.Sessions;

/// <summary>A stored connect session. Only the token's SHA-256 hash is kept, so a database copy cannot open a session.</summary>
public sealed class ConnectSessionRecord
{
    public Guid Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token; see <see cref="SessionToken"/>.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The host API tenant whose key created the session; null for one created in the support console without a tenant.</summary>
    public string? TenantId { get; set; }

    public required string EndUserId { get; set; }
    public string? EndUserEmail { get; set; }

    /// <summary>Provider ids separated by commas; null when every provider is allowed.</summary>
    public string? AllowedProviders { get; set; }

    public string? RedirectUrl { get; set; }

    /// <summary>The host's brand for this session as JSON (<see cref="Branding.SessionBranding"/>); null for the installation's.</summary>
    public string? Branding { get; set; }

    /// <summary>Room for an inline logo at its largest (10 KB, 13.7 KB in base64) plus the other parts.</summary>
    public const int MaxBrandingLength = 16_000;

    public Guid? ReconnectConnectionId { get; set; }

    /// <summary>The culture name the host asked for (<c>de</c>, <c>pt-BR</c>, …); null leaves it to the browser.</summary>
    public string? Locale { get; set; }

    /// <summary>Non-secret field values as a JSON object (a guided link's prefill); never a secret field.</summary>
    public string? PrefillJson { get; set; }

    /// <summary>The guide step anchor the page opens at.</summary>
    public string? StartStep { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when a connection was saved with the session; a concurrency token, so two tabs cannot both use it.</summary>
    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>The connection saved with the session.</summary>
    public Guid? ConnectionId { get; set; }
}
