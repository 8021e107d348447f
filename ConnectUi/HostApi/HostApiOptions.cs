namespace ConnectUi.HostApi;

/// <summary>The host API, bound from the <c>ConnectUi</c> section.</summary>
public sealed class HostApiOptions
{
    public const string Section = "ConnectUi";

    /// <summary>
    /// Lower-case hex SHA-256 hashes of the API keys host backends present (<c>printf %s "$KEY" | sha256sum</c>).
    /// Keys themselves are never configured, so a leaked settings file does not give access. Each bare hash is a tenant
    /// of its own with every scope; <see cref="TenantKeys"/> names the tenant and narrows the scopes.
    /// </summary>
    public IList<string> HostApiKeys { get; init; } = [];

    /// <summary>Keys configured with their tenant and scopes (<c>ConnectUi:TenantKeys:0:Sha256</c>, <c>:Tenant</c>, <c>:Scopes:0</c>).</summary>
    public IList<TenantKeyOptions> TenantKeys { get; init; } = [];

    /// <summary>The largest request body the host API reads.</summary>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;
}

/// <summary>One configured host API key of a named tenant.</summary>
public sealed class TenantKeyOptions
{
    /// <summary>The key's SHA-256 in hex, as for <see cref="HostApiOptions.HostApiKeys"/>.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>The tenant (host application) the key belongs to; several keys may share one.</summary>
    public string Tenant { get; set; } = string.Empty;

    /// <summary>What the key may do (<see cref="HostApiScopes"/>); empty grants every scope.</summary>
    public IList<string> Scopes { get; init; } = [];

    /// <summary>A name for people (shown in the console's key list).</summary>
    public string? Name { get; set; }
}
