namespace ConnectUi.Embedding;

/// <summary>Which host pages may embed ConnectUi and receive its events, bound from <c>ConnectUi:Embedding</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "ConnectUi:Embedding";

    /// <summary>
    /// Origins (<c>https://app.example.com</c>, no path) allowed to show ConnectUi in an iframe or popup. Events are
    /// posted to these origins only, and sessions' redirect URLs must be on one of them. ConnectUi's own origin is always allowed.
    /// </summary>
    public IList<string> AllowedOrigins { get; init; } = [];

    /// <summary>The allowed origins in their canonical form (<c>scheme://host[:port]</c>, default port left out).</summary>
    public IReadOnlyList<string> NormalizedOrigins() =>
        AllowedOrigins.Select(o => TryNormalize(o, out var origin) ? origin : null).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The <c>frame-ancestors</c> sources: ConnectUi itself (its example host page) and the allowed origins, no one else.</summary>
    public string FrameAncestors() => string.Join(' ', ["'self'", .. NormalizedOrigins()]);

    public bool IsAllowed(Uri url) => TryNormalize(url.GetLeftPart(UriPartial.Authority), out var origin) && NormalizedOrigins().Contains(origin);

    /// <summary>Accepts an http(s) origin without path, query or fragment.</summary>
    public static bool TryNormalize(string? text, out string origin)
    {
        origin = string.Empty;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }

        origin = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        return true;
    }
}
