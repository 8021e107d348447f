using System.Text;

namespace ConnectUi.Security.Outbound;

/// <summary>Reads a provider's response body up to a size cap, so a huge or endless body cannot exhaust memory.</summary>
public static class LimitedBody
{
    public const int DefaultMaxBytes = 256 * 1024;

    /// <summary>The body as text, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsStringAsync(HttpContent content, CancellationToken cancellationToken, int maxBytes = DefaultMaxBytes)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[Math.Min(maxBytes + 1, 16 * 1024)];
        using var collected = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            collected.Write(buffer, 0, read);
            if (collected.Length > maxBytes)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(collected.GetBuffer(), 0, (int)collected.Length);
    }
}
