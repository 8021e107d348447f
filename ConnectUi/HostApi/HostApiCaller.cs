namespace ConnectUi.HostApi;

/// <summary>
/// The host API key a request was authenticated with, set as a request feature by <see cref="HostApiMiddleware"/>
/// before anything else under <c>/api</c> runs. Limits and endpoints read this, never a request header.
/// </summary>
/// <param name="KeyId">A stable, non-secret name of the key (a prefix of its hash), used to partition limits and in logs.</param>
/// <param name="TenantId">The tenant the key belongs to: it sees only that tenant's sessions, connections and events.</param>
/// <param name="Scopes">What the key may do; see <see cref="HostApiScopes"/>.</param>
public sealed record HostApiCaller(string KeyId, string TenantId, IReadOnlySet<string> Scopes)
{
    /// <summary>A key of its own tenant with every scope: what a bare hash in <c>ConnectUi:HostApiKeys</c> grants.</summary>
    public HostApiCaller(string keyId)
        : this(keyId, HostApiKeyChecker.TenantOfBareKey(keyId), HostApiScopes.AllSet)
    {
    }

    /// <summary>Lets endpoints take the caller as a parameter; <see cref="HostApiMiddleware"/> sets it on every <c>/api</c> request.</summary>
    public static ValueTask<HostApiCaller?> BindAsync(HttpContext context) => ValueTask.FromResult(context.Features.Get<HostApiCaller>());

    public bool Allows(string scope) => Scopes.Contains(scope);

    /// <summary>Whether a row with this tenant is the caller's: a row without a tenant is nobody's through the API.</summary>
    public bool Owns(string? tenantId) => tenantId is not null && string.Equals(tenantId, TenantId, StringComparison.Ordinal);
}
