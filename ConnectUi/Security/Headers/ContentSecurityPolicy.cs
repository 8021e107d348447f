using System.Text.RegularExpressions;

namespace ConnectUi.Security.Headers;

/// <summary>The Content-Security-Policy of every page, built once at start with a placeholder for the per-request nonce.</summary>
public static partial class ContentSecurityPolicy
{
    public const string EmbeddingOriginsKey = "ConnectUi:Embedding:AllowedOrigins";

    internal const string NoncePlaceholder = "{nonce}";

    /// <summary>
    /// Scripts only from this origin, plus inline scripts carrying the request's nonce (the importmap Blazor renders).
    /// Styles allow 'unsafe-inline': MudBlazor writes style attributes and its theme as a &lt;style&gt; element at run
    /// time, which no nonce or hash can cover; injected CSS cannot run script, and script stays strict.
    /// connect-src 'self' also covers the circuit's ws:/wss: connection (CSP Level 3, Chromium and Firefox).
    /// </summary>
    public static string Build(IConfiguration configuration) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{NoncePlaceholder}'",
        "style-src 'self' 'unsafe-inline'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        $"frame-ancestors {FrameAncestors(configuration)}");

    /// <summary>
    /// The sources that may frame our pages: the origins under <c>ConnectUi:Embedding:AllowedOrigins</c>, or 'none'.
    /// Each must be an http(s) origin, optionally with a <c>*.</c> subdomain wildcard; anything else stops the app at start.
    /// </summary>
    public static string FrameAncestors(IConfiguration configuration)
    {
        var origins = AllowedOrigins(configuration);
        return origins.Count == 0 ? "'none'" : string.Join(' ', origins);
    }

    /// <summary>The configured embedding origins, normalized (lower case, no trailing slash).</summary>
    public static IReadOnlyList<string> AllowedOrigins(IConfiguration configuration)
    {
        var configured = configuration.GetSection(EmbeddingOriginsKey).Get<string[]>() ?? [];
        var origins = new List<string>();
        foreach (var value in configured.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            var origin = value.Trim().TrimEnd('/').ToLowerInvariant();
            if (!OriginPattern().IsMatch(origin))
            {
                throw new InvalidOperationException(
                    $"{EmbeddingOriginsKey} holds '{value}', which is not an origin such as https://app.example.com or https://*.example.com.");
            }

            origins.Add(origin);
        }

        return origins.Distinct(StringComparer.Ordinal).ToArray();
    }

    [GeneratedRegex(@"^https?://(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex OriginPattern();
}
