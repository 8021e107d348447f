using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ConnectUi.HostApi;

/// <summary>Checks a presented API key against the configured hashes, in time that does not depend on where they differ.</summary>
public sealed class HostApiKeyChecker(IOptions<HostApiOptions> options)
{
    private readonly byte[][] _hashes = options.Value.HostApiKeys
        .Where(h => !string.IsNullOrWhiteSpace(h))
        .Select(h => Convert.FromHexString(h.Trim()))
        .ToArray();

    /// <summary>Longer than any real key; a longer header is refused without hashing megabytes.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>The caller the key identifies, or null when it is missing, too long or not configured.</summary>
    public HostApiCaller? Authenticate(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return null;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        byte[]? match = null;

        // Every hash is compared, so the time taken does not tell which key (if any) came close.
        foreach (var hash in _hashes)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                match = hash;
            }
        }

        return match is null ? null : new HostApiCaller(KeyIdOf(match));
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
    internal static string KeyIdOf(byte[] hash) => Convert.ToHexStringLower(hash)[..12];
}
