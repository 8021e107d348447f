using System.Security.Cryptography;

namespace ConnectUi.Security.Headers;

/// <summary>The request's CSP nonce: the header and the page's inline importmap must carry the same one.</summary>
public static class CspNonce
{
    private static readonly object ItemKey = new();

    /// <summary>The request's nonce, created on first use: 128 random bits, base64.</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[ItemKey] = nonce;
        return nonce;
    }
}
