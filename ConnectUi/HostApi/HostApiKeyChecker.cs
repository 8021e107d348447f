using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ConnectUi.HostApi;

/// <summary>
/// Checks a presented API key against the keys in configuration, in time that does not depend on where they differ.
/// Keys created at run time live in the database (<see cref="Keys.IHostApiKeyStore"/>); the middleware asks it next.
/// </summary>
public sealed class HostApiKeyChecker(IOptions<HostApiOptions> options)
{
    private readonly ConfiguredKey[] _keys = ConfiguredKeys(options.Value).ToArray();

    /// <summary>Longer than any real key; a longer header is refused without hashing megabytes.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>The keys from configuration, for the console's and the CLI's key lists.</summary>
    public IEnumerable<(HostApiCaller Caller, string? Name)> Configured => _keys.Select(k => (k.Caller, k.Name));

    /// <summary>The key's SHA-256, or null when it is missing or too long to be one of ours.</summary>
    public static byte[]? HashOf(string? key) =>
        string.IsNullOrEmpty(key) || key.Length > MaxKeyLength ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The caller a configured key identifies, or null when it is missing, too long or not configured.</summary>
    public HostApiCaller? Authenticate(string? key) => HashOf(key) is { } presented ? Authenticate(presented) : null;

    public HostApiCaller? Authenticate(byte[] presented)
    {
        HostApiCaller? match = null;

        // Every hash is compared, so the time taken does not tell which key (if any) came close.
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, key.Hash))
            {
                match = key.Caller;
            }
        }

        return match;
    }

    public bool IsValid(string? key) => Authenticate(key) is not null;

    /// <summary>
    /// The key from <c>Authorization: Bearer {key}</c>, else from <c>X-Api-Key: {key}</c>. The one place that decides
    /// which header counts: authentication and every limit go through the caller it yields.
    /// </summary>
    public static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return request.Headers.TryGetValue("X-Api-Key", out var key) ? key.ToString().Trim() : null;
    }

    /// <summary>True when the text is a SHA-256 hash in hex, as <see cref="HostApiOptions.HostApiKeys"/> expects.</summary>
    public static bool IsHash(string? text) =>
        text is not null && text.Trim() is { Length: 64 } hex && hex.All(char.IsAsciiHexDigit);

    /// <summary>The first 12 hex digits of the key's hash: enough to tell keys apart in logs and limits, useless to an attacker.</summary>
    public static string KeyIdOf(byte[] hash) => Convert.ToHexStringLower(hash)[..12];

    /// <summary>The tenant of a bare configured hash: a tenant of its own, named after the key.</summary>
    public static string TenantOfBareKey(string keyId) => "key-" + keyId;

    private static IEnumerable<ConfiguredKey> ConfiguredKeys(HostApiOptions options)
    {
        foreach (var hash in options.HostApiKeys.Where(IsHash))
        {
            var bytes = Convert.FromHexString(hash.Trim());
            yield return new ConfiguredKey(bytes, new HostApiCaller(KeyIdOf(bytes)), null);
        }

        foreach (var key in options.TenantKeys.Where(k => IsHash(k.Sha256)))
        {
            var bytes = Convert.FromHexString(key.Sha256.Trim());
            var scopes = HostApiScopes.Parse(key.Scopes) ?? new HashSet<string>();
            yield return new ConfiguredKey(bytes, new HostApiCaller(KeyIdOf(bytes), key.Tenant, scopes), key.Name);
        }
    }

    private sealed record ConfiguredKey(byte[] Hash, HostApiCaller Caller, string? Name);
}
