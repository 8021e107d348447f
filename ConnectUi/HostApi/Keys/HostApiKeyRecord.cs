namespace ConnectUi.HostApi.Keys;

/// <summary>
/// A host API key created at run time (CLI or support console). Only the key's SHA-256 is kept: the key is shown once,
/// when it is created, and a database copy cannot be used to call the API.
/// </summary>
public sealed class HostApiKeyRecord
{
    /// <summary>The first 12 hex digits of the hash: the key's public name in logs, limits, lists and the revoke command.</summary>
    public required string Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public required string Hash { get; set; }

    /// <summary>What it is for, for people ("Acme production backend").</summary>
    public required string Name { get; set; }

    public required string TenantId { get; set; }

    /// <summary>Space-separated <see cref="HostApiScopes"/>.</summary>
    public required string Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>Set when revoked: the key stops working with the next request, on every instance.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
