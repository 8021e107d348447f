using System.Buffers.Text;
using System.Security.Cryptography;

namespace ConnectUi.Security.Headers;

/// <summary>The request's CSP nonce: the header and the page's inline importmap must carry the same one.</summary>
public static class CspNonce
{
    private static readonly object ItemKey = new();

    /// <summary>
    /// The request's nonce, created on first use: 128 random bits, base64url. Not plain base64: Razor writes '+' in an
    /// attribute as <c>&amp;#x2B;</c>, which browsers decode but anything reading the raw HTML would not match.
    /// </summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is string nonce)
        {
            return nonce;
        }

        nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[ItemKey] = nonce;
        return nonce;
    }
}
